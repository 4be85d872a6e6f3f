// Issue 9 #12: unsent messages leave storage on an explicit sign-out, and stay (for the next
// sign-in of that account) when the session merely ended.
// Also what else a sign-out forgets of the account on this device (its last room).
import { describe, expect, it } from 'vitest';
import { outboxAccount } from '../../common/outbox';
import { connectedHarness, settle, SERVER } from '../test-support/chat-harness';
import { alice, room } from '../test-support/fixtures';

const ACCOUNT = outboxAccount(SERVER, alice.id);

async function withUnsentMessage() {
  const h = await connectedHarness({ rooms: [room()] });
  // The server never answers this send: the message stays in the outbox.
  h.socket.answer('message:send', () => new Promise(() => undefined));
  h.client.send(room().id, 'not delivered yet');
  await settle();
  expect(h.platform.outboxes.get(ACCOUNT)?.map((e) => e.text)).toEqual(['not delivered yet']);
  return h;
}

describe('outbox on sign-out', () => {
  it('an explicit sign-out removes the unsent messages from storage', async () => {
    const h = await withUnsentMessage();
    await h.client.signOut();
    await settle();
    expect(h.platform.outboxes.has(ACCOUNT)).toBe(false);
    expect(h.store.getState().status).toBe('signed-out');
  });

  it('sign-out and an ended session forget the device’s last room (the next person here must not land in it)', async () => {
    for (const end of ['signOut', 'sessionEnded'] as const) {
      const h = await connectedHarness({ rooms: [room()] });
      await h.client.openRoom(room().id);
      expect(h.platform.settings.lastRoomId).toBe(room().id);
      await h.client[end]();
      await settle();
      expect(h.platform.settings.lastRoomId, end).toBeNull();
    }
  });

  it('an ended session (expired or revoked) keeps them for the next sign-in', async () => {
    const h = await withUnsentMessage();
    h.client.sessionEnded();
    await settle();
    expect(h.platform.outboxes.get(ACCOUNT)?.map((e) => e.text)).toEqual(['not delivered yet']);
    expect(h.store.getState().error?.key).toBe('errors.session_ended');
  });
});
