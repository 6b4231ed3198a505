import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows the observatory's figures are computed from. */
const SOURCES = ['funding_line', 'project', 'project_partner', 'collectivite_relation', 'pole', 'space', 'space_membership', 'organisation'];

/**
 * A revision of the observatory's source data, bumped in the same transaction as any change to them, so that
 * computed figures can be cached until the next committed change (on every server process); and an index that
 * serves the funding lines of a period.
 */
export class ObservatoryRevision1764300000000 implements MigrationInterface {
  name = 'ObservatoryRevision1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE observatory_revision (id boolean PRIMARY KEY DEFAULT true CHECK (id), revision bigint NOT NULL DEFAULT 0)`);
    await q.query(`INSERT INTO observatory_revision DEFAULT VALUES`);
    await q.query(`
      CREATE FUNCTION bump_observatory_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE observatory_revision SET revision = revision + 1;
        RETURN NULL;
      END $$`);
    for (const table of SOURCES) {
      await q.query(
        `CREATE TRIGGER ${table}_observatory_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_observatory_revision()`,
      );
    }
    await q.query(`CREATE INDEX funding_line_year_idx ON funding_line (year) INCLUDE (status, funder_level, project_id, amount_cents)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX funding_line_year_idx`);
    for (const table of SOURCES) await q.query(`DROP TRIGGER ${table}_observatory_revision ON ${table}`);
    await q.query(`DROP FUNCTION bump_observatory_revision()`);
    await q.query(`DROP TABLE observatory_revision`);
  }
}
