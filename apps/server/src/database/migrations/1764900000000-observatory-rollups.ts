import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose changes the observatory's figures follow, with the pole (or account) a change concerns. */
const CHANGE_TRIGGERS: { table: string; source: string; pole: (row: string) => string; account?: (row: string) => string }[] = [
  { table: 'project', source: 'projects', pole: (r) => `(SELECT pole_id FROM space WHERE id = ${r}.space_id)` },
  {
    table: 'project_partner',
    source: 'projects',
    pole: (r) => `(SELECT s.pole_id FROM project p JOIN space s ON s.id = p.space_id WHERE p.id = ${r}.project_id)`,
  },
  { table: 'collectivite_relation', source: 'relations', pole: (r) => `${r}.pole_id` },
  { table: 'pole', source: 'pole', pole: (r) => `${r}.id` },
  { table: 'space', source: 'pole', pole: (r) => `${r}.pole_id` },
  { table: 'space_membership', source: 'membership', pole: (r) => `(SELECT pole_id FROM space WHERE id = ${r}.space_id)`, account: (r) => `${r}.account_id` },
];

/** Tables the previous design bumped one global revision for (replaced here by the change log). */
const REVISION_SOURCES = ['funding_line', 'project', 'project_partner', 'collectivite_relation', 'pole', 'space', 'space_membership', 'organisation'];

/**
 * The observatory at national scale:
 * - `observatory_funding_rollup`: funding lines summed per (project, funder, funder level, year, status), with the
 *   project's space; kept by statement-level triggers on `funding_line` in the writing transaction (insert, update,
 *   delete — also cascades and bulk imports), so no write path can forget it;
 * - `observatory_change`: an append-only log of which pole (or account, for memberships) each committed change
 *   concerns, read by every server process to invalidate only the figures whose scope includes that pole and to
 *   refresh its in-memory copy of that pole's rollup rows; it replaces the single global revision (a hot row every
 *   writer contended for, and a cache key that any change anywhere cleared);
 * - `observatory_rebuild()`: recomputes every rollup from the raw lines (repair);
 * - funding lines keep the level they were recorded at (`funding_line.funder_level`, checked against the funder when
 *   written): `organisation_former_level` remembers an organisation's previous levels, so that a space's own export
 *   (lines at the level they had) can be imported again after the organisation changed level.
 */
export class ObservatoryRollups1764900000000 implements MigrationInterface {
  name = 'ObservatoryRollups1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of REVISION_SOURCES) await q.query(`DROP TRIGGER ${table}_observatory_revision ON ${table}`);
    await q.query(`DROP FUNCTION bump_observatory_revision()`);
    await q.query(`DROP TABLE observatory_revision`);

    await q.query(`
      CREATE TABLE observatory_funding_rollup (
        project_id uuid NOT NULL,
        funder_id uuid NOT NULL,
        funder_level text NOT NULL,
        year integer NOT NULL,
        status text NOT NULL,
        space_id uuid NOT NULL,
        amount_cents bigint NOT NULL,
        line_count integer NOT NULL,
        PRIMARY KEY (project_id, funder_id, funder_level, year, status)
      )`);
    await q.query(`CREATE INDEX observatory_funding_rollup_space_id_idx ON observatory_funding_rollup (space_id)`);
    await q.query(`
      CREATE TABLE observatory_change (
        seq bigserial PRIMARY KEY,
        source text NOT NULL,
        pole_id uuid,
        account_id uuid,
        -- The writing transaction: a reader re-reads what transactions still running at its last read wrote (their
        -- sequence numbers were taken before they committed), so no committed change is ever skipped.
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX observatory_change_xid_idx ON observatory_change (xid)`);

    // Funding lines: the rollup and the change log, from the statement's transition tables.
    await q.query(`
      CREATE FUNCTION observatory_funding_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          WITH gone AS (
            SELECT project_id, funder_id, funder_level, year, status, sum(amount_cents) AS amount, count(*) AS n
              FROM old_lines GROUP BY 1, 2, 3, 4, 5)
          UPDATE observatory_funding_rollup r SET amount_cents = r.amount_cents - g.amount, line_count = r.line_count - g.n
            FROM gone g
           WHERE (r.project_id, r.funder_id, r.funder_level, r.year, r.status) = (g.project_id, g.funder_id, g.funder_level, g.year, g.status);
          INSERT INTO observatory_change (source, pole_id)
            SELECT DISTINCT 'projects', s.pole_id FROM observatory_funding_rollup r JOIN space s ON s.id = r.space_id
             WHERE r.project_id IN (SELECT project_id FROM old_lines);
          DELETE FROM observatory_funding_rollup WHERE line_count = 0 AND project_id IN (SELECT project_id FROM old_lines);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO observatory_funding_rollup AS r (project_id, funder_id, funder_level, year, status, space_id, amount_cents, line_count)
            SELECT n.project_id, n.funder_id, n.funder_level, n.year, n.status, p.space_id, sum(n.amount_cents), count(*)
              FROM new_lines n JOIN project p ON p.id = n.project_id
             GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (project_id, funder_id, funder_level, year, status)
            DO UPDATE SET amount_cents = r.amount_cents + excluded.amount_cents, line_count = r.line_count + excluded.line_count;
          INSERT INTO observatory_change (source, pole_id)
            SELECT DISTINCT 'projects', s.pole_id FROM project p JOIN space s ON s.id = p.space_id
             WHERE p.id IN (SELECT project_id FROM new_lines);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER funding_line_rollup_insert AFTER INSERT ON funding_line REFERENCING NEW TABLE AS new_lines
                   FOR EACH STATEMENT EXECUTE FUNCTION observatory_funding_rollup_apply()`);
    await q.query(`CREATE TRIGGER funding_line_rollup_update AFTER UPDATE ON funding_line REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
                   FOR EACH STATEMENT EXECUTE FUNCTION observatory_funding_rollup_apply()`);
    await q.query(`CREATE TRIGGER funding_line_rollup_delete AFTER DELETE ON funding_line REFERENCING OLD TABLE AS old_lines
                   FOR EACH STATEMENT EXECUTE FUNCTION observatory_funding_rollup_apply()`);
    // A project moved to another space takes its rolled-up money with it.
    await q.query(`
      CREATE FUNCTION observatory_rollup_follow_project() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE observatory_funding_rollup r SET space_id = n.space_id FROM new_rows n WHERE r.project_id = n.id AND r.space_id <> n.space_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER project_rollup_space AFTER UPDATE ON project REFERENCING NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION observatory_rollup_follow_project()`);

