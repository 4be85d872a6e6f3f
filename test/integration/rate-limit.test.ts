// Per-connection rate limits (PROTOCOL §9.12): a client at 20 sends/s and 100 other events/s is
// never limited; a flood far above gets `rate_limited` (and nothing of it is stored), the
// connection survives, other connections are untouched, and the client recovers after a pause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/protocol';
import { type ClientSocket, ok, request } from './helpers/socket-client';
import { type World, connectAs, makeWorld } from './helpers/world';

type Answer = { ok: true; message?: Message } | { ok: false; error: { code: string } };

function emit(socket: ClientSocket, event: string, payload: unknown): Promise<Answer> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Answer> } };
  return raw.timeout(15_000).emitWithAck(event, payload);
}

/** Runs `action` `perSecond` times a second for `seconds`, paced by the clock, not by acks. */
async function paced<T>(perSecond: number, seconds: number, action: (i: number) => Promise<T>): Promise<T[]> {
  const started = Date.now();
  const pending: Promise<T>[] = [];
  for (let i = 0; i < perSecond * seconds; i += 1) {
    const due = started + (i * 1000) / perSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    pending.push(action(i));
  }
  return Promise.all(pending);
}

const codes = (answers: Answer[]) => answers.map((a) => (a.ok ? 'ok' : a.error.code));

describe('rate limits', () => {
  let world: World;

  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('never limits 20 sends/s and 100 other events/s for 2 s', async () => {
    const { socket } = await connectAs(world, world.alice);
    const [sends, others] = await Promise.all([
      paced(20, 2, (i) => emit(socket, 'message:send', { roomId: world.room.id, clientId: `steady-${i}`, text: `steady ${i}` })),
      paced(100, 2, () => emit(socket, 'rooms:list', {})),
    ]);
    expect(codes(sends)).toEqual(Array(40).fill('ok'));
    expect(codes(others)).toEqual(Array(200).fill('ok'));
  });

  it('answers a flood of sends with rate_limited, stores none of the refused, and recovers', async () => {
    const { socket } = await connectAs(world, world.bob);
    const { socket: other } = await connectAs(world, world.bob);
    const before = await ok(other, 'messages:since', { roomId: world.room.id, afterSeq: 0 });
    const FLOOD = 800;
    const answers = await Promise.all(
      Array.from({ length: FLOOD }, (_, i) => emit(socket, 'message:send', { roomId: world.room.id, clientId: `flood-${i}`, text: `flood ${i}` })),
    );
    const accepted = answers.filter((a) => a.ok);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
    expect(accepted.length + limited.length).toBe(FLOOD);
    expect(limited.length).toBeGreaterThan(FLOOD / 2);
    // The burst allowance passes a reconnecting outbox's backlog before limiting starts.
    expect(accepted.length).toBeGreaterThanOrEqual(100);

    // The same user's other connection has its own budget; the limited one is still connected.
    expect(await request(other, 'message:send', { roomId: world.room.id, clientId: 'other-conn', text: 'unaffected' })).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
    const after = await ok(other, 'messages:since', { roomId: world.room.id, afterSeq: before.messages.at(-1)?.seq ?? 0 });
    const stored = after.messages.map((m) => m.clientId).filter((id) => id.startsWith('flood-'));
    expect(stored.length).toBe(accepted.length);

    // After a pause the bucket has refilled: the flooding connection may send again.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await request(socket, 'message:send', { roomId: world.room.id, clientId: 'after-pause', text: 'calm again' })).toMatchObject({ ok: true });
  });

  it('answers a flood of other events with rate_limited and keeps the connection', async () => {
    const { socket } = await connectAs(world, world.alice);
    const answers = await Promise.all(Array.from({ length: 2000 }, () => emit(socket, 'rooms:list', {})));
    const tally = codes(answers);
    expect(tally.filter((c) => c === 'rate_limited').length).toBeGreaterThan(500);
    expect(tally.every((c) => c === 'ok' || c === 'rate_limited')).toBe(true);
    expect(socket.connected).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await request(socket, 'rooms:list', {})).toMatchObject({ ok: true });
  });
});
