import { Decoder as DefaultDecoder, Encoder as DefaultEncoder, type Packet, PacketType } from 'socket.io-parser';
import { Decoder, Encoder } from './socket-parser.js';

function decodeAll(chunks: unknown[]): Packet[] {
  const decoder = new Decoder();
  const packets: Packet[] = [];
  decoder.on('decoded', (packet: Packet) => packets.push(packet));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

const frame = new Uint8Array([0, 3, 100, 111, 99, 2, 1, 42]);

describe('socket.io parser (one frame per binary message)', () => {
  it('encodes an event whose only argument is binary as one binary frame, and decodes it back', () => {
    const encoded = new Encoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', frame] });
    expect(encoded).toHaveLength(1);
    expect(encoded[0]).toBeInstanceOf(Uint8Array);
    const [packet] = decodeAll(encoded);
    expect(packet).toEqual({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', frame] });
    expect(packet.id).toBeUndefined();
  });

  it('keeps the acknowledgement id, 0 included', () => {
    for (const id of [0, 1, 300, 2 ** 31]) {
      const [packet] = decodeAll(new Encoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', frame], id }));
      expect(packet.id).toBe(id);
      expect(packet.data[1]).toEqual(frame);
    }
  });

  it('reads the payload from a Node Buffer or a browser ArrayBuffer alike', () => {
    const [encoded] = new Encoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', frame] }) as Uint8Array[];
    const asBuffer = Buffer.from(encoded);
    const asArrayBuffer = encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength);
    for (const chunk of [asBuffer, asArrayBuffer]) expect(new Uint8Array(decodeAll([chunk])[0].data[1])).toEqual(frame);
  });

  it('leaves every other packet in the default format', () => {
    const packets: Packet[] = [
      { type: PacketType.CONNECT, nsp: '/collab', data: { token: 'x' } },
      { type: PacketType.EVENT, nsp: '/events', data: ['space:join', { spaceId: 'a' }], id: 3 },
      { type: PacketType.ACK, nsp: '/collab', data: [{ ok: true, durable: true }], id: 3 },
      { type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', frame, 'extra'] },
      { type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', { nested: frame }] },
    ];
    for (const packet of packets) {
      const encoded = new Encoder().encode(packet);
      expect(encoded).toEqual(new DefaultEncoder().encode(packet));
      const [decoded] = decodeAll(encoded);
      expect(decoded.nsp).toBe(packet.nsp);
      expect(decoded.data).toEqual(packet.data);
    }
  });

  it('still decodes standard binary events (placeholder then attachment) from a default client', () => {
    const standard = new DefaultEncoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', Buffer.from(frame)], id: 7 });
    expect(standard).toHaveLength(2);
    const [packet] = decodeAll(standard);
    expect(packet.type).toBe(PacketType.EVENT);
    expect(packet.id).toBe(7);
    expect(new Uint8Array(packet.data[1])).toEqual(frame);
  });

  it('treats a binary frame awaited as an attachment as that attachment, whatever its first byte', () => {
    const attachment = Buffer.from([0xc7, 1, 2]);
    const [placeholder] = new DefaultEncoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['doc:message', attachment] });
    const [packet] = decodeAll([placeholder, attachment]);
    expect(new Uint8Array(packet.data[1])).toEqual(new Uint8Array(attachment));
  });

  it('throws on a truncated compact header or a stray binary frame (socket.io then closes that connection)', () => {
    expect(() => decodeAll([new Uint8Array([0xc7])])).toThrow();
    expect(() => decodeAll([new Uint8Array([0xc7, 0, 40, 47])])).toThrow();
    expect(() => decodeAll([new Uint8Array([1, 2, 3])])).toThrow();
  });

  describe('reserved event names', () => {
    // socket.io's own list (socket.io-parser RESERVED_EVENTS, socket.io socket-types): names of its internal events.
    const reserved = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
    const compact = (event: string, id?: number) => new Encoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: [event, frame], id });

    it.each(reserved)('refuses a compact packet named %s (throws, emits nothing), as the default decoder does', (event) => {
      for (const id of [undefined, 0]) {
        const encoded = compact(event, id);
        expect(encoded).toHaveLength(1);
        const decoder = new Decoder();
        const decoded: Packet[] = [];
        decoder.on('decoded', (packet: Packet) => decoded.push(packet));
        expect(() => decoder.add(encoded[0])).toThrow('invalid compact packet');
        expect(decoded).toEqual([]);
      }
      // The same packet in the default format (placeholder + attachment, as a default client would send it).
      const standard = new DefaultEncoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: [event, Buffer.from(frame)] });
      expect(() => {
        const decoder = new DefaultDecoder();
        for (const chunk of standard) decoder.add(chunk);
      }).toThrow();
    });

    it('accepts names that only resemble them', () => {
      for (const event of ['disconnected', 'Disconnect', 'doc:disconnect', 'connection', '']) {
        const [packet] = decodeAll(compact(event, 1));
        expect(packet.data[0]).toBe(event);
        expect(packet.id).toBe(1);
      }
    });
  });
});
