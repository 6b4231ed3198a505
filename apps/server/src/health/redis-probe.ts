import { Redis } from 'ioredis';
import type { ReadinessView } from '@concerto/domain';

export type RedisHealth = NonNullable<ReadinessView['redis']>;

/** Longest a health answer waits for Redis, to connect or to answer PING. */
const TIMEOUT_MS = 1000;

/**
 * Answers "is Redis reachable, and how fast" for `/api/health/ready` with its own small connection (never the adapter's
 * or the relay's, whose queues and retries would make the answer wait). No background reconnection loop: a check
 * connects when the connection is down, within `TIMEOUT_MS`, and a command never waits in an offline queue.
 */
export class RedisProbe {
  private readonly client: Redis;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(url: string) {
    this.client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: TIMEOUT_MS,
      commandTimeout: TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    this.client.on('error', () => undefined); // a refused check answers "down"; nothing to log per attempt
  }

  async check(): Promise<RedisHealth> {
    const started = performance.now();
    try {
      await this.connected();
      await this.client.ping();
      return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch {
      return { status: 'down', latencyMs: null };
    }
  }

  close(): void {
    this.closed = true;
    this.client.disconnect();
  }

  /** Connects when not connected; concurrent checks share one attempt. */
  private connected(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('closed'));
    if (this.connecting) return this.connecting;
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.connecting = this.client.connect().finally(() => (this.connecting = undefined));
      return this.connecting;
    }
    return Promise.resolve(); // ready, or on its way down: PING says which, at once (no offline queue)
  }
}
