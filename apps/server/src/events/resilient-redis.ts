import type { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * Reconnection delay after the n-th failed attempt: a backoff capped at 2 s, and never `null` — a client that stopped
 * retrying would stay down for good, and neither its subscriptions (ioredis' `autoResubscribe`) nor its publishing
 * would come back with Redis.
 */
export const redisReconnectDelay = (attempt: number): number => Math.min(100 * attempt, 2000);

/** A warning logged at most once per `intervalMs`; the next one says how many were held back in between. */
export class ThrottledWarning {
  private lastAt = Number.NEGATIVE_INFINITY;
  private heldBack = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly intervalMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(message: string): void {
    const now = this.now();
    if (now - this.lastAt < this.intervalMs) {
      this.heldBack++;
      return;
    }
    this.logger.warn(this.heldBack > 0 ? `${message} (and ${this.heldBack} more since the last warning)` : message);
    this.lastAt = now;
    this.heldBack = 0;
  }
}

/**
 * An ioredis client for callers that fire commands and forget them, such as socket.io's Redis adapter (its `publish`,
 * `psubscribe`, `subscribe`, `punsubscribe`, `unsubscribe` return promises nobody handles): every command's promise
 * gets a handler here, the one place all commands go through, so a command that fails while Redis is unreachable
 * (refused offline, given up after retries, "Connection is closed." at shutdown) is reported through `onFailure`
 * instead of becoming an unhandled rejection that ends the process. Callers that await a command still see its
 * rejection. `duplicate()` would make a plain `Redis`: construct each client with this class.
 */
export class ResilientRedis extends Redis {
  private closing = false;

  constructor(
    url: string,
    options: RedisOptions,
    private readonly onFailure: (command: string, error: Error) => void,
  ) {
    super(url, { retryStrategy: redisReconnectDelay, ...options });
  }

  override sendCommand(...args: Parameters<Redis['sendCommand']>): unknown {
    const [command] = args;
    command.promise.catch((error: Error) => {
      if (!this.closing) this.onFailure(command.name, error);
    });
    return super.sendCommand(...args);
  }

  /** Closes for good; what is still queued fails quietly. */
  close(): void {
    this.closing = true;
    this.disconnect();
  }
}
