import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SignInLimits } from '../config/app-config.js';

export interface SignInAttempt {
  email: string;
  /** The client's address (Express `req.ip`: from X-Forwarded-For when the peer is a trusted proxy). */
  address: string;
  /** The connection's own address, also counted against the per-address limit when given and different. */
  connectionAddress?: string;
}

const pairKey = (a: SignInAttempt) => `${a.email}\n${a.address}`;
const addressKeys = (a: SignInAttempt) => [...new Set([a.address, a.connectionAddress ?? a.address])];

/**
 * Counts failed sign-ins per (account, address), per account and per address, each over a window of
 * `SIGNIN_WINDOW_MINUTES` (rate-limiter-flexible); past any threshold every attempt is refused with 429 until the
 * window ends. A success from an address clears that address's counter for the account, so the owner's own typos
 * never add up with an attacker's. With Redis the counts are shared by every server process (two replicas do not
 * double a limit); should Redis fail, each process counts in memory meanwhile (the insurance limiter).
 */
export class SignInLimiter {
  private readonly pair: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;

  constructor(
    private readonly limits: SignInLimits,
    redis?: Redis,
    /** Counters' key prefix: `sign-in`, or `password-reset` for the « mot de passe oublié » requests. */
    name = 'sign-in',
  ) {
    const duration = Math.max(1, Math.ceil(limits.windowMs / 1000));
    const limiter = (kind: string, points: number): RateLimiterAbstract => {
      const options = { keyPrefix: `concerto:${name}:${kind}`, points, duration };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    };
    this.pair = limiter('pair', limits.maxFailuresPerAccountAndAddress);
    this.account = limiter('account', limits.maxFailuresPerAccount);
    this.address = limiter('address', limits.maxFailuresPerAddress);
  }

  async isBlocked(attempt: SignInAttempt): Promise<boolean> {
    const used = async (limiter: RateLimiterAbstract, key: string) => (await limiter.get(key))?.consumedPoints ?? 0;
    const [pair, account, ...addresses] = await Promise.all([
      used(this.pair, pairKey(attempt)),
      used(this.account, attempt.email),
      ...addressKeys(attempt).map((key) => used(this.address, key)),
    ]);
    return (
      pair >= this.limits.maxFailuresPerAccountAndAddress ||
      account >= this.limits.maxFailuresPerAccount ||
      addresses.some((count) => count >= this.limits.maxFailuresPerAddress)
    );
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    await Promise.all([
      this.pair.penalty(pairKey(attempt)),
      this.account.penalty(attempt.email),
      ...addressKeys(attempt).map((key) => this.address.penalty(key)),
    ]);
  }

  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await this.pair.delete(pairKey(attempt));
  }
}
