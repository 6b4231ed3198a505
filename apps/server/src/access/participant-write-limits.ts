import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiException } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Changes (contributions' ballots, dots, attendance) one participant may send per minute; beyond, 429 until it ends. */
export const PARTICIPANT_WRITES_PER_MINUTE = 60;

/**
 * The rate limit of a participant who joined a session by code, counted per participant (joining again from the same
 * device is the same participant, the same count): a phone left clicking cannot flood the session. Shared by every
 * process through Redis (rate-limiter-flexible), in memory while Redis is away.
 */
@Injectable()
export class ParticipantWriteLimits implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly writes: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(100 * attempt, 2000) })
      : undefined;
    this.redis?.on('error', () => undefined);
    const options = { keyPrefix: 'concerto:participant-writes', points: PARTICIPANT_WRITES_PER_MINUTE, duration: 60 };
    this.writes = this.redis
      ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /** Counts one change of the participant; 429 `too_many_attempts` past the limit. */
  async consume(participantId: string): Promise<void> {
    try {
      await this.writes.consume(participantId);
    } catch (error) {
      if (error instanceof Error) throw error;
      throw new ApiException(429, 'too_many_attempts');
    }
  }
}
