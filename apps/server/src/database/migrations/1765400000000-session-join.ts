import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joining a live session without an account. `session_join_code`: the short code (6 characters, no 0/O/1/I) an
 * animateur shows; one per session, unique among open codes; rotating replaces it, closing deletes it.
 * `session_join_participant`: the identity a participant gets for one session (display name, optional organisation,
 * the SHA-256 of its device cookie so that a second join from that device resumes the same participant; `removed_at`
 * once the animateur removed them). The identity has an `account` row (email `participant-…@participant.invalid`, no
 * usable password) only so that ballots, attendance and the board keep one author key; it is a `participant` in
 * `session_participant`, never a member nor a guest, and the access policy confines it to its session.
 */
export class SessionJoin1765400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_join_code (
        session_id uuid PRIMARY KEY REFERENCES concertation_session (id) ON DELETE CASCADE,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-HJ-NP-Z2-9]{6}$'),
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE session_join_participant (
        account_id uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES concertation_session (id) ON DELETE CASCADE,
        organisation_name text CHECK (organisation_name IS NULL OR length(organisation_name) BETWEEN 1 AND 120),
        device_hash text NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        UNIQUE (session_id, device_hash)
      )`);
    await q.query(`CREATE INDEX session_join_participant_session_id_idx ON session_join_participant (session_id)`);
    await q.query(`ALTER TABLE session_participant DROP CONSTRAINT session_participant_kind_check`);
    await q.query(`ALTER TABLE session_participant ADD CONSTRAINT session_participant_kind_check CHECK (kind IN ('member', 'guest', 'participant'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM account WHERE id IN (SELECT account_id FROM session_join_participant)`);
    await q.query(`ALTER TABLE session_participant DROP CONSTRAINT session_participant_kind_check`);
    await q.query(`ALTER TABLE session_participant ADD CONSTRAINT session_participant_kind_check CHECK (kind IN ('member', 'guest'))`);
    await q.query(`DROP TABLE session_join_participant`);
    await q.query(`DROP TABLE session_join_code`);
  }
}
