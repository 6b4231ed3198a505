import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision recorded from an adopted consent vote remembers that vote (`session_decision.vote_id`): a vote becomes
 * at most one decision. A project made from a decision already links through `session_decision.project_id`; an index
 * lets a project find the decision (and session) it came from.
 */
export class DecisionFromVote1765500000000 implements MigrationInterface {
  name = 'DecisionFromVote1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_decision ADD COLUMN vote_id uuid REFERENCES vote (id) ON DELETE SET NULL`);
    await q.query(`CREATE UNIQUE INDEX session_decision_vote_id_key ON session_decision (vote_id) WHERE vote_id IS NOT NULL`);
    await q.query(`CREATE INDEX session_decision_project_id_idx ON session_decision (project_id) WHERE project_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_decision_project_id_idx`);
    await q.query(`ALTER TABLE session_decision DROP COLUMN vote_id`);
  }
}
