import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Co-edited documents: an append-only update log plus a merged snapshot per document. */
export class CollabDocuments1763900000000 implements MigrationInterface {
  name = 'CollabDocuments1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collab_update (
        id bigserial PRIMARY KEY,
        doc text NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX collab_update_doc_id_idx ON collab_update (doc, id)`);
    await q.query(`
      CREATE TABLE collab_snapshot (
        doc text PRIMARY KEY,
        data bytea NOT NULL,
        folded_updates bigint NOT NULL DEFAULT 0,
        compacted_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE collab_snapshot`);
    await q.query(`DROP TABLE collab_update`);
  }
}
