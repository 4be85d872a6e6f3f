import { describe, expect, it } from 'vitest';
import { alice, message, messages, room, roster, sessionPayload } from '../test-support/fixtures';
import { connectedHarness, createHarness, settle } from '../test-support/chat-harness';
import { parsePermalinkPath, permalinkOf, replyRefOf } from './message-actions';

function joinAnswer(list = messages(301, 330), hasMore = true) {
  return { ok: true as const, room: room(), messages: list, hasMore, roster: roster() };
}

async function joined(list = messages(301, 330)) {
  const h = await connectedHarness();
  h.socket.answer('room:join', () => joinAnswer(list));
  await h.client.openRoom('r1');
  return h;
}

describe('message actions', () => {
  it('applies message:updated in place and keeps the order', async () => {
    const h = await joined();
    h.socket.push('message:updated', { message: message(310, { text: 'fixed', editedAt: '2026-01-01T13:00:00.000Z' }) });
    const list = h.store.getState().timelines.r1?.messages ?? [];
    expect(list.map((m) => m.seq)).toEqual(messages(301, 330).map((m) => m.seq));
    expect(list.find((m) => m.seq === 310)?.text).toBe('fixed');
  });

  it('edits, and on a refusal keeps the edit open with the error shown', async () => {
    const h = await joined([...messages(301, 329), message(330, { senderId: alice.id })]);
    expect(h.client.actions.editLast('r1')).toBe(true);
    expect(h.store.getState().editing).toEqual({ roomId: 'r1', seq: 330 });
    h.socket.answer('message:edit', () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    expect(await h.client.actions.saveEdit('r1', 330, 'new text')).toBe(false);
    expect(h.store.getState().error).toEqual({ key: 'errors.forbidden' });
    expect(h.store.getState().editing).toEqual({ roomId: 'r1', seq: 330 });
    h.socket.answer('message:edit', (body) => ({ ok: true, message: message(body.seq, { text: body.text, editedAt: 'x' }) }));
    expect(await h.client.actions.saveEdit('r1', 330, '  new text ')).toBe(true);
    expect(h.socket.sent.at(-1)).toEqual({ event: 'message:edit', body: { roomId: 'r1', seq: 330, text: 'new text' } });
    expect(h.store.getState().editing).toBeNull();
  });

  it('sends a reply with replyToSeq and clears the reply mode', async () => {
    const h = await joined();
    h.socket.answer('message:send', (body) => ({ ok: true, message: message(331, { ...body, senderId: alice.id }) }));
    const original = h.store.getState().timelines.r1?.messages.at(-1);
    if (!original) throw new Error('no message');
    h.client.actions.startReply(original);
    expect(h.store.getState().replyTo.r1).toEqual(replyRefOf(original));
    h.client.send('r1', 'answer');
    await settle();
    const sent = h.socket.sent.find((s) => s.event === 'message:send');
    expect(sent?.body).toMatchObject({ text: 'answer', replyToSeq: 330 });
    expect(h.store.getState().replyTo.r1).toBeUndefined();
  });

  it('jumps to a message far older than the join window by paging back', async () => {
    const h = await joined();
    h.socket.answer('room:history', ({ beforeSeq, limit }) => {
      const from = Math.max(1, beforeSeq - limit);
      return { ok: true, messages: messages(from, beforeSeq - 1), hasMore: from > 1 };
    });
    expect(await h.client.actions.jumpTo('r1', 5)).toBe(true);
    const list = h.store.getState().timelines.r1?.messages ?? [];
    expect(list[0]?.seq).toBe(1);
    expect(list).toHaveLength(330);
    expect(h.store.getState().target).toEqual({ roomId: 'r1', seq: 5 });
    expect(h.socket.sent.filter((s) => s.event === 'room:history')).toHaveLength(2);
  });

  it('jumps to a date through messages:seek', async () => {
    const h = await joined();
    h.socket.answer('messages:seek', () => ({ ok: true, seq: 320 }));
    expect(await h.client.actions.jumpToDate('r1', '2026-01-01')).toBe(true);
    expect(h.store.getState().target).toEqual({ roomId: 'r1', seq: 320 });
  });

  it('shows the server refusing a reaction made of text', async () => {
    const h = await joined();
    h.socket.answer('message:react', () => ({ ok: false, error: { code: 'bad_request', message: 'emoji' } }));
    expect(await h.client.actions.react('r1', 330, 'lol', true)).toBe(false);
    expect(h.store.getState().error).toEqual({ key: 'errors.bad_request' });
  });
});

describe('permalinks', () => {
  it('builds and parses /r/<roomId>/<seq>', () => {
    expect(permalinkOf('http://chat.example:4100/', 'room 1', 42)).toBe('http://chat.example:4100/r/room%201/42');
    expect(parsePermalinkPath('/r/room%201/42')).toEqual({ roomId: 'room 1', seq: 42 });
    expect(parsePermalinkPath('/r/abc/0')).toBeNull();
    expect(parsePermalinkPath('/r/abc/x')).toBeNull();
    expect(parsePermalinkPath('/manage')).toBeNull();
  });
});

describe('opening a permalink', () => {
  it('waits for the connection, then opens that room at that message instead of the last room', async () => {
    const h = createHarness();
    h.platform.settings.lastRoomId = 'r1';
    await h.client.start();
    h.platform.openPermalink('/r/r1/305');
    h.socket.answer('room:join', () => joinAnswer());
    h.socket.push('session', sessionPayload);
    h.socket.connect();
    await settle();
    await settle();
    expect(h.store.getState().activeRoomId).toBe('r1');
    expect(h.store.getState().target).toEqual({ roomId: 'r1', seq: 305 });
  });

  it('ignores what is not a permalink', async () => {
    const h = await joined();
    h.platform.openPermalink('/manage');
    h.platform.openPermalink('/r/r1/abc');
    await settle();
    expect(h.store.getState().target).toBeNull();
  });
});

describe('Up-arrow edit', () => {
  it('does nothing where the category forbids edits', async () => {
    const h = await connectedHarness({ rooms: [room({ messageEdits: false })] });
    h.socket.answer('room:join', () => ({ ...joinAnswer([message(1, { senderId: alice.id })]), room: room({ messageEdits: false }) }));
    await h.client.openRoom('r1');
    expect(h.client.actions.editLast('r1')).toBe(false);
    expect(h.store.getState().editing).toBeNull();
  });
});
