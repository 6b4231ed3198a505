import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RequestAuth } from '../common/request-auth.js';
import { AccessChanges } from './access-changes.js';

/** How long a resolved session is kept: a reconnection storm (or a page's requests) costs one lookup per second or so. */
export const SESSION_CACHE_MS = 2000;
const MAX_ENTRIES = 50_000;
/** Redis channel on which every process says which sessions or accounts changed (sign-out, password reset, profile). */
const CHANNEL = 'concerto:auth:forget';

interface Entry {
  auth: RequestAuth;
  until: number;
}

type Forget = { authSessionId: string } | { accountId: string };

/**
 * A short-lived cache of resolved sessions, keyed by the SHA-256 of the cookie token (never the token): each HTTP
 * request and socket handshake still resolves its session, but a burst of them costs one query. An entry leaves at
 * once, on every process, when its session is revoked (sign-out, password reset) or its account changes: this process
 * forgets it synchronously, the others through Redis pub/sub. While a Redis is configured but this process is not
 * subscribed (Redis down, reconnecting), the cache is bypassed: nothing revoked elsewhere can be missed.
 */
@Injectable()
export class SessionCache implements OnModuleDestroy {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  private readonly publisher: Redis | undefined;
  private readonly subscriber: Redis | undefined;
  private subscribed = false;
  /** Counts forgets: a lookup that began before one must not be cached (it may have read a session revoked meanwhile). */
  private generation = 0;
  private readonly stopListening: () => void;

  constructor(@Inject(APP_CONFIG) config: AppConfig, accessChanges: AccessChanges) {
    this.stopListening = accessChanges.onAuthSessionRevoked((authSessionId) => void this.forget({ authSessionId }));
    if (!config.redisUrl) return;
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000) };
    this.publisher = new Redis(config.redisUrl, options);
    const subscriber = new Redis(config.redisUrl, { ...options, enableOfflineQueue: true });
    this.subscriber = subscriber;
    this.publisher.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    // Whatever was published while this process was not listening is unknown: start empty once subscribed again.
    subscriber.on('close', () => (this.subscribed = false));
    subscriber.on('ready', () => {
      subscriber.subscribe(CHANNEL).then(
        () => {
          this.generation += 1;
          this.entries.clear();
          this.subscribed = true;
        },
        () => undefined,
      );
    });
    subscriber.on('message', (_channel: string, message: string) => this.apply(message));
  }

  onModuleDestroy(): void {
    this.stopListening();
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }

  /** The cached session of this token hash, if still fresh and the cache is usable. */
  get(tokenHash: string): RequestAuth | undefined {
    if (!this.usable()) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.auth;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** To pass to `set` with what a lookup started now finds. */
  lookupStarted(): number {
    return this.generation;
  }

  /** Keeps a live session for a short while (never past its expiry), unless something was forgotten since the lookup began. */
  set(tokenHash: string, auth: RequestAuth, expiresAt: Date, startedAt: number): void {
    if (!this.usable() || startedAt !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { auth, until: Math.min(Date.now() + SESSION_CACHE_MS, expiresAt.getTime()) });
  }

  /**
   * A session was revoked or an account changed: forgotten here at once, and on the other processes (resolves once
   * Redis has handed the message to them).
   */
  async forget(what: Forget): Promise<void> {
    this.drop(what);
    if (!this.publisher) return;
    try {
      await this.publisher.publish(CHANNEL, JSON.stringify(what));
    } catch {
      // Redis away: a process that cannot hear bypasses its cache (see usable); one that still can keeps an entry at most SESSION_CACHE_MS.
      this.logger.warn('could not tell the other processes that a session changed');
    }
  }

  private usable(): boolean {
    return !this.subscriber || this.subscribed;
  }

  private apply(message: string): void {
    try {
      this.drop(JSON.parse(message) as Forget);
    } catch {
      this.generation += 1;
      this.entries.clear();
    }
  }

  private drop(what: Forget): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) {
      if ('authSessionId' in what ? entry.auth.authSessionId === what.authSessionId : entry.auth.account.id === what.accountId) this.entries.delete(hash);
    }
  }
}
