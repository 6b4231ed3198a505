import { io, type Socket } from 'socket.io-client';
import { NOTIFICATION_EVENT, type NotificationNotice } from '@concerto/domain';
import type { ApiClient } from './api-client.js';

/**
 * A signed-in person's `/events` sockets in a test, each collecting the notification notices it receives; `close`
 * disconnects them all (afterAll).
 */
export class NotificationSockets {
  private readonly sockets: Socket[] = [];

  constructor(private readonly baseUrl: string) {}

  /** Connects with the client's session cookie; resolves once connected. */
  connect(client: ApiClient): Promise<Socket> {
    const socket = io(`${this.baseUrl}/events`, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: client.cookie ?? '' } });
    this.sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  /** The notices the socket receives from now on, in order. */
  collect(socket: Socket): NotificationNotice[] {
    const notices: NotificationNotice[] = [];
    socket.on(NOTIFICATION_EVENT, (notice: NotificationNotice) => notices.push(notice));
    return notices;
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}
