import { Inject } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { COLLAB_NAMESPACE, CollabEvent, type MessageAck } from '@concerto/collab';
import { AuthService } from '../auth/auth.service.js';
import { type SocketIdentity, socketAuthMiddleware } from '../auth/socket-auth.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CollabAccessSweep } from './collab-access-sweep.service.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { CollabConnection, colourOf } from './collab-connection.js';
import { CollabConnections } from './collab-connections.js';
import { CollabSyncService } from './collab-sync.service.js';
import { writeEachFlushAtOnce } from './one-write.js';
import { SocketLogs, loggedAck, loggedSocketEvent, socketLog } from '../logging/socket-logs.js';

type Ack<T> = ((answer: T) => void) | undefined;
const ackOf = <T>(args: unknown[]): Ack<T> => {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (answer: T) => void) : undefined;
};
/** The document a join or leave names (checked by the service). */
const docOf = (body: unknown): unknown => (body as { doc?: unknown } | null)?.doc;
/** The client's state vector a join may carry (checked by the service). */
const vectorOf = (body: unknown): unknown => (body as { stateVector?: unknown } | null)?.stateVector;
const noop = () => undefined;

/**
 * /collab: the handshake is authenticated (session cookie, origin allow-list); then each socket's events go
 * straight to the sync service (no per-message pipeline on the hot path).
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly connections: CollabConnections,
    private readonly sync: CollabSyncService,
    private readonly broadcaster: CollabBroadcaster,
    private readonly accessSweep: CollabAccessSweep,
    private readonly socketLogs: SocketLogs,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(this.socketLogs.handshake(COLLAB_NAMESPACE, socketAuthMiddleware(this.auth, this.config.allowedOrigins)));
    // One write per flush of a connection's packets, for every namespace of the server.
    writeEachFlushAtOnce(namespace.server.engine);
    this.broadcaster.attach(namespace);
    this.accessSweep.start();
  }

  /** Synchronous, so that no event sent right after connecting arrives before its listener. */
  handleConnection(socket: Socket): void {
    const { accountId, authSessionId, displayName } = socket.data as SocketIdentity;
    const user = { id: accountId, name: displayName, color: colourOf(accountId) };
    this.connections.add(new CollabConnection(socket, accountId, authSessionId, user, this.config.collab));
    // Answers and errors are logged with the connection's ids (SocketLogs); an error leaves the event unanswered.
    socket.on(CollabEvent.join, (...args: unknown[]) => {
      void loggedSocketEvent(socket, 'join', docOf(args[0]), () => this.sync.join(socket, docOf(args[0]), vectorOf(args[0]))).then(
        (result) => ackOf(args)?.(result),
        noop,
      );
    });
    socket.on(CollabEvent.leave, (...args: unknown[]) => {
      void loggedSocketEvent(socket, 'leave', docOf(args[0]), () => this.sync.leave(socket, docOf(args[0]))).then((result) => ackOf(args)?.(result), noop);
    });
    socket.on(CollabEvent.message, (...args: unknown[]) => {
      void this.sync
        .message(socket, args[0], loggedAck(socket, 'message', ackOf<MessageAck>(args)))
        .catch((error: unknown) => socketLog(socket).error({ event: 'message', err: error }, 'socket message failed'));
    });
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    await this.connections.remove(socket.id);
  }
}
