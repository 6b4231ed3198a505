import type { Socket as NetSocket } from 'node:net';
import type { Server, Socket } from 'socket.io';

type EngineServer = Server['engine'];
type EngineSocket = Socket['conn'];

/**
 * What engine.io keeps of a connection's transport: `writable` is false while a write is in flight (packets then wait
 * in the connection's buffer and leave together at the next flush); a WebSocket transport holds the ws socket, which
 * holds the TCP socket.
 */
interface Transport {
  writable: boolean;
  socket?: { _socket?: NetSocket };
}

const transportOf = (connection: EngineSocket): Transport => (connection as unknown as { transport: Transport }).transport;

/** The TCP socket under a WebSocket transport (none for HTTP long-polling, whose writes are HTTP responses). */
function tcpSocketOf(connection: EngineSocket): NetSocket | undefined {
  const tcp = transportOf(connection).socket?._socket;
  return typeof tcp?.cork === 'function' ? tcp : undefined;
}

/**
 * Every flush of a connection's buffered packets leaves in one write: engine.io hands the packets of a flush to the
 * transport one by one, and ws writes each frame at once (one `writev` system call per frame, about 40 µs each
 * when a thousand clients join). The TCP socket is corked for the flush, so its frames go out in one `writev`.
 * engine.io emits `flush` just before handing the packets over and `drain` just after, synchronously.
 */
export function writeEachFlushAtOnce(engine: EngineServer): void {
  engine.on('flush', (connection: EngineSocket) => tcpSocketOf(connection)?.cork());
  engine.on('drain', (connection: EngineSocket) => tcpSocketOf(connection)?.uncork());
}

/**
 * Runs `send` (several emits and acknowledgements to one socket in the same turn) so that its packets leave in one
 * flush, hence one write (see writeEachFlushAtOnce). Without it the first packet is written at once and the others
 * wait for that write to complete, then leave in a second flush.
 */
export function inOneWrite(socket: Socket, send: () => void): void {
  const connection = socket.conn;
  const transport = transportOf(connection);
  // A write in flight: the packets wait for it in the buffer and leave together anyway.
  if (!transport.writable) return send();
  transport.writable = false;
  try {
    send();
  } finally {
    transport.writable = true;
    (connection as unknown as { flush(): void }).flush();
  }
}
