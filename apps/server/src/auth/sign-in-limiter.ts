import type { SignInLimits } from '../config/app-config.js';

export interface SignInAttempt {
  email: string;
  /** The client's address (Express `req.ip`: from X-Forwarded-For when the peer is a trusted proxy). */
  address: string;
  /** The connection's own address, also counted against the per-address limit when given and different. */
  connectionAddress?: string;
}

const pairKey = (a: SignInAttempt) => `pair\n${a.email}\n${a.address}`;
const accountKey = (a: SignInAttempt) => `account\n${a.email}`;
const addressKeys = (a: SignInAttempt) => [...new Set([a.address, a.connectionAddress ?? a.address])].map((address) => `address\n${address}`);

/**
 * Counts failed sign-ins in a sliding window per (account, address), per account and per address; past any of
 * the thresholds every attempt is refused with 429 until old failures leave the window. A success from an address
 * clears that address's counter for the account, so the owner's own typos never add up with an attacker's.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(attempt: SignInAttempt): boolean {
    return (
      this.count(pairKey(attempt)) >= this.limits.maxFailuresPerAccountAndAddress ||
      this.count(accountKey(attempt)) >= this.limits.maxFailuresPerAccount ||
      addressKeys(attempt).some((key) => this.count(key) >= this.limits.maxFailuresPerAddress)
    );
  }

  recordFailure(attempt: SignInAttempt): void {
    for (const key of [pairKey(attempt), accountKey(attempt), ...addressKeys(attempt)]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  recordSuccess(attempt: SignInAttempt): void {
    this.failures.delete(pairKey(attempt));
  }

  private count(key: string): number {
    return this.recent(key).length;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
