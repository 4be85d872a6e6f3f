// Property-based fuzzing of every client→server socket event: arbitrary and hostile payloads,
// near-valid payloads with one poisoned field, missing ack callbacks, extra arguments, unknown
// and reserved event names, raw malformed frames. The server runs in this process so an error
// escaping every handler shows up as unhandledRejection/uncaughtException here.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientEventSchemas, type ClientEventName } from '../../common/protocol';
import { INPUT_ERROR_CODES, hostileValue, nastyNumber, oversized, watchProcessErrors } from './helpers/fuzz';
import { type ClientSocket, connect, ok } from './helpers/socket-client';
import { type World, makeWorld } from './helpers/world';

const EVENTS = Object.keys(clientEventSchemas) as ClientEventName[];
const FIELDS = ['roomId', 'clientId', 'text', 'fileId', 'beforeSeq', 'afterSeq', 'limit', 'query'] as const;
const RUNS = 150;

type RawSocket = {
  emit(event: string, ...args: unknown[]): void;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
};

/** The socket without its typed event map: fuzzing means sending what the types forbid. */
const raw = (socket: ClientSocket) => socket as unknown as RawSocket;

/** The ack must be the contract's shape, and a failure must carry a code bad input may earn. */
function expectContractAck(event: string, payload: unknown, answer: unknown): void {
  const ackShape = answer as { ok?: unknown; error?: { code?: unknown } } | null;
  const fine =
    ackShape !== null &&
    typeof ackShape === 'object' &&
    (ackShape.ok === true || (ackShape.ok === false && INPUT_ERROR_CODES.includes(String(ackShape.error?.code))));
  if (!fine) throw new Error(`${event} answered ${JSON.stringify(answer)} to ${JSON.stringify(payload)?.slice(0, 300)}`);
}

describe('socket fuzzing', () => {
  let world: World;
  let watch: ReturnType<typeof watchProcessErrors>;

  /** A fresh connection per property: its own rate-limit buckets, so validation is what answers. */
  async function freshSocket(): Promise<ClientSocket> {
    return (await connect(world.url, world.alice.token)).socket;
  }

  async function stillServing(): Promise<void> {
    const socket = await freshSocket();
    const list = await ok(socket, 'rooms:list', {});
    expect(list.rooms.map((r) => r.id)).toContain(world.room.id);
    socket.disconnect();
  }

  beforeAll(async () => {
    watch = watchProcessErrors();
    world = await makeWorld();
  });
  afterAll(async () => {
    const escaped = watch.stop();
    await world.close();
    expect(escaped).toEqual([]);
  });

  it.each(EVENTS)('%s answers arbitrary payloads with a contract ack', async (event) => {
    const socket = await freshSocket();
    await fc.assert(
      fc.asyncProperty(hostileValue(FIELDS), async (payload) => {
        expectContractAck(event, payload, await raw(socket).timeout(5000).emitWithAck(event, payload));
      }),
      { numRuns: RUNS },
    );
    expect(socket.connected).toBe(true);
    await stillServing();
  });

  it.each(EVENTS)('%s answers near-valid payloads with one poisoned field', async (event) => {
    const socket = await freshSocket();
    const roomId = fc.oneof(fc.constant(world.room.id), fc.string({ maxLength: 300 }), nastyNumber);
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), oversized, fc.constantFrom('', '   ', '\n\t'));
    const seq = fc.oneof(fc.integer({ min: -5, max: 1000 }), nastyNumber);
    const query = fc.oneof(text, fc.constantFrom('"', '""', '*', 'NEAR(a b)', 'a OR b', '-x', '^', 'a AND', "'; drop table messages; --"));
    const payload = fc.record(
      { roomId, clientId: fc.string({ maxLength: 120 }), text, fileId: fc.string({ maxLength: 40 }), beforeSeq: seq, afterSeq: seq, limit: seq, query },
      { requiredKeys: ['roomId'] },
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        expectContractAck(event, p, await raw(socket).timeout(5000).emitWithAck(event, p));
      }),
      { numRuns: RUNS },
    );
    expect(socket.connected).toBe(true);
    await stillServing();
  });

  it('survives missing ack callbacks, extra arguments, unknown and odd event names', async () => {
    const socket = await freshSocket();
    const name = fc.oneof(fc.constantFrom(...EVENTS), fc.string({ maxLength: 50 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'error'));
    await fc.assert(
      fc.asyncProperty(name, fc.array(hostileValue(FIELDS), { maxLength: 4 }), fc.boolean(), async (event, args, withAck) => {
        // Several oversized values together can pass the 1 MB frame limit, and then the server
        // rightly closes this connection; that case has its own test below. Here: frames under it.
        fc.pre(frameSize(args) < 900_000);
        if (!withAck || !EVENTS.includes(event as ClientEventName)) {
          raw(socket).emit(event, ...args);
          return;
        }
        // Known events always answer, whatever the arguments; unknown ones are ignored.
        expectContractAck(event, args, await raw(socket).timeout(5000).emitWithAck(event, ...args));
      }),
      { numRuns: RUNS },
    );
    expect(socket.connected).toBe(true);
    expect((await ok(socket, 'rooms:list', {})).rooms.length).toBeGreaterThan(0);
  });

  it('drops a frame above maxHttpBufferSize by closing that connection only', async () => {
    const socket = await freshSocket();
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    raw(socket).emit('message:send', { roomId: world.room.id, clientId: 'huge', text: 'x'.repeat(2_000_000) });
    // engine.io refuses the oversized frame and closes the transport instead of buffering it.
    expect(await closed).toMatch(/transport (close|error)/);
    await stillServing();
  });

  it('closes a connection that sends malformed raw frames, and keeps serving others', async () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const frames = [
      '42', '42[', '42{"a":1}', '42["disconnect"]', '42["connect"]', '4', '9', '42[1e999]',
      '451-["x",{"_placeholder":true,"num":7}]', '\u0000', 'x'.repeat(10_000),
      // Deeper than any client library would build: straight to the server's parser and zod.
      `421["room:join",${deep(100_000)}]`, `421["message:send",${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}]`,
      '421["room:join",{"__proto__":{"roomId":"x"},"constructor":{"prototype":{"polluted":1}}}]',
    ];
    for (const frame of frames) {
      const ws = new WebSocket(`${world.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
      const outcome = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('ignored'), 1000);
        ws.on('message', (data: Buffer) => {
          const text = data.toString();
          // Engine open → namespace connect with our token → once connected, the bad frame.
          if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token: world.alice.token })}`);
          else if (text.startsWith('40')) ws.send(frame);
          else if (text.startsWith('431')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        ws.on('close', () => (clearTimeout(timer), resolve('closed')));
        ws.on('error', () => (clearTimeout(timer), resolve('closed')));
      });
      ws.terminate();
      // A frame the parser rejects ends that connection; one it accepts is answered by the
      // contract (here always bad_request); anything else is ignored.
      if (outcome.startsWith('431')) expect(JSON.parse(outcome.slice(3))).toMatchObject([{ ok: false, error: { code: 'bad_request' } }]);
      else expect(['closed', 'ignored']).toContain(outcome);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServing();
  });
});

/** Roughly what the arguments weigh on the wire (JSON), to stay under maxHttpBufferSize. */
function frameSize(args: unknown[]): number {
  try {
    return JSON.stringify(args).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
