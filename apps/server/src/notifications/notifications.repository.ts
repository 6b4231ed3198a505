import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DigestFrequency, NotificationChannel, NotificationKind, NotificationParams, NotificationPreference, NotificationView } from '@concerto/domain';

/** What one notification row is written with (the same for every recipient of an event but the channel). */
export interface NotificationDraft {
  kind: NotificationKind;
  /** Null for what is not about a place of a space one is in (an invitation to a space one is not a member of yet). */
  spaceId: string | null;
  sessionId: string | null;
  link: string;
  params: NotificationParams;
  dedupeKey: string;
}

/** A row just written: who gets it and by which channel. */
export interface WrittenNotification {
  id: string;
  accountId: string;
  channel: Exclude<NotificationChannel, 'off'>;
}

/** The places an account may see, as the access policy answers it; the feed shows only what happened there. */
export interface VisiblePlaces {
  spaceIds: string[];
  sessionIds: string[];
}

interface FeedRow {
  id: string;
  kind: NotificationKind;
  space_id: string | null;
  space_name: string | null;
  link: string;
  params: NotificationParams;
  created_at: Date;
  read_at: Date | null;
}

const toView = (row: FeedRow): NotificationView => ({
  id: row.id,
  kind: row.kind,
  spaceId: row.space_id,
  spaceName: row.space_name,
  link: row.link,
  params: row.params,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at ? row.read_at.toISOString() : null,
});

/** Rows visible to the account: about a space it belongs to, or a session it is a guest of (or about no space). */
const VISIBLE = `(n.space_id IS NULL OR n.space_id = ANY($2::uuid[]) OR n.session_id = ANY($3::uuid[]))`;

