import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Locale, NotificationPreferences, UpdateNotificationPreferences } from '@concerto/domain';
import { AccessPolicy } from '../access/access-policy.js';
import { notFound } from '../common/api-exception.js';
import { NotificationsRepository } from './notifications.repository.js';
import { type UnsubscribeClaim, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

/** The outcome of following an unsubscribe link: what it names, in whose language, and the space's name. */
export interface UnsubscribeOutcome {
  claim: UnsubscribeClaim;
  locale: Locale;
  spaceName: string | null;
}

/**
 * An account's notification preferences (per kind, for all spaces or per space; the digest's frequency) and the
 * one-click unsubscribe links that change a single preference without signing in.
 */
@Injectable()
export class NotificationPreferencesService {
  private key: Promise<Buffer> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async get(accountId: string): Promise<NotificationPreferences> {
    const [digest, preferences] = await Promise.all([this.repository.digestFrequency(accountId), this.repository.preferences(accountId)]);
    return { digest, preferences };
  }

  /** A preference for a space the account is not a member of is 404 (a space's existence does not leak); nothing changes then. */
  async update(accountId: string, body: UpdateNotificationPreferences): Promise<NotificationPreferences> {
    const spaceIds = [...new Set([...(body.preferences ?? []), ...(body.reset ?? [])].map((p) => p.spaceId).filter((id): id is string => id !== null))];
    const followed = new Set(await this.access.followedSpaces(accountId));
    if (spaceIds.some((id) => !followed.has(id))) throw notFound();
    await this.dataSource.transaction(async (tx) => {
      if (body.reset) await this.repository.deletePreferences(accountId, body.reset, tx);
      if (body.preferences) await this.repository.upsertPreferences(accountId, body.preferences, tx);
      if (body.digest) await this.repository.setDigestFrequency(accountId, body.digest, tx);
    });
    return this.get(accountId);
  }

  /** A signed token for a one-click unsubscribe link (mails put it in their footer and `List-Unsubscribe`). */
  async unsubscribeToken(claim: UnsubscribeClaim): Promise<string> {
    return signUnsubscribeToken(await this.signingKey(), claim);
  }

  /** What a token names (for the confirmation page), or undefined when it is forged, altered or names what is gone. */
  async inspect(token: string): Promise<UnsubscribeOutcome | undefined> {
    const claim = verifyUnsubscribeToken(await this.signingKey(), token);
    if (!claim) return undefined;
    const context = await this.repository.unsubscribeContext(claim.accountId, claim.spaceId);
    return context ? { claim, ...context } : undefined;
  }

  /** Turns off exactly the preference the token names (the kind → `off`, the digest → `never`), nothing else. */
  async unsubscribe(token: string): Promise<UnsubscribeOutcome | undefined> {
    const outcome = await this.inspect(token);
    if (!outcome) return undefined;
    const { claim } = outcome;
    if (claim.kind === 'digest') await this.repository.setDigestFrequency(claim.accountId, 'never');
    else await this.repository.upsertPreferences(claim.accountId, [{ kind: claim.kind, spaceId: claim.spaceId, channel: 'off' }]);
    return outcome;
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= this.repository.signingKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}
