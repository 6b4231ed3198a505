import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = ['jobs_created', 'fte', 'structures_involved', 'people_in_insertion', 'turnover', 'custom'];
const KINDS = [...KINDS_BEFORE.slice(0, -1), 'budget', 'custom'];
const kindCheck = (kinds: string[]) => `CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;

/** A project's value of an indicator for a year: its latest measure of that year (custom indicators are not rolled up). */
const YEAR_VALUES = (where: string) => `
  SELECT DISTINCT ON (i.project_id, i.kind, extract(year FROM i.measured_on))
         i.project_id, i.kind, extract(year FROM i.measured_on)::int AS year, i.value, i.measured_on,
         count(*) OVER (PARTITION BY i.project_id, i.kind, extract(year FROM i.measured_on))::int AS measure_count
    FROM project_indicator i
   WHERE i.kind <> 'custom' ${where}
   ORDER BY i.project_id, i.kind, extract(year FROM i.measured_on), i.measured_on DESC, i.created_at DESC, i.id DESC`;

const OPERATIONS: [string, string[]][] = [
  ['insert', ['new_rows']],
  ['update', ['old_rows', 'new_rows']],
  ['delete', ['old_rows']],
];

/**
 * Indicators over time in the observatory:
 * - a `budget` indicator beside jobs, FTE, structures, people in work-integration and turnover;
 * - `observatory_indicator_rollup`: each project's value of each indicator per year (its latest measure of the year),
 *   kept by statement-level triggers on `project_indicator` in the writing transaction (insert, update, delete, and
 *   cascades), so the observatory reads one row per project, indicator and year instead of sorting every measure;
 * - the change log (`observatory_change`, source `indicators`) names the pole whose indicators changed, so each server
 *   process reloads that pole only and forgets only the indicator figures of the scopes holding it;
 * - `observatory_indicator_rebuild()`: recomputes the rollup from the raw measures (repair).
 */
export class IndicatorRollups1765000000000 implements MigrationInterface {
  name = 'IndicatorRollups1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_indicator DROP CONSTRAINT project_indicator_kind_check`);
    await q.query(`ALTER TABLE project_indicator ADD CONSTRAINT project_indicator_kind_check ${kindCheck(KINDS)}`);

    await q.query(`
      CREATE TABLE observatory_indicator_rollup (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        kind text NOT NULL,
        year integer NOT NULL,
        value numeric NOT NULL,
        measured_on date NOT NULL,
        measure_count integer NOT NULL,
        PRIMARY KEY (project_id, kind, year)
      )`);

    // One function per operation, each reading the statement's transition tables: the (project, indicator, year)
    // groups the statement touched are recomputed from the raw measures (writes of a project are serialised by its lock).
    for (const [op, tables] of OPERATIONS) {
      const touched = `(${tables.map((t) => `SELECT project_id, kind, extract(year FROM measured_on)::int AS year FROM ${t}`).join(' UNION ')})`;
      await q.query(`
        CREATE FUNCTION observatory_indicator_rollup_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM observatory_indicator_rollup r USING ${touched} t WHERE (r.project_id, r.kind, r.year) = (t.project_id, t.kind, t.year);
          INSERT INTO observatory_indicator_rollup AS r (project_id, kind, year, value, measured_on, measure_count)
            SELECT v.project_id, v.kind, v.year, v.value, v.measured_on, v.measure_count
              FROM (${YEAR_VALUES(`AND i.project_id IN (SELECT project_id FROM ${touched} t)`)}) v
             WHERE (v.project_id, v.kind, v.year) IN (SELECT project_id, kind, year FROM ${touched} t)
            ON CONFLICT (project_id, kind, year)
            DO UPDATE SET value = excluded.value, measured_on = excluded.measured_on, measure_count = excluded.measure_count;
          INSERT INTO observatory_change (source, pole_id)
            SELECT DISTINCT 'indicators', s.pole_id FROM project p JOIN space s ON s.id = p.space_id
             WHERE p.id IN (SELECT project_id FROM ${touched} t);
          RETURN NULL;
        END $$`);
      const referencing = tables.map((t) => `${t === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${t}`).join(' ');
      await q.query(`CREATE TRIGGER project_indicator_rollup_${op} AFTER ${op.toUpperCase()} ON project_indicator REFERENCING ${referencing}
                     FOR EACH STATEMENT EXECUTE FUNCTION observatory_indicator_rollup_${op}()`);
    }

    await q.query(`
      CREATE FUNCTION observatory_indicator_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE rows bigint;
      BEGIN
        LOCK TABLE project_indicator IN SHARE MODE;
        TRUNCATE observatory_indicator_rollup;
        INSERT INTO observatory_indicator_rollup (project_id, kind, year, value, measured_on, measure_count)
          SELECT project_id, kind, year, value, measured_on, measure_count FROM (${YEAR_VALUES('')}) v;
        GET DIAGNOSTICS rows = ROW_COUNT;
        INSERT INTO observatory_change (source) VALUES ('all');
        RETURN rows;
      END $$`);
    await q.query(`SELECT observatory_indicator_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION observatory_indicator_rebuild()`);
    for (const [op] of OPERATIONS) {
      await q.query(`DROP TRIGGER project_indicator_rollup_${op} ON project_indicator`);
      await q.query(`DROP FUNCTION observatory_indicator_rollup_${op}()`);
    }
    await q.query(`DROP TABLE observatory_indicator_rollup`);
    await q.query(`DELETE FROM project_indicator WHERE kind = 'budget'`);
    await q.query(`ALTER TABLE project_indicator DROP CONSTRAINT project_indicator_kind_check`);
    await q.query(`ALTER TABLE project_indicator ADD CONSTRAINT project_indicator_kind_check ${kindCheck(KINDS_BEFORE)}`);
  }
}
