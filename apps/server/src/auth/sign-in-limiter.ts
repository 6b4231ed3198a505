/**
 * Counts failed sign-in attempts per account (e-mail) and per client address in a sliding window.
 * Past the threshold every attempt is refused with 429 until old failures leave the window.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(email: string, address: string): boolean {
    return (
      this.count(`account:${email}`) >= this.limits.maxFailuresPerAccount ||
      this.count(`address:${address}`) >= this.limits.maxFailuresPerAddress
    );
  }

  recordFailure(email: string, address: string): void {
    for (const key of [`account:${email}`, `address:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
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
