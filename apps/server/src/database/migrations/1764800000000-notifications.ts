import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, their preferences and the account's digest frequency.
 *
 * - `notification`: one row per recipient and event (`dedupe_key` unique per recipient, so a reminder seen twice by a
 *   scheduler, or one event handled by two server processes, notifies once). `channel` is the channel resolved when
 *   it was created (`in_app`, `mail`, `digest`; `off` writes no row); `mailed_at` is set when its immediate mail was
 *   queued, `digested_at` when a digest included it. `session_id` is the place when it is a concertation session
 *   (its guests see it too), for the feed's access filter.
 * - `notification_preference`: a channel per kind, for all spaces (`space_id` null) or for one space.
 * - `account.digest_frequency`: weekly by default (see ARCHITECTURE.md), `digest_sent_at` the last digest sent.
 * - `server_secret`: the key that signs the one-click unsubscribe links, made once here and shared by every server
 *   process (it survives restarts, so links in mails already sent stay valid).
 */
export class Notifications1764800000000 implements MigrationInterface {
  name = 'Notifications1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        space_id uuid REFERENCES space (id) ON DELETE CASCADE,
        session_id uuid REFERENCES concertation_session (id) ON DELETE CASCADE,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'mail', 'digest')),
        link text NOT NULL CHECK (link LIKE '/%'),
        params jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        mailed_at timestamptz,
        digested_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_key ON notification (account_id, dedupe_key)`);
    await q.query(`CREATE INDEX notification_feed_idx ON notification (account_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (account_id, space_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notification_digest_idx ON notification (account_id, created_at) WHERE channel = 'digest' AND digested_at IS NULL`);
    await q.query(`CREATE INDEX notification_space_id_idx ON notification (space_id)`);
    await q.query(`CREATE INDEX notification_session_id_idx ON notification (session_id) WHERE session_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE notification_preference (
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        space_id uuid REFERENCES space (id) ON DELETE CASCADE,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'mail', 'digest', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_preference_key ON notification_preference (account_id, space_id, kind) NULLS NOT DISTINCT`);

    await q.query(`ALTER TABLE account ADD COLUMN digest_frequency text NOT NULL DEFAULT 'weekly' CHECK (digest_frequency IN ('daily', 'weekly', 'never'))`);
    await q.query(`ALTER TABLE account ADD COLUMN digest_sent_at timestamptz`);

    await q.query(`CREATE TABLE server_secret (name text PRIMARY KEY, value bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO server_secret (name, value) VALUES ('signing', $1)`, [randomBytes(32)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE server_secret`);
    await q.query(`ALTER TABLE account DROP COLUMN digest_sent_at`);
    await q.query(`ALTER TABLE account DROP COLUMN digest_frequency`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
  }
}
