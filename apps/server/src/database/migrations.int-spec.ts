import { DataSource } from 'typeorm';
import { createFreshDatabase } from '../../testing/test-postgres.js';
import { dataSourceOptions } from './data-source.js';

describe('migrations', () => {
  it('apply on an empty database, revert completely, and apply again', async () => {
    const database = await createFreshDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.url, []));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      const tables = async () =>
        (
          await dataSource.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY 1`,
          )
        ).map((r: { table_name: string }) => r.table_name);
      expect(await tables()).toEqual([
        'account',
        'agenda_item',
        'analysis',
        'auth_session',
        'collab_contribution',
        'collab_snapshot',
        'collab_update',
        'collectivite_relation',
        'concertation_session',
        'diagnostic_comment',
        'diagnostic_section_state',
        'diagnostic_settings',
        'diagnostic_version',
        'funding_line',
        'guide_publication',
        'guide_version',
        'invitation',
        'mail_message',
        'notification',
        'notification_preference',
        'observatory_change',
        'observatory_funding_rollup',
        'observatory_indicator_rollup',
        'organisation',
        'organisation_former_level',
        'password_reset',
        'pole',
        'project',
        'project_change',
        'project_indicator',
        'project_milestone',
        'project_partner',
        'recommendation',
        'recommendation_section',
        'recommendation_testimony',
        'recommendation_vote',
        'sample_selection',
        'sample_selection_pole',
        'server_secret',
        'session_decision',
        'session_join_code',
        'session_join_participant',
        'session_minutes',
        'session_participant',
        'space',
        'space_membership',
        'survey_campaign',
        'survey_campaign_pole',
        'survey_funding_line',
        'survey_pole_project',
        'survey_response',
        'testimony',
        'testimony_collectivite',
        'vote',
        'vote_ballot',
        'vote_choice',
      ]);
      // Reverting the observatory's rollups (after the migrations that came later) undoes exactly it (its rollups,
      // change log and former levels go, the global revision comes back), and re-applying everything brings it all back.
      const before = await tables();
      const later = applied.length - 1 - applied.findIndex((m) => m.name === 'ObservatoryRollups1764900000000');
      for (let i = 0; i < later; i++) await dataSource.undoLastMigration();
      const beforeRollups = await tables();
      await dataSource.undoLastMigration();
      const rollups = ['observatory_change', 'observatory_funding_rollup', 'organisation_former_level'];
      expect(await tables()).toEqual([...beforeRollups.filter((t: string) => !rollups.includes(t)), 'observatory_revision'].sort());
      await dataSource.runMigrations();
      expect(await tables()).toEqual(before);
      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
      expect(await tables()).toEqual([]);
      expect((await dataSource.runMigrations()).length).toBe(applied.length);
      // Names are snake_case in the database.
      const columns = await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'space_membership' ORDER BY 1`);
      expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['account_id', 'created_at', 'role', 'space_id']);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('throws instead of matching everything when a where value is undefined or null', async () => {
    const database = await createFreshDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.url, []));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      await dataSource.query(`INSERT INTO organisation (kind, name) VALUES ('ess_network', 'Réseau')`);
      const repository = dataSource.getRepository('Organisation');
      await expect(repository.findOneBy({ id: undefined })).rejects.toThrow();
      await expect(repository.findOneBy({ id: null })).rejects.toThrow();
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
