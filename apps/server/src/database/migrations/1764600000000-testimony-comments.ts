import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on a testimony's story reuse the diagnostic's anchored, threaded comments: `diagnostic_comment` now holds
 * the comments of a commented document — the space's diagnostic (`testimony_id` null) or one testimony's story
 * (`testimony_id` set, `section_id` the story's fragment). A testimony's comments go with it.
 */
export class TestimonyComments1764600000000 implements MigrationInterface {
  name = 'TestimonyComments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE diagnostic_comment ADD COLUMN testimony_id uuid REFERENCES testimony (id) ON DELETE CASCADE`);
    await q.query(`CREATE INDEX diagnostic_comment_testimony_id_idx ON diagnostic_comment (testimony_id) WHERE testimony_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM diagnostic_comment WHERE testimony_id IS NOT NULL`);
    await q.query(`ALTER TABLE diagnostic_comment DROP COLUMN testimony_id`);
  }
}
