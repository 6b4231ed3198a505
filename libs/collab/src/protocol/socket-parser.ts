import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Decoder as DefaultDecoder, Encoder as DefaultEncoder, isPacketValid, type Packet, PacketType } from 'socket.io-parser';

/** First byte of a compact packet; the default format never starts a packet with a binary frame. */
const COMPACT_PACKET = 0xc7;

type Bytes = Uint8Array | ArrayBuffer;

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

/** An event whose only argument is binary: `emit('doc:message', frame)`, acknowledged or not. */
function compactable(packet: Packet): Uint8Array | undefined {
  if (packet.type !== PacketType.EVENT || !Array.isArray(packet.data) || packet.data.length !== 2) return undefined;
  const [event, payload] = packet.data as unknown[];
  return typeof event === 'string' ? asBytes(payload) : undefined;
}

/**
 * The socket.io parser of the app: the default one, except that an event whose only argument is binary (every
 * y-protocols message of /collab) travels as one binary WebSocket frame — `[0xc7][varUint ack id + 1][varString
 * namespace][varString event][payload]` — instead of a JSON placeholder frame followed by an attachment frame.
 * Half the frames, writes and parses per message on both ends; everything else is the default format, so a
 * client with the default parser still talks JSON and standard binary events to the server. Both ends of a
 * connection that carries compact packets must use this parser (the server and the clients of `libs/collab`).
 */
export class Encoder extends DefaultEncoder {
  override encode(packet: Packet): (string | Bytes)[] {
    const payload = compactable(packet);
    if (!payload) return super.encode(packet) as (string | Bytes)[];
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, COMPACT_PACKET);
    encoding.writeVarUint(encoder, packet.id === undefined ? 0 : packet.id + 1);
    encoding.writeVarString(encoder, packet.nsp);
    encoding.writeVarString(encoder, (packet.data as [string])[0]);
    encoding.writeUint8Array(encoder, payload);
    return [encoding.toUint8Array(encoder)];
  }
}

export class Decoder extends DefaultDecoder {
  override add(data: unknown): void {
    const bytes = asBytes(data) ?? (ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined);
    const reconstructing = (this as unknown as { reconstructor: unknown }).reconstructor;
    if (!bytes || reconstructing || bytes[0] !== COMPACT_PACKET) return super.add(data);
    this.emitReserved('decoded', decodeCompact(bytes));
  }
}

/**
 * Throws on a truncated header, and on what socket.io's default decoder refuses: a reserved event name
 * (`connect`, `connect_error`, `disconnect`, `disconnecting`, `newListener`, `removeListener`), which would
 * otherwise run the server's own listeners for that name. Socket.io then closes the connection, as for any packet
 * it cannot parse; nothing reaches a handler.
 */
function decodeCompact(bytes: Uint8Array): Packet {
  const decoder = decoding.createDecoder(bytes);
  decoding.readUint8(decoder);
  const ackId = decoding.readVarUint(decoder);
  const nsp = decoding.readVarString(decoder);
  const event = decoding.readVarString(decoder);
  if (decoder.pos > bytes.byteLength) throw new Error('truncated compact packet');
  const payload = bytes.subarray(decoder.pos);
  const packet: Packet = { type: PacketType.EVENT, nsp, data: [event, payload], ...(ackId > 0 ? { id: ackId - 1 } : {}) };
  // The default decoder's own check (its list of reserved names included), so both formats refuse the same packets.
  if (!isPacketValid(packet)) throw new Error('invalid compact packet');
  return packet;
}

/** Pass as `parser` to the socket.io server and to every socket.io client of the app. */
export const collabParser = { Encoder, Decoder };
