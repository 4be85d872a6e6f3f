import { describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { connectedHarness, settle } from '../test-support/chat-harness';
import { message, messages, room, roster } from '../test-support/fixtures';

async function openWith(list: Message[], chatHistory = true) {
  const h = await connectedHarness({ rooms: [room({ chatHistory })] });
  h.socket.answer('room:join', () => ({ ok: true, room: room({ chatHistory }), messages: list, hasMore: false, roster: roster() }));
  await h.client.openRoom('r1');
  return h;
}

describe('seq gap repair on message:new', () => {
  it('fetches the hole with messages:since and shows every message once, in seq order', async () => {
    const h = await openWith(messages(1, 5));
    h.socket.answer('messages:since', ({ afterSeq }) => ({ ok: true, messages: messages(afterSeq + 1, 8), hasMore: false }));
    h.socket.push('message:new', { message: message(8) });
    h.socket.push('message:new', { message: message(9) });
    await settle();
    expect(h.socket.sentOf('messages:since')).toEqual([{ roomId: 'r1', afterSeq: 5 }]);
    expect(h.store.getState().timelines.r1?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('asks nothing when the next seq follows, or when the room keeps no history', async () => {
    const h = await openWith(messages(1, 5));
    h.socket.push('message:new', { message: message(6) });
    await settle();
    expect(h.socket.sentOf('messages:since')).toEqual([]);
    const noHistory = await openWith(messages(1, 2), false);
    noHistory.socket.push('message:new', { message: message(7) });
    await settle();
    expect(noHistory.socket.sentOf('messages:since')).toEqual([]);
  });
});
