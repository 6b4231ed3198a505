import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows.js';
import type { MailLocale } from './mail-template.js';

/** Where a queued message stands: waiting (or being sent), sent, or failed after its retries. */
export type MailStatus = 'pending' | 'sent' | 'failed';

export interface NewMailMessage {
  to: string;
  locale: MailLocale;
  template: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  reference: { kind: string; id: string } | undefined;
  dedupeKey: string | undefined;
}

/** A message claimed by a worker, to send now. */
export interface ClaimedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attempts: number;
}

/** A message waiting in the outbox, as the development log shows it. */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  attempts: number;
}

const mapClaimedRow = (r: ClaimedRow): ClaimedMail => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  text: r.text_body,
  html: r.html_body,
  headers: r.headers,
  attempts: r.attempts,
});

const mapStatus = (status: string): MailStatus => (status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'pending');

/** The `mail_message` table: the queue and the outbox. */
@Injectable()
export class MailMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues a message; undefined when one with the same `dedupeKey` exists already. */
  async insert(m: NewMailMessage, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO mail_message (to_address, locale, template, subject, text_body, html_body, headers, reference_kind, reference_id, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        m.to,
        m.locale,
        m.template,
        m.subject,
        m.text,
        m.html,
        JSON.stringify(m.headers),
        m.reference?.kind ?? null,
        m.reference?.id ?? null,
        m.dedupeKey ?? null,
      ],
    );
    return rows[0]?.id;
  }

  /**
   * Claims up to `limit` due messages for this worker: pending ones whose time has come, and ones another worker
   * claimed but did not finish within its lease (a process that died). `FOR UPDATE SKIP LOCKED` makes two workers
   * claim different messages; the claim counts an attempt and holds the message for `leaseMs`.
   */
  async claimDue(limit: number, leaseMs: number, db: EntityManager = this.dataSource.manager): Promise<ClaimedMail[]> {
    const rows = await changedRows<ClaimedRow>(
      db,
      `UPDATE mail_message m SET status = 'sending', attempts = m.attempts + 1, locked_until = now() + $2 * interval '1 millisecond'
       WHERE m.id IN (
         SELECT id FROM mail_message
         WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING m.id, m.to_address, m.subject, m.text_body, m.html_body, m.headers, m.attempts`,
      [limit, leaseMs],
    );
    return rows.map(mapClaimedRow);
  }

  async markSent(id: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE mail_message SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`, [id]);
  }

  /** Puts the message back in the queue for another attempt in `delayMs`. */
  async markRetry(id: string, error: string, delayMs: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(
      `UPDATE mail_message SET status = 'pending', locked_until = NULL, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond'
       WHERE id = $1`,
      [id, error, delayMs],
    );
  }

  async markFailed(id: string, error: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE mail_message SET status = 'failed', failed_at = now(), locked_until = NULL, last_error = $2 WHERE id = $1`, [id, error]);
  }

  /** Messages waiting in the outbox (oldest first), created after `after` when given. */
  async listWaiting(after: Date | undefined, limit: number, db: EntityManager = this.dataSource.manager): Promise<OutboxMail[]> {
    const rows: { id: string; to_address: string; subject: string; text_body: string; created_at: Date }[] = await db.query(
      `SELECT id, to_address, subject, text_body, created_at FROM mail_message
       WHERE status IN ('pending', 'sending') AND ($1::timestamptz IS NULL OR created_at > $1)
       ORDER BY created_at, id LIMIT $2`,
      [after ?? null, limit],
    );
    return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, text: r.text_body, createdAt: r.created_at }));
  }

  /** Deletes the messages sent more than `days` days before `now` (failed and waiting ones stay); how many. */
  async purgeSent(now: Date, days: number, db: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await db.query(
      `DELETE FROM mail_message WHERE status = 'sent' AND sent_at < $1::timestamptz - $2 * interval '1 day' RETURNING id`,
      [now, days],
    );
    return rows.length;
  }

  /** The status of the latest message about each of these things (e.g. invitations), by their id. */
  async latestStatusByReference(kind: string, ids: readonly string[], db: EntityManager = this.dataSource.manager): Promise<Map<string, MailStatus>> {
    if (ids.length === 0) return new Map();
    const rows: { reference_id: string; status: string }[] = await db.query(
      `SELECT DISTINCT ON (reference_id) reference_id, status FROM mail_message
       WHERE reference_kind = $1 AND reference_id = ANY($2::uuid[])
       ORDER BY reference_id, created_at DESC, id DESC`,
      [kind, ids],
    );
    return new Map(rows.map((r) => [r.reference_id, mapStatus(r.status)]));
  }
}
