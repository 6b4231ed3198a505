import type { MigrationInterface, QueryRunner } from 'typeorm';

// The vocabularies as they are when this migration is written (a later change to them is a later migration).
const LEVERS = `'pedagogy', 'contractual_frameworks', 'internal_transversality', 'inter_collectivite', 'networks_concertation', 'urban_projects', 'employment_coordination', 'skills_support'`;
const STAGES = `'detection', 'support', 'public_policy', 'collective_facilitation', 'transversality', 'place', 'rural'`;
const FUNDER_LEVELS = `'commune', 'epci', 'department', 'region', 'state', 'europe', 'pnr_petr', 'other'`;

/**
 * The guide d'appui: testimonies (with the collectivités that acted and at which stages, key figures, quotes, the
 * session contribution they came from), recommendations (linked to testimonies, diagnostic sections and the votes held
 * on them) and analysis chapters. Their rich texts are co-edited documents (`testimony/<id>/story`,
 * `analysis/<id>/text`). None of them feeds the observatory.
 */
export class Guide1764400000000 implements MigrationInterface {
  name = 'Guide1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE testimony (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        title text NOT NULL,
        territory text NOT NULL DEFAULT '',
        levers text[] NOT NULL DEFAULT '{}' CHECK (levers <@ ARRAY[${LEVERS}]),
        figures jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(figures) = 'array'),
        quotes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(quotes) = 'array'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'validated')),
        status_changed_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        status_changed_at timestamptz,
        source_session_id uuid REFERENCES concertation_session (id) ON DELETE SET NULL,
        source_note_id text,
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid NOT NULL REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A session contribution becomes one testimony at most.
        CONSTRAINT testimony_source_key UNIQUE (source_session_id, source_note_id)
      )`);
    await q.query(`CREATE INDEX testimony_space_id_idx ON testimony (space_id, created_at)`);

    await q.query(`
      CREATE TABLE testimony_collectivite (
        testimony_id uuid NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        stages text[] NOT NULL CHECK (cardinality(stages) >= 1 AND stages <@ ARRAY[${STAGES}]),
        PRIMARY KEY (testimony_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX testimony_collectivite_organisation_id_idx ON testimony_collectivite (organisation_id)`);

    await q.query(`
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        statement text NOT NULL,
        rationale text NOT NULL DEFAULT '',
        levers text[] NOT NULL DEFAULT '{}' CHECK (levers <@ ARRAY[${LEVERS}]),
        stages text[] NOT NULL DEFAULT '{}' CHECK (stages <@ ARRAY[${STAGES}]),
        levels text[] NOT NULL DEFAULT '{}' CHECK (levels <@ ARRAY[${FUNDER_LEVELS}]),
        origin_kind text NOT NULL DEFAULT 'direct' CHECK (origin_kind IN ('direct', 'session_decision', 'vote_result', 'diagnostic_section')),
        origin_ref text,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'debated', 'retained', 'set_aside')),
        decided_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid NOT NULL REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recommendation_origin_has_ref CHECK ((origin_kind = 'direct') = (origin_ref IS NULL))
      )`);
    await q.query(`CREATE INDEX recommendation_space_id_idx ON recommendation (space_id, created_at)`);

    await q.query(`
      CREATE TABLE recommendation_testimony (
        recommendation_id uuid NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
        testimony_id uuid NOT NULL REFERENCES testimony (id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, testimony_id)
      )`);
    await q.query(`CREATE INDEX recommendation_testimony_testimony_id_idx ON recommendation_testimony (testimony_id)`);

    await q.query(`
      CREATE TABLE recommendation_section (
        recommendation_id uuid NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
        section_id text NOT NULL,
        PRIMARY KEY (recommendation_id, section_id)
      )`);

    await q.query(`
      CREATE TABLE recommendation_vote (
        recommendation_id uuid NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
        vote_id uuid NOT NULL REFERENCES vote (id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, vote_id)
      )`);
    await q.query(`CREATE INDEX recommendation_vote_vote_id_idx ON recommendation_vote (vote_id)`);

    await q.query(`
      CREATE TABLE analysis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        title text NOT NULL,
        scope_kind text NOT NULL CHECK (scope_kind IN ('stage', 'lever', 'free')),
        scope_key text,
        position integer NOT NULL DEFAULT 0 CHECK (position >= 0),
        created_by_id uuid NOT NULL REFERENCES account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT analysis_scope_key_matches_kind CHECK (
          (scope_kind = 'free' AND scope_key IS NULL)
          OR (scope_kind = 'stage' AND scope_key IN (${STAGES}))
          OR (scope_kind = 'lever' AND scope_key IN (${LEVERS})))
      )`);
    await q.query(`CREATE INDEX analysis_space_id_idx ON analysis (space_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'analysis',
      'recommendation_vote',
      'recommendation_section',
      'recommendation_testimony',
      'recommendation',
      'testimony_collectivite',
      'testimony',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
