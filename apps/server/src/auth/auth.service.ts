import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AccountView, SignInRequest, SignUpRequest, UpdateMeRequest } from '@concerto/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApiException, badRequest, conflict, notFound } from '../common/api-exception.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { AuthSessionsRepository } from './auth-sessions.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import type { RequestAuth } from '../common/request-auth.js';
import { SessionCache } from './session-cache.js';
import { hashToken, newSessionToken } from './session-token.js';
import { type SignInAttempt, SignInLimiter } from './sign-in-limiter.js';

export interface ClientInfo {
  /** The client's address as Express derives it (X-Forwarded-For from a trusted proxy, see TRUST_PROXY). */
  ip: string;
  /** The address of the TCP connection itself. */
  connectionIp: string;
  userAgent: string;
}

export interface IssuedSession {
  token: string;
  authSessionId: string;
  account: AccountView;
}

@Injectable()
export class AuthService implements OnModuleDestroy {
  private readonly limiter: SignInLimiter;
  /** « Mot de passe oublié » requests, counted like failed sign-ins (same limits, their own counters). */
  private readonly resetLimiter: SignInLimiter;
  /** Shares the sign-in counts between server processes (REDIS_URL); never queues a command while Redis is away. */
  private readonly redis: Redis | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly sessions: AuthSessionsRepository,
    private readonly organisations: OrganisationsService,
    private readonly sessionCache: SessionCache,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(100 * attempt, 2000) })
      : undefined;
    // While Redis is away each process counts in memory (SignInLimiter); /api/health says that Redis is down.
    this.redis?.on('error', () => undefined);
    this.limiter = new SignInLimiter(config.signIn, this.redis);
    this.resetLimiter = new SignInLimiter(config.signIn, this.redis, 'password-reset');
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  async signUp(request: SignUpRequest, client: ClientInfo): Promise<IssuedSession> {
    if (request.organisationId) await this.requireOrganisation(request.organisationId);
    const passwordHash = await hashPassword(request.password);
    const id = await this.accounts.insertUnlessTaken({
      email: request.email,
      passwordHash,
      displayName: request.displayName,
      locale: request.locale ?? 'fr',
      organisationId: request.organisationId ?? null,
    });
    if (!id) throw conflict('email_taken');
    return this.openSession(id, client);
  }

  /**
   * Same answer for an unknown e-mail and a wrong password; failures are rate-limited per (account, address), per
   * account and per address (SignInLimiter).
   */
  async signIn(request: SignInRequest, client: ClientInfo): Promise<IssuedSession> {
    const attempt = this.signInAttempt(request.email, client);
    if (await this.limiter.isBlocked(attempt)) throw new ApiException(429, 'too_many_attempts');
    const account = await this.accounts.findCredentials(request.email);
    const ok = await verifyPassword(account?.passwordHash, request.password);
    if (!ok || !account) {
      await this.limiter.recordFailure(attempt);
      throw new ApiException(401, 'invalid_credentials');
    }
    await this.limiter.recordSuccess(attempt);
    return this.openSession(account.id, client);
  }

  /**
   * Counts a password reset request for this address from this client, whether or not an account has it; past the
   * sign-in limits (per address and account, per account, per client address) it is refused with 429.
   */
  async countPasswordResetRequest(email: string, client: ClientInfo): Promise<void> {
    const attempt = this.signInAttempt(email, client);
    if (await this.resetLimiter.isBlocked(attempt)) throw new ApiException(429, 'too_many_attempts');
    await this.resetLimiter.recordFailure(attempt);
  }

  async signOut(authSessionId: string): Promise<void> {
    await this.sessions.revoke(authSessionId);
    await this.sessionCache.forget({ authSessionId });
  }

  /**
   * The live session and its account for a cookie token, or undefined (unknown, expired or revoked): one query, or
   * the SessionCache for the next second or two (a revoked session leaves it at once, on every process).
   */
  async resolveSession(token: string | undefined): Promise<RequestAuth | undefined> {
    if (!token) return undefined;
    const tokenHash = hashToken(token);
    const cached = this.sessionCache.get(tokenHash);
    if (cached) return cached;
    const startedAt = this.sessionCache.lookupStarted();
    const found = await this.sessions.findLive(tokenHash);
    if (!found) return undefined;
    const auth: RequestAuth = {
      account: found.account,
      authSessionId: found.authSessionId,
      ...(found.participantSessionId ? { participantSessionId: found.participantSessionId } : {}),
    };
    this.sessionCache.set(tokenHash, auth, found.expiresAt, startedAt);
    return auth;
  }

  async isAuthSessionLive(authSessionId: string): Promise<boolean> {
    return this.sessions.isLive(authSessionId);
  }

  async me(accountId: string): Promise<AccountView> {
    const account = await this.accounts.findView(accountId);
    if (!account) throw notFound();
    return account;
  }

  async updateMe(accountId: string, request: UpdateMeRequest): Promise<AccountView> {
    if (request.organisationId) await this.requireOrganisation(request.organisationId);
    await this.accounts.update(accountId, request);
    await this.sessionCache.forget({ accountId });
    return this.me(accountId);
  }

  /**
   * The addresses an attempt counts against. The client's address comes from X-Forwarded-For whenever the peer is
   * trusted (`trust proxy`, `loopback` by default), and a client connecting directly from this machine can put
   * anything there. Unless the operator declared their proxy (TRUST_PROXY set), the connection's own address is
   * therefore counted against the per-address limit as well: rotating X-Forwarded-For escapes nothing. (Behind an
   * undeclared proxy on loopback, all its clients share that one per-address counter; declaring it gives each
   * forwarded client its own.) The per-(account, address) counter uses the client's address.
   */
  private signInAttempt(email: string, client: ClientInfo): SignInAttempt {
    return { email, address: client.ip, connectionAddress: this.config.trustProxyDeclared ? undefined : client.connectionIp };
  }

  private async requireOrganisation(id: string): Promise<void> {
    if (!(await this.organisations.exists(id))) {
      throw badRequest([{ path: 'organisationId', message: 'Unknown organisation' }]);
    }
  }

  /**
   * A session for an account without a password: a participant who joined a live concertation session by code. Its
   * token (256 random bits, kept only as a SHA-256) is the participant's; revoked at once by `revokeAccountSessions`.
   */
  async openParticipantSession(accountId: string, client: ClientInfo, ttlMs: number): Promise<{ token: string; authSessionId: string }> {
    const token = newSessionToken();
    const authSessionId = await this.sessions.insert({
      tokenHash: hashToken(token),
      accountId,
      expiresAt: new Date(Date.now() + ttlMs),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent.slice(0, 300),
    });
    return { token, authSessionId };
  }

  /** Revokes every live session of the account and forgets it from the cache on every process; returns their ids. */
  async revokeAccountSessions(accountId: string): Promise<string[]> {
    const revoked = await this.sessions.revokeAllOf(accountId);
    await this.sessionCache.forget({ accountId });
    return revoked;
  }

  private async openSession(accountId: string, client: ClientInfo): Promise<IssuedSession> {
    const token = newSessionToken();
    const authSessionId = await this.sessions.insert({
      tokenHash: hashToken(token),
      accountId,
      expiresAt: new Date(Date.now() + this.config.sessionTtlMs),
      ip: client.ip.slice(0, 64),
      userAgent: client.userAgent.slice(0, 300),
    });
    return { token, authSessionId, account: await this.me(accountId) };
  }
}