    // The other sources: which pole (or account) changed. Old and new rows both count (a move concerns two poles).
    for (const { table, source, pole, account } of CHANGE_TRIGGERS) {
      const select = (rows: string) => `SELECT DISTINCT '${source}', ${pole('x')}, ${account ? account('x') : 'NULL::uuid'} FROM ${rows} x`;
      for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        const tables = op === 'INSERT' ? ['new_rows'] : op === 'DELETE' ? ['old_rows'] : ['old_rows', 'new_rows'];
        const fn = `observatory_change_${table}_${op.toLowerCase()}`;
        await q.query(`
          CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO observatory_change (source, pole_id, account_id) ${tables.map(select).join(' UNION ')};
            RETURN NULL;
          END $$`);
        const referencing = tables.map((t) => `${t === 'new_rows' ? 'NEW' : 'OLD'} TABLE AS ${t}`).join(' ');
        await q.query(`CREATE TRIGGER ${table}_observatory_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING ${referencing}
                       FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }
    // Organisations (their kind and level decide which links count): every figure, once per statement.
    await q.query(`
      CREATE FUNCTION observatory_change_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO observatory_change (source) VALUES ('organisation');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organisation_observatory_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
                   FOR EACH STATEMENT EXECUTE FUNCTION observatory_change_organisation()`);

    // Repair: every rollup recomputed from the raw lines; every process then reloads everything ('all').
    await q.query(`
      CREATE FUNCTION observatory_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE rows bigint;
      BEGIN
        LOCK TABLE funding_line IN SHARE MODE;
        TRUNCATE observatory_funding_rollup;
        INSERT INTO observatory_funding_rollup (project_id, funder_id, funder_level, year, status, space_id, amount_cents, line_count)
          SELECT f.project_id, f.funder_id, f.funder_level, f.year, f.status, p.space_id, sum(f.amount_cents), count(*)
            FROM funding_line f JOIN project p ON p.id = f.project_id
           GROUP BY 1, 2, 3, 4, 5, 6;
        GET DIAGNOSTICS rows = ROW_COUNT;
        INSERT INTO observatory_change (source) VALUES ('all');
        RETURN rows;
      END $$`);
    await q.query(`SELECT observatory_rebuild()`);

    await q.query(`
      CREATE TABLE organisation_former_level (
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        level text NOT NULL,
        until timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, level)
      )`);
    // Existing lines recorded at a level their funder no longer has: that level is a former one.
    await q.query(`
      INSERT INTO organisation_former_level (organisation_id, level)
      SELECT DISTINCT f.funder_id, f.funder_level FROM funding_line f JOIN organisation o ON o.id = f.funder_id
       WHERE f.funder_level <> coalesce(o.collectivite_level, 'other')
      ON CONFLICT DO NOTHING`);
    await q.query(`
      CREATE FUNCTION organisation_remember_level() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organisation_former_level (organisation_id, level) VALUES (OLD.id, coalesce(OLD.collectivite_level, 'other'))
          ON CONFLICT (organisation_id, level) DO UPDATE SET until = now();
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organisation_remember_level AFTER UPDATE OF collectivite_level ON organisation FOR EACH ROW
                   WHEN (OLD.collectivite_level IS DISTINCT FROM NEW.collectivite_level) EXECUTE FUNCTION organisation_remember_level()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organisation_remember_level ON organisation`);
    await q.query(`DROP FUNCTION organisation_remember_level()`);
    await q.query(`DROP TABLE organisation_former_level`);
    await q.query(`DROP FUNCTION observatory_rebuild()`);
    await q.query(`DROP TRIGGER organisation_observatory_change ON organisation`);
    await q.query(`DROP FUNCTION observatory_change_organisation()`);
    for (const { table } of CHANGE_TRIGGERS) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER ${table}_observatory_${op} ON ${table}`);
        await q.query(`DROP FUNCTION observatory_change_${table}_${op}()`);
      }
    }
    await q.query(`DROP TRIGGER project_rollup_space ON project`);
    await q.query(`DROP FUNCTION observatory_rollup_follow_project()`);
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER funding_line_rollup_${op} ON funding_line`);
    await q.query(`DROP FUNCTION observatory_funding_rollup_apply()`);
    await q.query(`DROP TABLE observatory_change`);
    await q.query(`DROP TABLE observatory_funding_rollup`);
    await q.query(`CREATE TABLE observatory_revision (id boolean PRIMARY KEY DEFAULT true CHECK (id), revision bigint NOT NULL DEFAULT 0)`);
    await q.query(`INSERT INTO observatory_revision DEFAULT VALUES`);
    await q.query(`
      CREATE FUNCTION bump_observatory_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE observatory_revision SET revision = revision + 1;
        RETURN NULL;
      END $$`);
    for (const table of REVISION_SOURCES) {
      await q.query(
        `CREATE TRIGGER ${table}_observatory_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_observatory_revision()`,
      );
    }
  }
}
