import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { type EventHandlers, handleEvent } from './register-handler';
import type { ChatSocket } from './types';
import { UserBudgets } from './user-budgets';

const ROOM = '00000000-0000-4000-8000-000000000001';

function fakeSocket(): ChatSocket {
  const budget = new UserBudgets().connect('u1')!;
  return { id: 's1', data: { budget } } as unknown as ChatSocket;
}

/** A table whose only live entry is `room:read`; every other event would fail the test. */
function withRoomRead(handler: EventHandlers['room:read']): EventHandlers {
  return new Proxy({ 'room:read': handler } as EventHandlers, {
    get: (table, event: string) => table[event as keyof EventHandlers] ?? (() => expect.fail(`unexpected ${event}`)),
  });
}

const noErrors = (event: string, error: unknown) => expect.fail(`${event}: ${String(error)}`);

describe('handleEvent', () => {
  it('acks in the same turn when the handler answers from memory', () => {
    const acks: unknown[] = [];
    const waiting = handleEvent(withRoomRead(() => ({ lastReadSeq: 7 })), fakeSocket(), 'room:read', [{ roomId: ROOM, seq: 7 }, (a: unknown) => acks.push(a)], noErrors);
    expect(waiting).toBeUndefined();
    expect(acks).toEqual([{ ok: true, lastReadSeq: 7 }]);
  });

  it('acks once a waiting handler has answered, and returns what to wait for', async () => {
    const acks: unknown[] = [];
    let answer!: (value: { lastReadSeq: number }) => void;
    const handler = () => new Promise<{ lastReadSeq: number }>((resolve) => (answer = resolve));
    const waiting = handleEvent(withRoomRead(handler), fakeSocket(), 'room:read', [{ roomId: ROOM, seq: 3 }, (a: unknown) => acks.push(a)], noErrors);
    expect(waiting).toBeInstanceOf(Promise);
    expect(acks).toEqual([]);
    answer({ lastReadSeq: 3 });
    await waiting;
    expect(acks).toEqual([{ ok: true, lastReadSeq: 3 }]);
  });

  it('answers a refusal thrown at once or later with its code, and hides any other failure', async () => {
    const socket = fakeSocket();
    const logged: string[] = [];
    const log = (event: string) => logged.push(event);
    const acks: unknown[] = [];
    const ack = (a: unknown) => acks.push(a);
    const payload = { roomId: ROOM, seq: 1 };
    const thrown = withRoomRead(() => {
      throw new AppError('forbidden', 'you may not read this room');
    });
    expect(handleEvent(thrown, socket, 'room:read', [payload, ack], log)).toBeUndefined();
    await handleEvent(withRoomRead(() => Promise.reject(new AppError('not_found', 'no such room'))), socket, 'room:read', [payload, ack], log);
    await handleEvent(withRoomRead(() => Promise.reject(new Error('disk on fire'))), socket, 'room:read', [payload, ack], log);
    expect(acks).toEqual([
      { ok: false, error: { code: 'forbidden', message: 'you may not read this room' } },
      { ok: false, error: { code: 'not_found', message: 'no such room' } },
      { ok: false, error: { code: 'internal', message: 'the server could not handle this request' } },
    ]);
    expect(logged).toEqual(['room:read']);
  });

  it('refuses a bad payload without running the handler', () => {
    const acks: { ok: boolean; error?: { code: string } }[] = [];
    const waiting = handleEvent(withRoomRead(() => expect.fail('ran')), fakeSocket(), 'room:read', [{ roomId: ROOM, seq: -1 }, (a: never) => acks.push(a)], noErrors);
    expect(waiting).toBeUndefined();
    expect(acks.map((a) => a.error?.code)).toEqual(['bad_request']);
  });
});