/** The `notification` and `notification_preference` tables and the account's digest frequency. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The space's name and the actor's display name, captured in the notification's words. */
  async names(spaceId: string, actorAccountId: string | null, db: EntityManager = this.dataSource.manager): Promise<{ space: string; actor: string | null }> {
    const rows: { space: string | null; actor: string | null }[] = await db.query(
      `SELECT (SELECT title FROM space WHERE id = $1) AS space, (SELECT display_name FROM account WHERE id = $2) AS actor`,
      [spaceId, actorAccountId],
    );
    return { space: rows[0]?.space ?? '', actor: rows[0]?.actor ?? null };
  }

  /**
   * Each recipient's channel for a kind in a space: its preference for that space, else its preference for all
   * spaces, else nothing (the caller applies the default).
   */
  async chosenChannels(
    accountIds: string[],
    kind: NotificationKind,
    spaceId: string,
    db: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, NotificationChannel>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; channel: NotificationChannel }[] = await db.query(
      `SELECT DISTINCT ON (account_id) account_id, channel
         FROM notification_preference
        WHERE account_id = ANY($1::uuid[]) AND kind = $2 AND (space_id = $3 OR space_id IS NULL)
        ORDER BY account_id, space_id NULLS LAST`,
      [accountIds, kind, spaceId],
    );
    return new Map(rows.map((r) => [r.account_id, r.channel]));
  }

  /** One INSERT for all recipients; a (recipient, dedupe key) already notified is skipped. */
  async insertMany(
    draft: NotificationDraft,
    recipients: { accountId: string; channel: Exclude<NotificationChannel, 'off'> }[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<WrittenNotification[]> {
    if (recipients.length === 0) return [];
    const rows: { id: string; account_id: string; channel: WrittenNotification['channel'] }[] = await db.query(
      `INSERT INTO notification (account_id, channel, space_id, session_id, kind, link, params, dedupe_key)
       SELECT r.account_id, r.channel, $3, $4, $5, $6, $7::jsonb, $8
         FROM unnest($1::uuid[], $2::text[]) AS r(account_id, channel)
       ON CONFLICT (account_id, dedupe_key) DO NOTHING
       RETURNING id, account_id, channel`,
      [
        recipients.map((r) => r.accountId),
        recipients.map((r) => r.channel),
        draft.spaceId,
        draft.sessionId,
        draft.kind,
        draft.link,
        JSON.stringify(draft.params),
        draft.dedupeKey,
      ],
    );
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, channel: r.channel }));
  }

  /** Unread counts of several accounts (those with none are left out). */
  async unreadCounts(accountIds: string[]): Promise<Map<string, number>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; unread: number }[] = await this.dataSource.query(
      `SELECT account_id, count(*)::int AS unread FROM notification WHERE account_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY account_id`,
      [accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.unread]));
  }

  /** The account's unread notifications in the places it may see. */
  async unreadCount(accountId: string, places: VisiblePlaces): Promise<number> {
    const rows: { unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification n WHERE n.account_id = $1 AND n.read_at IS NULL AND ${VISIBLE}`,
      [accountId, places.spaceIds, places.sessionIds],
    );
    return rows[0].unread;
  }

  /** A page of the feed, newest first, strictly after the notification `before` (one of the account's). */
  async feed(accountId: string, places: VisiblePlaces, before: string | undefined, limit: number): Promise<NotificationView[]> {
    const rows: FeedRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.space_id, s.title AS space_name, n.link, n.params, n.created_at, n.read_at
         FROM notification n LEFT JOIN space s ON s.id = n.space_id
        WHERE n.account_id = $1 AND ${VISIBLE}
          AND ($4::uuid IS NULL OR (n.created_at, n.id) < (SELECT c.created_at, c.id FROM notification c WHERE c.id = $4 AND c.account_id = $1))
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $5`,
      [accountId, places.spaceIds, places.sessionIds, before ?? null, limit],
    );
    return rows.map(toView);
  }

  /** Marks some (or all, `ids` undefined) of the account's notifications read; how many changed. */
  async markRead(accountId: string, ids: string[] | undefined): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE notification SET read_at = now()
        WHERE account_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
        RETURNING id`,
      [accountId, ids ?? null],
    );
    return rows.length;
  }

  /**
   * An account removed from a space: its unread notifications about the space go, except those about a session of
   * the space it is still a guest of (it still sees that place).
   */
  async deleteUnreadAboutSpace(accountId: string, spaceId: string, keepSessionIds: string[], db: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await db.query(
      `DELETE FROM notification
        WHERE account_id = $1 AND space_id = $2 AND read_at IS NULL AND (session_id IS NULL OR NOT session_id = ANY($3::uuid[]))
        RETURNING id`,
      [accountId, spaceId, keepSessionIds],
    );
    return rows.length;
  }

  /**
   * Deletes the notifications read and made more than `days` days before `now`, but those of `keepKinds` (reminders
   * that may come again with the same dedupe key while their cause lasts); how many.
   */
  async purgeRead(now: Date, days: number, keepKinds: readonly NotificationKind[], db: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await db.query(
      `DELETE FROM notification
        WHERE read_at IS NOT NULL AND created_at < $1::timestamptz - $2 * interval '1 day' AND NOT kind = ANY($3::text[])
        RETURNING id`,
      [now, days, keepKinds],
    );
    return rows.length;
  }

  /** The unread notifications of an event (its dedupe key) go; the accounts that had one. */
  async deleteUnreadByDedupeKey(dedupeKey: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { account_id: string }[] = await db.query(`DELETE FROM notification WHERE dedupe_key = $1 AND read_at IS NULL RETURNING account_id`, [
      dedupeKey,
    ]);
    return rows.map((r) => r.account_id);
  }

  /** The notifications of an event (its dedupe key) are read; the accounts that had one unread. */
  async markReadByDedupeKey(dedupeKey: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { account_id: string }[] = await db.query(
      `UPDATE notification SET read_at = now() WHERE dedupe_key = $1 AND read_at IS NULL RETURNING account_id`,
      [dedupeKey],
    );
    return rows.map((r) => r.account_id);
  }

  /** A guest removed from a session: its unread notifications about the session go. */
  async deleteUnreadAboutSession(accountId: string, sessionId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await db.query(`DELETE FROM notification WHERE account_id = $1 AND session_id = $2 AND read_at IS NULL RETURNING id`, [
      accountId,
      sessionId,
    ]);
    return rows.length;
  }

  /** Address and language of accounts that get a notification by mail. */
  async mailAddresses(accountIds: string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, { email: string; locale: 'fr' | 'en' }>> {
    if (accountIds.length === 0) return new Map();
    const rows: { id: string; email: string; locale: 'fr' | 'en' }[] = await db.query(`SELECT id, email, locale FROM account WHERE id = ANY($1::uuid[])`, [
      accountIds,
    ]);
    return new Map(rows.map((r) => [r.id, { email: r.email, locale: r.locale }]));
  }

  /** Marks notifications whose immediate mail was queued. */
  async markMailed(ids: string[], db: EntityManager = this.dataSource.manager): Promise<void> {
    if (ids.length === 0) return;
    await db.query(`UPDATE notification SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async preferences(accountId: string): Promise<NotificationPreference[]> {
    const rows: NotificationPreference[] = await this.dataSource.query(
      `SELECT kind, space_id AS "spaceId", channel FROM notification_preference WHERE account_id = $1 ORDER BY space_id NULLS FIRST, kind`,
      [accountId],
    );
    return rows;
  }

  /** Sets preferences (one statement); a preference already set is replaced. */
  async upsertPreferences(accountId: string, preferences: readonly NotificationPreference[], db: EntityManager = this.dataSource.manager): Promise<void> {
    if (preferences.length === 0) return;
    await db.query(
      `INSERT INTO notification_preference (account_id, space_id, kind, channel)
       SELECT $1, p.space_id, p.kind, p.channel FROM unnest($2::uuid[], $3::text[], $4::text[]) AS p(space_id, kind, channel)
       ON CONFLICT (account_id, space_id, kind) DO UPDATE SET channel = excluded.channel, updated_at = now()`,
      [accountId, preferences.map((p) => p.spaceId), preferences.map((p) => p.kind), preferences.map((p) => p.channel)],
    );
  }

  /** Removes preferences (a space's override, or a choice for all spaces). */
  async deletePreferences(
    accountId: string,
    keys: readonly { kind: NotificationKind; spaceId: string | null }[],
    db: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (keys.length === 0) return;
    await db.query(
      `DELETE FROM notification_preference p
        USING unnest($2::uuid[], $3::text[]) AS k(space_id, kind)
        WHERE p.account_id = $1 AND p.kind = k.kind AND p.space_id IS NOT DISTINCT FROM k.space_id`,
      [accountId, keys.map((k) => k.spaceId), keys.map((k) => k.kind)],
    );
  }

  /** The account's language and, when given, the space's name (undefined when the account or the space is gone). */
  async unsubscribeContext(accountId: string, spaceId: string | null): Promise<{ locale: 'fr' | 'en'; spaceName: string | null } | undefined> {
    const rows: { locale: 'fr' | 'en'; space_name: string | null }[] = await this.dataSource.query(
      `SELECT a.locale, s.title AS space_name FROM account a LEFT JOIN space s ON s.id = $2 WHERE a.id = $1`,
      [accountId, spaceId],
    );
    const row = rows[0];
    if (!row || (spaceId !== null && row.space_name === null)) return undefined;
    return { locale: row.locale, spaceName: row.space_name };
  }

  async digestFrequency(accountId: string): Promise<DigestFrequency> {
    const rows: { digest_frequency: DigestFrequency }[] = await this.dataSource.query(`SELECT digest_frequency FROM account WHERE id = $1`, [accountId]);
    return rows[0]?.digest_frequency ?? 'weekly';
  }

  async setDigestFrequency(accountId: string, frequency: DigestFrequency, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE account SET digest_frequency = $2 WHERE id = $1`, [accountId, frequency]);
  }

  /** The key that signs unsubscribe links (made by the migration). */
  async signingKey(): Promise<Buffer> {
    const rows: { value: Buffer }[] = await this.dataSource.query(`SELECT value FROM server_secret WHERE name = 'signing'`);
    if (!rows[0]) throw new Error('server_secret "signing" is missing: run the migrations');
    return rows[0].value;
  }
}
