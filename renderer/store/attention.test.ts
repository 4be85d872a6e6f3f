import { describe, expect, it } from 'vitest';
import { connectedHarness, settle } from '../test-support/chat-harness';
import { message, room, roster } from '../test-support/fixtures';
import { totalMentions } from './attention';

const roomA = room({ id: 'r1', name: 'Desk' });
const roomB = room({ id: 'r2', name: 'Ops', joined: false });

async function harness() {
  const h = await connectedHarness({ rooms: [roomA, roomB] });
  h.store.setState((s) => ({ rooms: s.rooms.map((r) => ({ ...r, lastSeq: 3, lastReadSeq: 3, mentions: 0 })) }));
  return h;
}

describe('attention (PROTOCOL §12)', () => {
  it('mention:new counts in a room the user is not reading, notifies, and a click opens the room at the message', async () => {
    const h = await harness();
    h.socket.answer('room:join', () => ({ ok: true, room: roomB, messages: [message(4, { roomId: 'r2' })], hasMore: false, roster: roster({ roomId: 'r2' }) }));
    h.socket.push('mention:new', { message: message(4, { roomId: 'r2', text: 'hey @alice' }), roomName: 'Ops' });
    const ops = h.store.getState().rooms.find((r) => r.id === 'r2');
    expect(ops).toMatchObject({ mentions: 1, lastSeq: 4 });
    expect(totalMentions(h.store.getState().rooms)).toBe(1);
    expect(h.platform.notifications.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Bob Stone · Ops', body: 'hey @alice' }]);
    h.platform.notifications[0]?.onClick?.();
    await settle();
    expect(h.store.getState().activeRoomId).toBe('r2');
    expect(h.store.getState().target).toEqual({ roomId: 'r2', seq: 4 });
  });

  it('a muted room (notify none) counts the mention but does not notify; the Settings choice turns notifications off', async () => {
    const h = await harness();
    h.socket.answer('room:notify', () => ({ ok: true }));
    await h.client.attention.setNotifyLevel('r2', 'none');
    expect(h.socket.sentOf('room:notify')).toEqual([{ roomId: 'r2', level: 'none' }]);
    h.socket.push('mention:new', { message: message(4, { roomId: 'r2', text: '@alice' }), roomName: 'Ops' });
    expect(h.platform.notifications).toEqual([]);
    await h.client.attention.setNotifyLevel('r2', 'all');
    await h.client.attention.setPreferences({ notifyMentions: false });
    expect(h.platform.settings.notifyMentions).toBe(false);
    h.socket.push('mention:new', { message: message(5, { roomId: 'r2', text: '@alice' }), roomName: 'Ops' });
    expect(h.platform.notifications).toEqual([]);
    expect(h.store.getState().rooms.find((r) => r.id === 'r2')?.mentions).toBe(2);
  });

  it('a refused notification level goes back to what it was, with the error shown', async () => {
    const h = await harness();
    h.socket.answer('room:notify', () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    await h.client.attention.setNotifyLevel('r1', 'mentions');
    expect(h.store.getState().rooms.find((r) => r.id === 'r1')?.notify).toBe('all');
    expect(h.store.getState().error).toEqual({ key: 'errors.forbidden' });
  });

  it('alert matches arrive newest first, once each, counted until the Alerts view is shown', async () => {
    const h = await harness();
    h.socket.answer('alert:save', (body) => ({ ok: true, alert: { id: 'a1', name: body.name, keywords: body.keywords, roomIds: body.roomIds ?? null } }));
    const saved = await h.client.attention.saveAlert({ name: 'Tickers', keywords: ['ACME'], roomIds: null });
    expect(saved?.id).toBe('a1');
    const first = { alertId: 'a1', message: message(4, { text: 'ACME up' }), roomName: 'Desk' };
    h.socket.push('alert:match', first);
    h.socket.push('alert:match', first);
    h.socket.push('alert:match', { alertId: 'a1', message: message(5, { text: 'ACME down' }), roomName: 'Desk' });
    expect(h.store.getState().alertMatches.map((m) => m.message.seq)).toEqual([5, 4]);
    expect(h.store.getState().unseenAlertMatches).toBe(2);
    h.client.attention.show('alerts');
    expect(h.store.getState().unseenAlertMatches).toBe(0);
    h.socket.answer('alert:delete', () => ({ ok: true }));
    await h.client.attention.deleteAlert('a1');
    expect(h.store.getState()).toMatchObject({ alerts: [], alertMatches: [] });
  });

  it('room:invited lists the invitation; declining sends accept:false and ends it', async () => {
    const h = await harness();
    const secret = room({ id: 'r9', name: 'War room', privacy: 'closed', joined: false });
    h.socket.push('room:invited', { room: secret, by: 'Bob Stone' });
    expect(h.store.getState().rooms.find((r) => r.id === 'r9')).toMatchObject({ invited: true });
    expect(h.store.getState().invitedBy).toEqual({ r9: 'Bob Stone' });
    h.socket.answer('room:invitation', () => ({ ok: true }));
    await h.client.attention.answerInvitation('r9', false);
    expect(h.socket.sentOf('room:invitation')).toEqual([{ roomId: 'r9', accept: false }]);
    expect(h.store.getState().rooms.find((r) => r.id === 'r9')?.invited).toBe(false);
  });

  it('loads the alerts after connecting, and keeps the Settings choices across sign-out', async () => {
    const h = await harness();
    expect(h.socket.sentOf('alerts:list')).toEqual([{}]);
    await h.client.attention.setPreferences({ theme: 'dark' });
    h.socket.answer('alert:save', () => ({ ok: true, alert: { id: 'a1', name: 'x', keywords: ['x'], roomIds: null } }));
    await h.client.attention.saveAlert({ name: 'x', keywords: ['x'], roomIds: null });
    await h.client.signOut();
    expect(h.store.getState().preferences.theme).toBe('dark');
    expect(h.store.getState().alerts).toEqual([]);
  });
});
