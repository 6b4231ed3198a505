import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io over Redis: /events notices and room queries reach the sockets of every server process.
 * (/collab broadcasts document updates locally and shares document state through its own relay.)
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    const publisher = new Redis(this.url, { maxRetriesPerRequest: 1 });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber]) client.on('error', () => undefined);
    this.clients.push(publisher, subscriber);
    server.adapter(createAdapter(publisher, subscriber, { requestsTimeout: 3000 }));
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const client of this.clients) client.disconnect();
  }
}
