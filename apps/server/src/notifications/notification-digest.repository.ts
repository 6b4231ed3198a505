import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_LOCALE, type Locale, type NotificationKind, type NotificationParams, isLocale } from '@concerto/domain';

/** An account whose digest is due, claimed (row-locked) by this transaction. */
export interface DigestAccount {
  id: string;
  email: string;
  locale: Locale;
  frequency: 'daily' | 'weekly';
}

/** One notification waiting for an account's digest. */
export interface DigestItem {
  id: string;
  accountId: string;
  kind: NotificationKind;
  spaceId: string | null;
  sessionId: string | null;
  spaceName: string;
  link: string;
  params: NotificationParams;
  createdAt: Date;
}

interface AccountRow {
  id: string;
  email: string;
  locale: string;
  digest_frequency: 'daily' | 'weekly';
}

interface ItemRow {
  id: string;
  account_id: string;
  kind: NotificationKind;
  space_id: string | null;
  session_id: string | null;
  space_name: string | null;
  link: string;
  params: NotificationParams;
  created_at: Date;
}

const mapAccountRow = (r: AccountRow): DigestAccount => ({
  id: r.id,
  email: r.email,
  locale: isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
  frequency: r.digest_frequency,
});

const mapItemRow = (r: ItemRow): DigestItem => ({
  id: r.id,
  accountId: r.account_id,
  kind: r.kind,
  spaceId: r.space_id,
  sessionId: r.session_id,
  spaceName: r.space_name ?? '',
  link: r.link,
  params: r.params,
  createdAt: r.created_at,
});

/** Waiting for a digest: by the digest channel, not yet in one. */
const PENDING = `n.channel = 'digest' AND n.digested_at IS NULL`;

/** The digest's SQL over `notification` and `account` (`digest_frequency`, `digest_sent_at`). */
@Injectable()
export class NotificationDigestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` accounts whose digest is due at `now`: a frequency other than never, something waiting, and a
   * full period (a day, a week) since their last digest — or, for a first digest, since the oldest thing waiting.
   * `FOR UPDATE SKIP LOCKED`: two processes claim different accounts; once the claiming transaction has committed,
   * the account's `digest_sent_at` makes it not due any more.
   */
  async claimDue(now: Date, limit: number, db: EntityManager): Promise<DigestAccount[]> {
    const rows: AccountRow[] = await db.query(
      `SELECT a.id, a.email, a.locale, a.digest_frequency
         FROM account a
        WHERE a.digest_frequency <> 'never'
          AND EXISTS (SELECT 1 FROM notification n WHERE n.account_id = a.id AND ${PENDING})
          AND coalesce(a.digest_sent_at, (SELECT min(n.created_at) FROM notification n WHERE n.account_id = a.id AND ${PENDING}))
              <= $1::timestamptz - CASE a.digest_frequency WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END
        ORDER BY a.id
        LIMIT $2
        FOR UPDATE OF a SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(mapAccountRow);
  }

  /** What waits for these accounts' digests, oldest first. */
  async pending(accountIds: string[], db: EntityManager): Promise<DigestItem[]> {
    const rows: ItemRow[] = await db.query(
      `SELECT n.id, n.account_id, n.kind, n.space_id, n.session_id, s.title AS space_name, n.link, n.params, n.created_at
         FROM notification n LEFT JOIN space s ON s.id = n.space_id
        WHERE n.account_id = ANY($1::uuid[]) AND ${PENDING}
        ORDER BY n.account_id, n.created_at, n.id`,
      [accountIds],
    );
    return rows.map(mapItemRow);
  }

  /** These notifications went into a digest (or were dropped from it), and these accounts got their digest, at `now`. */
  async markDigested(notificationIds: string[], accountIds: string[], now: Date, db: EntityManager): Promise<void> {
    await db.query(`UPDATE notification SET digested_at = $2 WHERE id = ANY($1::uuid[])`, [notificationIds, now]);
    await db.query(`UPDATE account SET digest_sent_at = $2 WHERE id = ANY($1::uuid[])`, [accountIds, now]);
  }
}
