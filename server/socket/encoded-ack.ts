// Acks whose JSON the server writes itself (issue 8: rooms:list at 1,000 rooms is 340 KB).
//
// socket.io encodes an ack by walking the whole answer for binary parts and then calling
// JSON.stringify on it: 1.6 ms for rooms:list, plus a second copy of every summary's unchanging
// fields on each call. An EncodedAck carries the answer already written as JSON (its writer can
// cache what does not change, see rooms-list-json.ts); the parser below puts it on the wire as it
// is. The bytes are the same socket.io packet the default encoder would make, so clients and the
// contract see no difference.
import { Decoder, Encoder, type Packet, PacketType } from 'socket.io-parser';

export class EncodedAck {
  /** `json` is the whole answer, `{"ok":true,…}`, exactly as JSON.stringify would write it. */
  constructor(readonly json: string) {}

  /** Should an EncodedAck ever reach an encoder that does not know it, it still encodes right. */
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

class AckAwareEncoder extends Encoder {
  override encode(packet: Packet): ReturnType<Encoder['encode']> {
    const data: unknown = packet.data;
    if (packet.type === PacketType.ACK && Array.isArray(data) && data.length === 1 && data[0] instanceof EncodedAck) {
      // What encodeAsString writes for an ack: type, namespace unless "/", id, then the arguments.
      const namespace = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
      return [`${PacketType.ACK}${namespace}${packet.id ?? ''}[${data[0].json}]`];
    }
    return super.encode(packet);
  }
}

/** The socket.io `parser` option: the standard decoder, and an encoder that knows EncodedAck. */
export const chatParser = { Encoder: AckAwareEncoder, Decoder };
