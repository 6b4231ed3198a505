import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing mail: `mail_message` is both the durable queue (a worker in each server process claims due messages with
 * `FOR UPDATE SKIP LOCKED`, sends them, retries with backoff, then marks them failed) and, without `SMTP_URL`, the
 * outbox where messages wait. A message may name what it is about (`reference_kind`, `reference_id`: an invitation…)
 * so its status can be shown there. `password_reset` holds the SHA-256 of each single-use reset token.
 */
export class Mail1764700000000 implements MigrationInterface {
  name = 'Mail1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('fr', 'en')),
        template text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        reference_kind text,
        reference_id uuid,
        dedupe_key text UNIQUE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz
      )`);
    // The worker's claim looks only at messages still to send.
    await q.query(`CREATE INDEX mail_message_due_idx ON mail_message (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX mail_message_reference_idx ON mail_message (reference_kind, reference_id, created_at) WHERE reference_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_account_id_idx ON password_reset (account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset`);
    await q.query(`DROP TABLE mail_message`);
  }
}
