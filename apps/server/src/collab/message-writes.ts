import type { Socket } from 'socket.io';

interface RawSocket {
  cork(): void;
  uncork(): void;
}
interface EngineTransport {
  name: string;
  writable: boolean;
  /** The `ws` WebSocket of the websocket transport; `_socket` is its TCP socket. */
  socket?: { _socket?: RawSocket };
}
interface EngineConnection {
  transport: EngineTransport;
  write(packet: unknown, options: unknown): void;
  flush(): void;
}
interface SocketIoClient {
  conn: EngineConnection;
  writeToEngine(packets: unknown, options: { volatile?: boolean } | undefined): void;
}

const patched = new WeakSet<object>();

/**
 * A socket.io message with binary data is two engine.io packets (the placeholder, then the attachment). engine.io
 * writes the first at once and holds the second until the write callback of the first, so each relayed update
 * cost two socket writes a turn apart. Here both packets are queued before the flush and written with the TCP
 * socket corked: one write per message, the same frames on the wire (the protocol is unchanged).
 */
export function writeEachMessageAtOnce(socket: Socket): void {
  const client = socket.client as unknown as SocketIoClient;
  if (patched.has(client)) return;
  patched.add(client);
  const original = client.writeToEngine.bind(client);
  client.writeToEngine = (packets, options) => {
    const conn = client.conn;
    const transport = conn.transport;
    if (!Array.isArray(packets) || packets.length < 2 || options?.volatile || transport.name !== 'websocket' || !transport.writable) {
      // (Not writable: the packets wait in the write buffer and leave together at the next drain anyway.)
      return original(packets, options);
    }
    transport.writable = false;
    try {
      for (const packet of packets) conn.write(packet, options);
    } finally {
      transport.writable = true;
    }
    const raw = transport.socket?._socket;
    raw?.cork();
    try {
      conn.flush();
    } finally {
      raw?.uncork();
    }
  };
}
