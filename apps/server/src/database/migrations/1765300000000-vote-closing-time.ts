import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote may have a closing time (`vote.closes_at`, optional): ballots are refused from then on, and those who may
 * still vote are reminded within 24 hours of it (`vote_closing_soon`). The partial index serves the reminder's query
 * (open votes with a closing time).
 */
export class VoteClosingTime1765300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE vote ADD COLUMN closes_at timestamptz`);
    await q.query(`ALTER TABLE vote ADD CONSTRAINT vote_closes_after_opening CHECK (closes_at IS NULL OR closes_at > opened_at)`);
    await q.query(`CREATE INDEX vote_open_closes_at_idx ON vote (closes_at) WHERE status = 'open' AND closes_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX vote_open_closes_at_idx`);
    await q.query(`ALTER TABLE vote DROP COLUMN closes_at`);
  }
}
