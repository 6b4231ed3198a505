import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordResetToken, type PasswordResetConfirm } from '@concerto/domain';
import { ApiException } from '../common/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MailService } from '../mail/mail.service.js';
import { AccessChanges } from './access-changes.js';
import { AccountsRepository } from './accounts.repository.js';
import { AuthService, type ClientInfo } from './auth.service.js';
import { AuthSessionsRepository } from './auth-sessions.repository.js';
import { hashPassword } from './password.js';
import { passwordResetMail } from './password-reset.mail.js';
import { PasswordResetsRepository, type PasswordResetToUse } from './password-resets.repository.js';
import { hashToken, newSessionToken } from './session-token.js';

/** Path of the reset page of a token in the web app. */
export const passwordResetPath = (token: string) => `/nouveau-mot-de-passe/${token}`;

/**
 * « Mot de passe oublié ». A request answers the same whether or not an account has the address (and is rate-limited
 * like sign-in); for an account it stores the SHA-256 of a random single-use token valid `PASSWORD_RESET_TTL_MINUTES`
 * and queues the mail with the link, in one transaction. Confirming checks the token (unknown, used, expired: each its
 * own clear refusal), sets the new password, uses up every link of the account and revokes all its sign-in sessions
 * (their live sockets are closed through `AccessChanges`).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly accounts: AccountsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly sessions: AuthSessionsRepository,
    private readonly mail: MailService,
    private readonly accessChanges: AccessChanges,
  ) {}

  async request(email: string, client: ClientInfo): Promise<void> {
    await this.auth.countPasswordResetRequest(email, client);
    const account = await this.accounts.findForReset(email);
    if (!account) return;
    const token = newSessionToken();
    const ttl = this.config.passwordResetTtlMs;
    await this.dataSource.transaction(async (tx) => {
      await this.resets.insert(account.id, hashToken(token), new Date(Date.now() + ttl), tx);
      await this.mail.enqueue(
        {
          to: account.email,
          locale: account.locale,
          template: passwordResetMail,
          data: { displayName: account.displayName, link: passwordResetPath(token), validMinutes: Math.round(ttl / 60_000) },
          reference: { kind: 'account', id: account.id },
        },
        tx,
      );
    });
  }

  /** Whether a reset link may still be used (the reset page asks before showing its form). */
  async check(token: string): Promise<void> {
    this.usable(PasswordResetToken.safeParse(token).success ? await this.resets.findByHash(hashToken(token)) : undefined);
  }

  async confirm(request: PasswordResetConfirm): Promise<void> {
    if (!PasswordResetToken.safeParse(request.token).success) throw new ApiException(400, 'reset_link_invalid');
    const passwordHash = await hashPassword(request.password);
    const revoked = await this.dataSource.transaction(async (tx) => {
      const reset = this.usable(await this.resets.lockByHash(hashToken(request.token), tx));
      await this.accounts.setPasswordHash(reset.accountId, passwordHash, tx);
      await this.resets.useAllOf(reset.accountId, tx);
      return this.sessions.revokeAllOf(reset.accountId, tx);
    });
    for (const authSessionId of revoked) this.accessChanges.authSessionRevoked(authSessionId);
  }

  private usable(reset: PasswordResetToUse | undefined): PasswordResetToUse {
    if (!reset) throw new ApiException(400, 'reset_link_invalid');
    if (reset.usedAt) throw new ApiException(410, 'reset_link_used');
    if (reset.expiresAt <= new Date()) throw new ApiException(410, 'reset_link_expired');
    return reset;
  }
}
