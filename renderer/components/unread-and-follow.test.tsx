// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { connectedHarness } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';
import { FollowButton } from './follow-button';
import { RoomList } from './room-list';

afterEach(() => cleanup());

describe('unread badge and Follow', () => {
  it('shows the count of a followed room beside its button, whose name stays the room name', async () => {
    const h = await connectedHarness();
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, followed: true, lastSeq: 5, lastReadSeq: 2 })) }));
    renderWithChat(<RoomList />, h);
    const nav = screen.getByRole('navigation', { name: 'Rooms' });
    const button = within(nav).getByRole('button', { name: 'Desk' });
    expect(button.textContent).toBe('Desk');
    expect(within(nav).getByText('3 unread')).toBeTruthy();
    h.socket.push('room:activity', { roomId: 'r1', lastSeq: 6 });
    await waitFor(() => expect(within(nav).getByText('4 unread')).toBeTruthy());
  });

  it('shows no count for rooms that are not followed', async () => {
    const h = await connectedHarness();
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, followed: false, lastSeq: 5, lastReadSeq: 2 })) }));
    renderWithChat(<RoomList />, h);
    expect(screen.queryByText(/unread/)).toBeNull();
  });

  it('toggles following with aria-pressed and asks for notification permission on the click', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:follow', () => ({ ok: true }));
    renderWithChat(<FollowButton roomId="r1" />, h);
    const button = screen.getByRole('button', { name: 'Follow' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(h.platform.notificationsAllowed).toBe(true);
    expect(h.socket.sentOf('room:follow')).toEqual([{ roomId: 'r1', follow: true }]);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
  });
});
