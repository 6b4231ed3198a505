import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly survey (enquête):
 * - `survey_campaign`: a year's questionnaire opened by an observatory-level user (one per opener and year);
 * - `survey_campaign_pole`: the poles it asks (those the opener followed when opening: the "pôles identifiés"), with
 *   when their animateurs were last reminded;
 * - `survey_response`: a pole's answer (draft, then submitted), the answers as jsonb;
 * - `survey_funding_line`: the funding lines a submitted answer wrote (so a new submission replaces them, never
 *   adds to them); the lines themselves are ordinary `funding_line` rows (the rollup triggers count them);
 * - `survey_pole_project`: the project of the pole's main space that carries the cellule d'animation's funding.
 */
export class Survey1765100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        title text NOT NULL,
        due_on date,
        opened_by_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        opened_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_campaign_one_per_year UNIQUE (opened_by_id, year)
      )`);
    await q.query(`
      CREATE TABLE survey_campaign_pole (
        campaign_id uuid NOT NULL REFERENCES survey_campaign (id) ON DELETE CASCADE,
        pole_id uuid NOT NULL REFERENCES pole (id) ON DELETE CASCADE,
        last_reminded_at timestamptz,
        PRIMARY KEY (campaign_id, pole_id)
      )`);
    await q.query(`CREATE INDEX survey_campaign_pole_pole_idx ON survey_campaign_pole (pole_id)`);
    await q.query(`
      CREATE TABLE survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        pole_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted')),
        answers jsonb NOT NULL,
        updated_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CONSTRAINT survey_response_submitted_has_date CHECK (status <> 'submitted' OR submitted_at IS NOT NULL),
        CONSTRAINT survey_response_one_per_pole UNIQUE (campaign_id, pole_id),
        FOREIGN KEY (campaign_id, pole_id) REFERENCES survey_campaign_pole (campaign_id, pole_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX survey_response_pole_idx ON survey_response (pole_id)`);
    await q.query(`
      CREATE TABLE survey_funding_line (
        funding_line_id uuid PRIMARY KEY REFERENCES funding_line (id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX survey_funding_line_response_idx ON survey_funding_line (response_id)`);
    await q.query(`
      CREATE TABLE survey_pole_project (
        pole_id uuid PRIMARY KEY REFERENCES pole (id) ON DELETE CASCADE,
        project_id uuid NOT NULL UNIQUE REFERENCES project (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey_pole_project`);
    await q.query(`DROP TABLE survey_funding_line`);
    await q.query(`DROP TABLE survey_response`);
    await q.query(`DROP TABLE survey_campaign_pole`);
    await q.query(`DROP TABLE survey_campaign`);
  }
}
