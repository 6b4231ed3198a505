import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a pole is: its région and département as INSEE codes (Code officiel géographique), for the observatory's map
 * and its territory filter. Both optional; when a département is recorded, the région is the département's (the
 * poles service keeps them in step). The free `territory` text stays the pole's own name for its territory.
 */
export class PoleLocation1765060000000 implements MigrationInterface {
  name = 'PoleLocation1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pole
        ADD COLUMN region_code text CHECK (region_code ~ '^[0-9]{2}$'),
        ADD COLUMN departement_code text CHECK (departement_code ~ '^([0-9]{2}|2A|2B|97[1-6])$'),
        ADD CONSTRAINT pole_departement_needs_region CHECK (departement_code IS NULL OR region_code IS NOT NULL)`);
    await q.query(`CREATE INDEX pole_region_code_idx ON pole (region_code) WHERE region_code IS NOT NULL`);
    await q.query(`CREATE INDEX pole_departement_code_idx ON pole (departement_code) WHERE departement_code IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pole DROP CONSTRAINT pole_departement_needs_region, DROP COLUMN departement_code, DROP COLUMN region_code`);
  }
}
