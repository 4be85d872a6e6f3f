// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { connectedHarness } from '../test-support/chat-harness';
import { message } from '../test-support/fixtures';
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

  it('shows no count for rooms never followed, joined nor read; counts a room read before (issue 11)', async () => {
    const h = await connectedHarness();
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, joined: false, followed: false, lastSeq: 5, lastReadSeq: 0 })) }));
    renderWithChat(<RoomList />, h);
    expect(screen.queryByText(/unread/)).toBeNull();
    const button = screen.getByRole('button', { name: 'Desk' });
    expect(button.className).not.toContain('room-unread');
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, lastReadSeq: 2 })) }));
    await waitFor(() => expect(screen.getByText('3 unread')).toBeTruthy());
    expect(button.className).toContain('room-unread');
  });

  it('unread and mention counts are the button’s accessible description, updated live; the name stays the room’s', async () => {
    const h = await connectedHarness();
    h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, followed: true, lastSeq: 5, lastReadSeq: 5, mentions: 0 })) }));
    renderWithChat(<RoomList />, h);
    const button = screen.getByRole('button', { name: 'Desk' });
    expect(button.getAttribute('aria-describedby')).toBeNull();
    h.socket.push('room:activity', { roomId: 'r1', lastSeq: 7 });
    h.socket.push('mention:new', { message: message(7, { text: '@alice look' }), roomName: 'Desk' });
    await waitFor(() => expect(button.getAttribute('aria-describedby')).toBeTruthy());
    const description = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('@11 mention2, 2 unread');
    expect(within(description!).getByText('1 mention').className).toBe('visually-hidden');
    expect(description?.querySelector('.mention-badge')).toBeTruthy();
    expect(button).toHaveProperty('textContent', 'Desk');
    h.client.reads.markRead('r1', 7);
    await waitFor(() => expect(button.getAttribute('aria-describedby')).toBeNull());
  });

  it('toggles following with aria-pressed and asks for notification permission on the click', async () => {
    const h = await connectedHarness();
    h.socket.answer('room:follow', () => ({ ok: true }));
    renderWithChat(<FollowButton roomId="r1" />, h);
    const button = screen.getByRole('button', { name: 'Follow' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    // Issue 11: the label says the state.
    expect(button.textContent).toBe('Following');
    expect(h.platform.notificationsAllowed).toBe(true);
    expect(h.socket.sentOf('room:follow')).toEqual([{ roomId: 'r1', follow: true }]);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
  });
});
