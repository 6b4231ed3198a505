import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `'commune', 'epci', 'department', 'region', 'state', 'europe', 'pnr_petr'`;

/**
 * Shared projects (partners, milestones, indicators, timeline), funding lines, the relations of collectivités
 * with poles over the years, and the key figures of poles that the observatory's median profiles use.
 */
export class ProjectsAndFunding1764000000000 implements MigrationInterface {
  name = 'ProjectsAndFunding1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pole
        ADD COLUMN founded_year integer CHECK (founded_year BETWEEN 1900 AND 2200),
        ADD COLUMN cell_budget_cents bigint CHECK (cell_budget_cents >= 0),
        ADD COLUMN cell_self_financed_percent numeric(5, 2) CHECK (cell_self_financed_percent BETWEEN 0 AND 100),
        ADD COLUMN cell_fte numeric(8, 2) CHECK (cell_fte >= 0),
        ADD COLUMN employee_count integer CHECK (employee_count >= 0),
        ADD COLUMN consolidated_budget_cents bigint CHECK (consolidated_budget_cents >= 0)`);

    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        stage text NOT NULL CHECK (stage IN ('emergence', 'seeding', 'development', 'sustainability')),
        status text NOT NULL CHECK (status IN ('under_study', 'ongoing', 'suspended', 'completed', 'abandoned')),
        start_date date,
        end_date date,
        levers text[] NOT NULL DEFAULT '{}',
        policy_frames text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_dates_in_order CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)
      )`);
    await q.query(`CREATE INDEX project_space_id_idx ON project (space_id)`);

    await q.query(`
      CREATE TABLE project_partner (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        role text NOT NULL CHECK (role IN ('carrier', 'partner', 'funder', 'technical_support')),
        PRIMARY KEY (project_id, organisation_id, role)
      )`);
    await q.query(`CREATE INDEX project_partner_organisation_id_idx ON project_partner (organisation_id)`);

    await q.query(`
      CREATE TABLE project_milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        title text NOT NULL,
        due_date date,
        done boolean NOT NULL DEFAULT false,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_milestone_project_id_idx ON project_milestone (project_id, position)`);

    await q.query(`
      CREATE TABLE project_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('jobs_created', 'fte', 'structures_involved', 'people_in_insertion', 'turnover', 'custom')),
        label text NOT NULL DEFAULT '',
        unit text NOT NULL DEFAULT '',
        measured_on date NOT NULL,
        value numeric NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_indicator_custom_has_label CHECK (kind <> 'custom' OR label <> '')
      )`);
    await q.query(`CREATE INDEX project_indicator_project_id_idx ON project_indicator (project_id, measured_on)`);

    await q.query(`
      CREATE TABLE funding_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        funder_id uuid NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        funder_level text NOT NULL CHECK (funder_level IN (${LEVELS}, 'other')),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        kind text NOT NULL CHECK (kind IN ('operating', 'investment')),
        instrument text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('requested', 'secured', 'paid')),
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX funding_line_project_id_idx ON funding_line (project_id)`);
    await q.query(`CREATE INDEX funding_line_funder_id_idx ON funding_line (funder_id)`);

    await q.query(`
      CREATE TABLE project_change (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX project_change_project_id_idx ON project_change (project_id, id)`);

    await q.query(`
      CREATE TABLE collectivite_relation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pole_id uuid NOT NULL REFERENCES pole (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        evolution text NOT NULL CHECK (evolution IN ('widening', 'stable', 'weakening')),
        cause text NOT NULL DEFAULT '',
        recorded_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collectivite_relation_weakening_has_cause CHECK (evolution <> 'weakening' OR cause <> '')
      )`);
    await q.query(`CREATE UNIQUE INDEX collectivite_relation_pair_year_key ON collectivite_relation (pole_id, organisation_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['collectivite_relation', 'project_change', 'funding_line', 'project_indicator', 'project_milestone', 'project_partner', 'project']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`
      ALTER TABLE pole
        DROP COLUMN founded_year, DROP COLUMN cell_budget_cents, DROP COLUMN cell_self_financed_percent,
        DROP COLUMN cell_fte, DROP COLUMN employee_count, DROP COLUMN consolidated_budget_cents`);
  }
}
