import { describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { alice, message, messages } from '../test-support/fixtures';
import { createChatStore } from './chat-store';
import { lowerBound, mergeMessages, removeMessage, withMessages, type RoomTimeline } from './messages-slice';
import { applyMessageRemoved, applyNewMessages } from './reducers';

const seqs = (list: readonly Message[]) => list.map((m) => m.seq);

/** What the timeline must equal: one entry per seq (the last copy seen wins), sorted. */
function reference(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map<number, Message>();
  for (const m of [...existing, ...incoming]) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Small deterministic PRNG so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('mergeMessages', () => {
  it('appends live messages after the last one, keeping every earlier entry', () => {
    const existing = messages(1, 5);
    const next = mergeMessages(existing, [message(6)]);
    expect(seqs(next)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(next).not.toBe(existing);
    expect(existing).toHaveLength(5);
    // Entries are shared, not copied: rows already shown keep their identity (and skip render).
    next.slice(0, 5).forEach((m, i) => expect(m).toBe(existing[i]));
  });

  it('keeps one entry per seq: a duplicate replaces the older copy in place', () => {
    const existing = messages(1, 5);
    const edited = message(3, { text: 'edited' });
    const next = mergeMessages(existing, [edited, message(5)]);
    expect(seqs(next)).toEqual([1, 2, 3, 4, 5]);
    expect(next[2]).toBe(edited);
    // The ack and the broadcast of one send: the second copy wins, still one entry.
    const again = mergeMessages(next, [message(5, { text: 'broadcast' })]);
    expect(seqs(again)).toEqual([1, 2, 3, 4, 5]);
    expect(again[4]?.text).toBe('broadcast');
  });

  it('sorts in out-of-order arrivals: a filled gap, a history page, a reversed catch-up', () => {
    const withGap = [...messages(1, 3), ...messages(7, 9)];
    expect(seqs(mergeMessages(withGap, [message(5), message(4), message(6)]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seqs(mergeMessages(messages(11, 13), messages(5, 10)))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(seqs(mergeMessages(messages(1, 2), [message(5), message(4), message(3)]))).toEqual([1, 2, 3, 4, 5]);
    // Duplicates inside one batch: the later copy of the batch wins.
    const batch = mergeMessages(messages(1, 2), [message(4, { text: 'a' }), message(3), message(4, { text: 'b' })]);
    expect(seqs(batch)).toEqual([1, 2, 3, 4]);
    expect(batch[3]?.text).toBe('b');
  });

  it('returns the same array when nothing changed', () => {
    const existing = messages(1, 5);
    expect(mergeMessages(existing, [])).toBe(existing);
    expect(mergeMessages(existing, [existing[1]!, existing[4]!])).toBe(existing);
  });

  it('matches the sorted, deduplicated reference for random mixes of appends, repeats and gaps', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      let timeline: Message[] = [];
      let model: Message[] = [];
      for (let step = 0; step < 30; step += 1) {
        const top = model.at(-1)?.seq ?? 0;
        const size = 1 + Math.floor(next() * 5);
        const batch = Array.from({ length: size }, () => {
          const kind = next();
          // Mostly appends, as live traffic is; then repeats of shown seqs and holes filled below.
          const seq = kind < 0.6 ? top + 1 + Math.floor(next() * 3) : Math.max(1, Math.floor(next() * (top + 2)));
          return message(seq, { text: `s${seed} step${step} ${next()}` });
        });
        timeline = mergeMessages(timeline, batch);
        model = reference(model, batch);
        expect(timeline, `seed ${seed} step ${step}`).toEqual(model);
      }
    }
  });
});

describe('lowerBound and removeMessage', () => {
  it('find a seq by binary search and drop it, leaving the list alone when absent', () => {
    const list = [...messages(1, 3), ...messages(7, 9)];
    expect(lowerBound(list, 0)).toBe(0);
    expect(lowerBound(list, 7)).toBe(3);
    expect(lowerBound(list, 5)).toBe(3);
    expect(lowerBound(list, 10)).toBe(6);
    expect(seqs(removeMessage(list, 7))).toEqual([1, 2, 3, 8, 9]);
    expect(removeMessage(list, 5)).toBe(list);
  });
});

describe('timelines in the store', () => {
  function stateWithTwoRooms() {
    const store = createChatStore();
    const timeline = (roomId: string): RoomTimeline => ({ messages: messages(1, 3, roomId), pending: [], hasMore: false, loadingOlder: false });
    store.setState({ user: alice, timelines: { r1: timeline('r1'), r2: timeline('r2') } });
    return store.getState();
  }

  it('an arrival touches only its own room’s timeline', () => {
    const state = stateWithTwoRooms();
    const patch = applyNewMessages(state, 'r1', [message(4)]);
    expect(seqs(patch.timelines?.r1?.messages ?? [])).toEqual([1, 2, 3, 4]);
    expect(patch.timelines?.r2).toBe(state.timelines.r2);
    // A room whose timeline we do not hold is not created by a stray message.
    expect(applyNewMessages(state, 'r9', [message(1, { roomId: 'r9' })])).toEqual({});
  });

  it('a repeat of what is shown changes nothing; removing a seq not shown changes nothing', () => {
    const state = stateWithTwoRooms();
    const shown = state.timelines.r1!.messages[2]!;
    expect(applyNewMessages(state, 'r1', [shown])).toEqual({});
    expect(applyMessageRemoved(state, 'r1', 42)).toEqual({});
    expect(seqs(applyMessageRemoved(state, 'r1', 2).timelines?.r1?.messages ?? [])).toEqual([1, 3]);
  });

  it('pending entries stay until their own stored message arrives (the outbox owns them)', () => {
    const pending = { clientId: 'mine', roomId: 'r1', text: 'hi', file: null, status: 'sending' as const };
    const timeline: RoomTimeline = { messages: messages(1, 2), pending: [pending], hasMore: false, loadingOlder: false };
    const other = withMessages(timeline, [message(3)], alice.id);
    expect(other.pending).toBe(timeline.pending);
    const settled = withMessages(other, [message(4, { senderId: alice.id, clientId: 'mine' })], alice.id);
    expect(settled.pending).toEqual([]);
    expect(seqs(settled.messages)).toEqual([1, 2, 3, 4]);
  });
});
