import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiException } from '../common/api-exception.js';

/** Wrong join codes an address may try in a window before every attempt is refused (429) until it ends. */
export const JOIN_FAILURES_PER_ADDRESS = 10;
export const JOIN_WINDOW_SECONDS = 15 * 60;
/** Joins (right codes) an address may make in a window: a room shares one Wi-Fi, so it is generous. */
export const JOINS_PER_ADDRESS = 300;

/**
 * Rate limits of joining by code (rate-limiter-flexible, shared through Redis by every process, in memory while Redis
 * is away): wrong codes per address, so that the code space (32⁶) cannot be walked, and joins per address.
 * The client's address and the connection's own are both counted, as for sign-in (see AuthService.signInAttempt).
 */
@Injectable()
export class JoinLimits implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly failures: RateLimiterAbstract;
  private readonly joins: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(100 * attempt, 2000) })
      : undefined;
    this.redis?.on('error', () => undefined);
    const limiter = (kind: string, points: number): RateLimiterAbstract => {
      const options = { keyPrefix: `concerto:session-join:${kind}`, points, duration: JOIN_WINDOW_SECONDS };
      if (!this.redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    };
    this.failures = limiter('failures', JOIN_FAILURES_PER_ADDRESS);
    this.joins = limiter('joins', JOINS_PER_ADDRESS);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /** The addresses a client counts against: its own, and the connection's unless a proxy was declared (TRUST_PROXY). */
  addressesOf(client: { ip: string; connectionIp: string }): string[] {
    return [...new Set([client.ip, this.config.trustProxyDeclared ? client.ip : client.connectionIp].filter(Boolean))];
  }

  /** 429 while one of the addresses has tried too many wrong codes. */
  async requireNotBlocked(addresses: string[]): Promise<void> {
    const used = await Promise.all(addresses.map(async (key) => (await this.failures.get(key))?.consumedPoints ?? 0));
    if (used.some((count) => count >= JOIN_FAILURES_PER_ADDRESS)) throw new ApiException(429, 'too_many_attempts');
  }

  async recordFailure(addresses: string[]): Promise<void> {
    await Promise.all(addresses.map((key) => this.failures.penalty(key)));
  }

  /** Counts a join; 429 past the limit. */
  async consumeJoin(addresses: string[]): Promise<void> {
    try {
      await Promise.all(addresses.map((key) => this.joins.consume(key)));
    } catch (error) {
      if (error instanceof Error) throw error;
      throw new ApiException(429, 'too_many_attempts');
    }
  }
}
