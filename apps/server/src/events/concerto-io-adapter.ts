import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { collabParser } from '@concerto/collab';

/**
 * The socket.io server of the app: the app's parser (one frame per binary message, see `socket-parser.ts`),
 * transport limits from the configuration, and with `REDIS_URL` the Redis
 * adapter, so that /events notices and room queries reach the sockets of every server process.
 * (/collab broadcasts document updates locally and shares document state through its own relay.)
 */
export class ConcertoIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly options: { maxFrameBytes: number; redisUrl: string | undefined },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // Frames over the collab limit are refused by the engine with a clear error; far larger ones close the socket.
    const server = super.createIOServer(port, { ...options, parser: collabParser, maxHttpBufferSize: this.options.maxFrameBytes * 4 + 1024 } as ServerOptions) as Server;
    if (this.options.redisUrl) {
      const publisher = new Redis(this.options.redisUrl, { maxRetriesPerRequest: 1 });
      const subscriber = publisher.duplicate();
      for (const client of [publisher, subscriber]) client.on('error', () => undefined);
      this.clients.push(publisher, subscriber);
      server.adapter(createAdapter(publisher, subscriber, { requestsTimeout: 3000 }));
    }
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const client of this.clients) client.disconnect();
  }
}
