// roomsListAck writes what JSON.stringify writes for `{ ok: true, ...result }`, byte for byte, and
// its per-room cache never serves a room's old fields once they change. The packet it becomes
// is the one socket.io's own encoder makes (encoded-ack.ts).
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import type { Category, ClientEventResults, RoomSummary } from '../../common/protocol';
import { chatParser, EncodedAck } from './encoded-ack';
import { roomsListAck } from './rooms-list-json';

type RoomsList = ClientEventResults['rooms:list'];

const category: Category = { id: 'c1', name: 'Général "quoted"', description: 'line\nbreak', invitations: true, fileUpload: false, chatHistory: true, messageEdits: true };

function summary(id: string, overrides: Partial<RoomSummary> = {}): RoomSummary {
  return {
    id,
    name: `Room ${id}`,
    description: '',
    categoryId: 'c1',
    type: 'normal',
    privacy: 'open',
    disabled: false,
    joined: false,
    isMember: true,
    canManage: false,
    managers: undefined,
    followed: undefined,
    lastSeq: undefined,
    lastReadSeq: undefined,
    mentions: undefined,
    invited: undefined,
    notify: undefined,
    ...overrides,
  };
}

const asStringify = (result: RoomsList) => JSON.stringify({ ok: true, ...result });

describe('roomsListAck', () => {
  it('writes the same text as JSON.stringify, whichever fields are set', () => {
    const result: RoomsList = {
      rooms: [
        summary('r1'),
        summary('r2', { followed: true, lastSeq: 120, lastReadSeq: 0, mentions: 3, invited: false, notify: 'mentions', joined: true, canManage: true }),
        summary('r3', { privacy: 'closed', managers: ['ann', 'bob "the" builder'], isMember: false, disabled: true, type: 'auditorium' }),
        summary('r4', { name: 'Ünïcødé \u2028 \u0000 \\ "q" 🎉', description: '<script>alert(1)</script>\t\r' }),
        summary('r5', { managers: [] }),
      ],
      categories: [category],
      lastRoomId: 'r2',
    };
    expect(roomsListAck(result).json).toBe(asStringify(result));
  });

  it('writes an empty list, a null and an absent lastRoomId as JSON.stringify does', () => {
    for (const lastRoomId of [null, undefined, 'r9']) {
      const result: RoomsList = { rooms: [], categories: [], lastRoomId };
      expect(roomsListAck(result).json).toBe(asStringify(result));
    }
  });

  it('writes a room afresh once its own fields change (a rename, a move, disabling it)', () => {
    const before: RoomsList = { rooms: [summary('r-change', { description: 'old' })], categories: [category] };
    expect(roomsListAck(before).json).toBe(asStringify(before));
    for (const change of [{ name: 'Renamed' }, { categoryId: 'c2' }, { disabled: true }, { description: 'new' }, { privacy: 'secret' as const }]) {
      const after: RoomsList = { rooms: [summary('r-change', { description: 'old', ...change })], categories: [category] };
      const json = roomsListAck(after).json;
      expect(json).toBe(asStringify(after));
      expect(json).not.toBe(asStringify(before));
    }
  });

  it('takes the plain way when the answer holds more than it knows', () => {
    const result = { rooms: [summary('r1')], categories: [], extra: { nested: [1, 2] } } as RoomsList;
    expect(roomsListAck(result).json).toBe(asStringify(result));
  });
});

describe('chatParser', () => {
  const result: RoomsList = { rooms: [summary('r1', { lastSeq: 4, lastReadSeq: 2 })], categories: [category], lastRoomId: null };

  it('puts an EncodedAck on the wire as socket.io would put the plain answer', () => {
    const plain = new Encoder();
    const ours = new chatParser.Encoder();
    for (const nsp of ['/', '/admin']) {
      const expected = plain.encode({ type: PacketType.ACK, nsp, id: 17, data: [{ ok: true, ...result }] });
      expect(ours.encode({ type: PacketType.ACK, nsp, id: 17, data: [roomsListAck(result)] })).toEqual(expected);
    }
  });

  it('decodes back to the answer, and leaves every other packet to socket.io', () => {
    const [text] = new chatParser.Encoder().encode({ type: PacketType.ACK, nsp: '/', id: 3, data: [roomsListAck(result)] });
    const decoded: unknown[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (packet: unknown) => decoded.push(packet));
    decoder.add(text as string);
    expect(decoded).toEqual([{ type: PacketType.ACK, nsp: '/', id: 3, data: [{ ok: true, ...result }] }]);

    const event = { type: PacketType.EVENT, nsp: '/', data: ['message:new', { text: 'hi' }] };
    expect(new chatParser.Encoder().encode(event)).toEqual(new Encoder().encode(event));
  });

  it('still encodes right through an encoder that does not know EncodedAck', () => {
    const ack = new EncodedAck('{"ok":true,"n":1}');
    expect(new Encoder().encode({ type: PacketType.ACK, nsp: '/', id: 1, data: [ack] })).toEqual(['31[{"ok":true,"n":1}]']);
  });
});
