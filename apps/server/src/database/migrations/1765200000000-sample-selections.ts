import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sample builder's saved selections (« critères d'échantillonnage »).
 *
 * - `sample_selection`: a named set of poles, private to its owner (`account_id`); one name per owner, case ignored.
 * - `sample_selection_pole`: its poles (a pole deleted leaves its selections).
 * - A selection used as an observatory filter narrows what its owner reads: any change of a selection appends a
 *   `membership` change for its owner to `observatory_change`, so every cached figure of that account is recomputed
 *   (and no one else's).
 */
export class SampleSelections1765200000000 implements MigrationInterface {
  name = 'SampleSelections1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sample_selection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX sample_selection_name_key ON sample_selection (account_id, lower(name))`);
    await q.query(`
      CREATE TABLE sample_selection_pole (
        selection_id uuid NOT NULL REFERENCES sample_selection (id) ON DELETE CASCADE,
        pole_id uuid NOT NULL REFERENCES pole (id) ON DELETE CASCADE,
        PRIMARY KEY (selection_id, pole_id)
      )`);
    await q.query(`CREATE INDEX sample_selection_pole_pole_id_idx ON sample_selection_pole (pole_id)`);
    await q.query(`
      CREATE FUNCTION observatory_change_sample_selection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO observatory_change (source, account_id)
          VALUES ('membership', CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sample_selection_observatory_change AFTER INSERT OR UPDATE OR DELETE ON sample_selection
                   FOR EACH ROW EXECUTE FUNCTION observatory_change_sample_selection()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sample_selection_observatory_change ON sample_selection`);
    await q.query(`DROP FUNCTION observatory_change_sample_selection()`);
    await q.query(`DROP TABLE sample_selection_pole`);
    await q.query(`DROP TABLE sample_selection`);
  }
}
