// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomDetail } from '../../common/protocol';
import { App } from '../app/app';
import { alice, message, messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { connectedHarness, settle, type Harness } from '../test-support/chat-harness';
import { renderWithChat } from '../test-support/render-with-chat';

afterEach(cleanup);

async function openRoom(detail: RoomDetail = room(), list = messages(11, 20), hasMore = true): Promise<Harness> {
  const h = await connectedHarness({ rooms: [detail] });
  h.socket.answer('room:join', () => ({ ok: true, room: detail, messages: list, hasMore, roster: roster() }));
  renderWithChat(<App />, h);
  const nav = screen.getByRole('navigation', { name: 'Rooms' });
  expect(within(nav).getByRole('group', { name: 'Trading' })).toBeTruthy();
  fireEvent.click(within(nav).getByRole('button', { name: detail.name }));
  await settle();
  return h;
}

function log() {
  return screen.getByRole('log', { name: 'Messages' });
}

describe('room view', () => {
  it('shows the room name and exactly the messages of the join, as plain text with safe links', async () => {
    await openRoom(room(), [
      ...messages(1, 2),
      message(3, { text: '<img src=x onerror=alert(1)> see https://example.org and javascript:alert(1)' }),
    ], false);
    expect(screen.getByRole('heading', { name: 'Desk' })).toBeTruthy();
    const articles = within(log()).getAllByRole('article');
    expect(articles).toHaveLength(3);
    expect(articles[0]?.textContent).toContain('Bob Stone');
    expect(articles[0]?.textContent).toContain('message 1');
    expect(log().querySelector('img')).toBeNull();
    const links = within(articles[2]!).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('loads older messages from the button', async () => {
    const h = await openRoom();
    h.socket.answer('room:history', () => ({ ok: true, messages: messages(1, 10), hasMore: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    await settle();
    expect(within(log()).getAllByRole('article')).toHaveLength(20);
    expect(h.socket.sentOf('room:history')[0]).toEqual({ roomId: 'r1', beforeSeq: 11, limit: 30 });
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('sends on Enter, not on Shift+Enter, and shows the message once', async () => {
    const h = await openRoom(room(), [], false);
    h.socket.answer('message:send', ({ clientId, text }) => ({
      ok: true,
      message: message(1, { clientId, text, senderId: alice.id, senderName: alice.displayName }),
    }));
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(h.socket.sentOf('message:send')).toHaveLength(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(h.socket.sentOf('message:send')).toHaveLength(1);
    expect(box).toHaveProperty('value', '');
    h.socket.push('message:new', { message: message(1, { clientId: 'client-1', text: 'line one', senderId: alice.id }) });
    await settle();
    expect(within(log()).getAllByRole('article').filter((a) => a.textContent?.includes('line one'))).toHaveLength(1);
  });

  it('disables the composer with a note in an auditorium for non-presenters, and hides Attach file', async () => {
    await openRoom(room({ type: 'auditorium', canPost: false }), [], false);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.getByText('This is an auditorium: only presenters can post here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Attach file' })).toBeNull();
  });

  it('offers Attach file only where uploads are on', async () => {
    await openRoom(room({ fileUpload: false }), [], false);
    expect(screen.queryByRole('button', { name: 'Attach file' })).toBeNull();
    cleanup();
    await openRoom(room({ fileUpload: true }), [], false);
    expect(screen.getByRole('button', { name: 'Attach file' })).toBeTruthy();
  });

  it('says so when the category keeps no history', async () => {
    await openRoom(room({ chatHistory: false }), [], false);
    expect(screen.getByText(/Chat history is turned off in this category/)).toBeTruthy();
  });

  it('shows participants live, then only the count and the paused state above the limit, then live again', async () => {
    const h = await openRoom();
    const region = screen.getByRole('region', { name: 'Participants' });
    expect(within(region).getByText('Alice Martin')).toBeTruthy();
    h.socket.push('config:updated', { config: { ...sessionPayload.config, participantUpdateLimit: 75 } });
    h.socket.push('roster:update', roster({ count: 76, truncated: true, participants: null }));
    await settle();
    expect(within(region).queryByText('Alice Martin')).toBeNull();
    expect(within(region).getByRole('status').textContent).toMatch(/76 participants.*paused above 75/);
    h.socket.push('roster:update', roster({ count: 1, participants: [{ userId: 'u-z', displayName: 'Zoe' }] }));
    await settle();
    expect(within(region).getByText('Zoe')).toBeTruthy();
  });

  it('closes the room with an explanation when it is removed', async () => {
    const h = await openRoom();
    h.socket.push('room:removed', { roomId: 'r1' });
    await settle();
    expect(screen.queryByRole('log', { name: 'Messages' })).toBeNull();
    expect(screen.getByText(/“Desk” is no longer available to you/)).toBeTruthy();
  });
});

describe('file limit alert', () => {
  it('names the limit as configured and a size that is visibly over it', async () => {
    const h = await openRoom();
    h.socket.push('config:updated', { config: { ...sessionPayload.config, maxFileSizeKB: 20000 } });
    const input = screen.getByLabelText('Attach file');
    const file = new File(['x'], 'huge.iso');
    Object.defineProperty(file, 'size', { value: 20000 * 1024 + 1 });
    fireEvent.change(input, { target: { files: [file] } });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('“huge.iso” is 20000.01 KB: files may be at most 20000 KB.');
  });
});

describe('mentions', () => {
  it('marks messages that mention the signed-in user, not the others', async () => {
    await openRoom(room(), [message(1, { text: 'ping @alice' }), message(2, { text: 'no ping' })], false);
    const [first, second] = within(log()).getAllByRole('article');
    expect(first?.textContent).toContain('mentions you');
    expect(second?.textContent).not.toContain('mentions you');
  });
});

describe('keyboard', () => {
  it('Alt+ArrowDown and Alt+ArrowUp move between rooms in list order', async () => {
    const desk = room();
    const floor = room({ id: 'r2', name: 'Floor' });
    const h = await connectedHarness({ rooms: [desk, floor] });
    h.socket.answer('room:join', ({ roomId }) => ({
      ok: true,
      room: roomId === 'r2' ? floor : desk,
      messages: [],
      hasMore: false,
      roster: roster({ roomId }),
    }));
    renderWithChat(<App />, h);
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true });
    await settle();
    expect(screen.getByRole('heading', { name: 'Desk' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true });
    await settle();
    expect(screen.getByRole('heading', { name: 'Floor' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowUp', altKey: true });
    await settle();
    expect(screen.getByRole('heading', { name: 'Desk' })).toBeTruthy();
  });
});
