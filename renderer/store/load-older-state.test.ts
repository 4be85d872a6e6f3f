// Issue 11: "Load older messages" showed when nothing was older — after a reconnect with the
// whole history loaded, and when the room's first message was already shown.
import { describe, expect, it } from 'vitest';
import { alice, messages, room, roster } from '../test-support/fixtures';
import { createChatStore } from './chat-store';
import { applyJoin, applyOlder } from './reducers';

function joined(list = messages(11, 20), hasMore = true) {
  const store = createChatStore();
  store.setState({ user: alice });
  store.setState((s) => applyJoin(s, { room: room(), messages: list, hasMore, roster: roster() }, 'fresh'));
  return store;
}

describe('whether anything is older', () => {
  it('a rejoin keeps "nothing older" once the whole history is loaded', () => {
    const store = joined();
    store.setState((s) => applyOlder(s, 'r1', messages(2, 10), true));
    store.setState((s) => applyOlder(s, 'r1', [], false));
    expect(store.getState().timelines.r1?.hasMore).toBe(false);
    // After a reconnect the server sends its newest window, which has more before it.
    store.setState((s) => applyJoin(s, { room: room(), messages: messages(15, 24), hasMore: true, roster: roster() }, 'rejoin'));
    expect(store.getState().timelines.r1?.hasMore).toBe(false);
    expect(store.getState().timelines.r1?.messages[0]?.seq).toBe(2);
  });

  it('a rejoin keeps "more is older" while it was so', () => {
    const store = joined();
    store.setState((s) => applyJoin(s, { room: room(), messages: messages(15, 24), hasMore: true, roster: roster() }, 'rejoin'));
    expect(store.getState().timelines.r1?.hasMore).toBe(true);
  });

  it('never offers older messages once the first message (seq 1) is shown', () => {
    expect(joined(messages(1, 10), true).getState().timelines.r1?.hasMore).toBe(false);
    const store = joined();
    store.setState((s) => applyOlder(s, 'r1', messages(1, 10), true));
    expect(store.getState().timelines.r1?.hasMore).toBe(false);
  });
});
