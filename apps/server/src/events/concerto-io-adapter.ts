import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { RedisAdapter } from '@socket.io/redis-adapter';
import type { Namespace, Server, ServerOptions } from 'socket.io';
import { collabParser } from '@concerto/collab';
import { ResilientRedis, ThrottledWarning } from './resilient-redis.js';

/** socket.io's Redis adapter, except that a server count Redis cannot give is this process alone (see below). */
class TolerantRedisAdapter extends RedisAdapter {
  constructor(
    nsp: Namespace,
    publisher: ResilientRedis,
    subscriber: ResilientRedis,
    private readonly onUnavailable: (error: Error) => void,
  ) {
    super(nsp, publisher, subscriber, { requestsTimeout: 3000 });
  }

  /**
   * `fetchSockets` (the removal of a member, sign-out) first counts the server processes with PUBSUB NUMSUB; while
   * Redis is down it answers with this process's sockets instead of failing, as broadcasts reach this process only.
   */
  override async serverCount(): Promise<number> {
    try {
      return await super.serverCount();
    } catch (error) {
      this.onUnavailable(error as Error);
      return 1;
    }
  }
}

/**
 * The socket.io server of the app: the app's parser (one frame per binary message, see `socket-parser.ts`),
 * transport limits from the configuration, and with `REDIS_URL` the Redis
 * adapter, so that /events notices and room queries reach the sockets of every server process.
 * (/collab broadcasts document updates locally and shares document state through its own relay.)
 *
 * A Redis outage of any length, at start or later, never ends the process: everything that concerns this process's
 * own sockets (REST, notices to them, co-editing) keeps working; what should cross Redis meanwhile is dropped, with a
 * warning at most every few seconds; when Redis is back the subscriptions are restored and broadcasts cross again.
 */
export class ConcertoIoAdapter extends IoAdapter {
  private readonly redisLogger = new Logger('ConcertoIoAdapter');
  private readonly unreachable = new ThrottledWarning(this.redisLogger);
  private readonly dropped = new ThrottledWarning(this.redisLogger);
  private readonly clients: ResilientRedis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly options: { maxFrameBytes: number; redisUrl: string | undefined },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // Frames over the collab limit are refused by the engine with a clear error; far larger ones close the socket.
    const server = super.createIOServer(port, {
      ...options,
      parser: collabParser,
      maxHttpBufferSize: this.options.maxFrameBytes * 4 + 1024,
    } as ServerOptions) as Server;
    if (this.options.redisUrl) {
      const [publisher, subscriber] = this.connectRedis(this.options.redisUrl);
      const onUnavailable = (error: Error) => this.dropped.warn(`Redis unavailable: room queries count this process only (${error.message})`);
      // socket.io constructs the adapter of each namespace with `new`.
      server.adapter(
        class extends TolerantRedisAdapter {
          constructor(nsp: Namespace) {
            super(nsp, publisher, subscriber, onUnavailable);
          }
        },
      );
    }
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    for (const client of this.clients) client.close();
  }

  /**
   * Start with Redis down: the server starts degraded rather than waiting. Redis carries only what crosses processes;
   * this process can serve its own clients without it, /api/health says 503 (redis down) meanwhile, and starting
   * during an outage is then the same as an outage starting right after: no separate path to get wrong, and no
   * crash loop of every replica when Redis is down.
   */
  private connectRedis(url: string): [publisher: ResilientRedis, subscriber: ResilientRedis] {
    const onFailure = (command: string, error: Error) =>
      this.dropped.warn(
        command === 'publish'
          ? `Redis unavailable: a broadcast to the other server processes was dropped (${error.message})`
          : `Redis unavailable: ${command} failed (${error.message})`,
      );
    // Publishing is never queued: a broadcast is sent now or dropped (a late notice is worth nothing, and a queue
    // would grow for as long as the outage lasts).
    const publisher = new ResilientRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }, onFailure);
    // The adapter subscribes once per namespace, at creation: those commands wait for Redis however long it takes
    // (offline queue, no retry limit), then ioredis subscribes again by itself after every reconnection.
    const subscriber = new ResilientRedis(url, { enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true }, onFailure);
    let lost = false;
    for (const client of [publisher, subscriber]) client.on('error', (error: Error) => this.unreachable.warn(`Redis unreachable: ${error.message}`));
    publisher.on('close', () => {
      if (publisher.status !== 'end') lost = true;
    });
    publisher.on('ready', () => {
      if (lost) this.redisLogger.log('Redis is back: broadcasts reach the other server processes again');
      lost = false;
    });
    this.clients.push(publisher, subscriber);
    return [publisher, subscriber];
  }
}
