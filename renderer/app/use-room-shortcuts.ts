// Keyboard: Alt+ArrowDown / Alt+ArrowUp open the next / previous room in list order, Ctrl+K /
// Cmd+K opens "Jump to room", Escape closes search results. Listened to on the window so they
// work from the composer too (which gets the focus back in the new room: room-view.tsx).
import { useEffect } from 'react';
import type { ChatStore } from '../store/chat-store';
import { groupRooms } from '../store/selectors';
import type { ChatClient } from '../store/socket-bridge';

export function nextRoomId(store: ChatStore, step: 1 | -1): string | null {
  const { rooms, categories, activeRoomId } = store.getState();
  const ordered = groupRooms(rooms, categories).flatMap((group) => group.rooms.filter((room) => !room.disabled));
  if (ordered.length === 0) return null;
  const index = ordered.findIndex((room) => room.id === activeRoomId);
  const next = index === -1 ? (step === 1 ? 0 : ordered.length - 1) : (index + step + ordered.length) % ordered.length;
  return ordered[next]?.id ?? null;
}

export function useRoomShortcuts(store: ChatStore, client: ChatClient, openJump: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        const target = nextRoomId(store, event.key === 'ArrowDown' ? 1 : -1);
        if (!target) return;
        event.preventDefault();
        void client.openRoom(target);
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openJump();
      } else if (event.key === 'Escape' && store.getState().search) {
        client.closeSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, client, openJump]);
}
