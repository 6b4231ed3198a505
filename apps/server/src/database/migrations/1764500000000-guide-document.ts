import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The guide d'appui's versions and publication. A version freezes the guide as it read when saved: its text (the
 * co-edited document's whole state) and its resolved view, every live reference's values with the date they were
 * read. A space publishes at most one version at a time, under a random token (32 bytes, base64url) that the public
 * page is reached by; withdrawing deletes the row, so the token answers nothing at once.
 */
export class GuideDocument1764500000000 implements MigrationInterface {
  name = 'GuideDocument1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE guide_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        y_state bytea NOT NULL,
        view jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX guide_version_space_id_idx ON guide_version (space_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE guide_publication (
        space_id uuid PRIMARY KEY REFERENCES space (id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{43}$'),
        version_id uuid NOT NULL REFERENCES guide_version (id) ON DELETE CASCADE,
        published_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE guide_publication`);
    await q.query(`DROP TABLE guide_version`);
  }
}
