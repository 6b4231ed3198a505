import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { EVENTS_NAMESPACE, EventsClientEvent, type JoinAck, JoinSessionMessage, JoinSpaceMessage } from '@concerto/domain';
import { AuthService } from '../auth/auth.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessPolicy } from '../access/access-policy.js';
import { EventsPublisher, type EventsSocketData, accountRoom, concertationSessionRoom, spaceRoom } from './events-publisher.js';
import { socketAuthMiddleware } from '../auth/socket-auth.js';
import { SocketLogs, loggedSocketEvent } from '../logging/socket-logs.js';

const spaceIdOf = (body: unknown): unknown => (body as { spaceId?: unknown } | null)?.spaceId;
const sessionIdOf = (body: unknown): unknown => (body as { sessionId?: unknown } | null)?.sessionId;

/** /events: a signed-in client joins its spaces' rooms and receives change notices. */
@WebSocketGateway({ namespace: EVENTS_NAMESPACE })
export class EventsGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly access: AccessPolicy,
    private readonly publisher: EventsPublisher,
    private readonly socketLogs: SocketLogs,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use(this.socketLogs.handshake(EVENTS_NAMESPACE, socketAuthMiddleware(this.auth, this.config.allowedOrigins)));
    this.publisher.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    void socket.join(accountRoom((socket.data as EventsSocketData).accountId));
  }

  /** Joins and their refusals are logged with the connection's ids (SocketLogs). */
  @SubscribeMessage(EventsClientEvent.join)
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAck> {
    return loggedSocketEvent(socket, 'join', spaceIdOf(body), () => this.joinSpace(socket, body));
  }

  @SubscribeMessage(EventsClientEvent.joinSession)
  joinSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAck> {
    return loggedSocketEvent(socket, 'joinSession', sessionIdOf(body), () => this.joinConcertationSession(socket, body));
  }

  private async joinSpace(socket: Socket, body: unknown): Promise<JoinAck> {
    const parsed = JoinSpaceMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'validation_failed', message: 'spaceId must be a UUID' };
    const { accountId, authSessionId } = socket.data as EventsSocketData;
    if (!(await this.auth.isAuthSessionLive(authSessionId))) {
      socket.disconnect(true);
      return { ok: false, code: 'unauthenticated', message: 'Session expired' };
    }
    if (!(await this.access.mayFollowSpace(parsed.data.spaceId, accountId))) {
      return { ok: false, code: 'not_found', message: 'Space not found' };
    }
    await socket.join(spaceRoom(parsed.data.spaceId));
    return { ok: true };
  }

  /** Whoever has a place in the session (members of its space, its guests) may follow its notices. */
  private async joinConcertationSession(socket: Socket, body: unknown): Promise<JoinAck> {
    const parsed = JoinSessionMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'validation_failed', message: 'sessionId must be a UUID' };
    const { accountId, authSessionId } = socket.data as EventsSocketData;
    if (!(await this.auth.isAuthSessionLive(authSessionId))) {
      socket.disconnect(true);
      return { ok: false, code: 'unauthenticated', message: 'Session expired' };
    }
    if (!(await this.access.mayFollowSession(parsed.data.sessionId, accountId))) {
      return { ok: false, code: 'not_found', message: 'Session not found' };
    }
    await socket.join(concertationSessionRoom(parsed.data.sessionId));
    return { ok: true };
  }

  @SubscribeMessage(EventsClientEvent.leaveSession)
  async leaveSession(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAck> {
    const parsed = JoinSessionMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'validation_failed', message: 'sessionId must be a UUID' };
    await socket.leave(concertationSessionRoom(parsed.data.sessionId));
    return { ok: true };
  }

  @SubscribeMessage(EventsClientEvent.leave)
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<JoinAck> {
    const parsed = JoinSpaceMessage.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'validation_failed', message: 'spaceId must be a UUID' };
    await socket.leave(spaceRoom(parsed.data.spaceId));
    return { ok: true };
  }
}
