import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The diagnostic's queryable parts: per-section scores and statuses, settings, anchored comments and versions. */
export class Diagnostics1764200000000 implements MigrationInterface {
  name = 'Diagnostics1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE diagnostic_section_state (
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        section_id text NOT NULL,
        score integer CHECK (score BETWEEN 0 AND 4),
        justification text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'to_complete' CHECK (status IN ('to_complete', 'in_progress', 'to_validate', 'validated')),
        version integer NOT NULL DEFAULT 1,
        updated_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, section_id)
      )`);
    await q.query(`
      CREATE TABLE diagnostic_settings (
        space_id uuid PRIMARY KEY REFERENCES space (id) ON DELETE CASCADE,
        observers_can_comment boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE diagnostic_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        section_id text NOT NULL,
        parent_id uuid REFERENCES diagnostic_comment (id) ON DELETE CASCADE,
        anchor jsonb,
        body text NOT NULL,
        author_id uuid REFERENCES account (id) ON DELETE SET NULL,
        mentions uuid[] NOT NULL DEFAULT '{}',
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        CONSTRAINT diagnostic_comment_thread_has_anchor CHECK ((parent_id IS NULL) = (anchor IS NOT NULL)),
        CONSTRAINT diagnostic_comment_reply_not_resolved CHECK (parent_id IS NULL OR resolved_at IS NULL)
      )`);
    await q.query(`CREATE INDEX diagnostic_comment_space_id_idx ON diagnostic_comment (space_id, section_id)`);
    await q.query(`
      CREATE TABLE diagnostic_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('auto', 'manual', 'session', 'restore')),
        state bytea NOT NULL,
        state_vector bytea NOT NULL,
        contributor_ids uuid[] NOT NULL DEFAULT '{}',
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX diagnostic_version_space_id_idx ON diagnostic_version (space_id, created_at DESC)`);
    // Who edited which document since when: the contributors of the next version.
    await q.query(`
      CREATE TABLE collab_contribution (
        doc text NOT NULL,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        last_edit_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (doc, account_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['collab_contribution', 'diagnostic_version', 'diagnostic_comment', 'diagnostic_settings', 'diagnostic_section_state']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
