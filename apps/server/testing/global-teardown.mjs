import pg from 'pg';

export default async function globalTeardown() {
  // The run's migrated template (see global-setup.mjs), on a server that outlives the run.
  const template = process.env.CONCERTO_TEST_TEMPLATE;
  if (template && process.env.TEST_DATABASE_URL && !globalThis.__concertoTestPostgres) {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${template}_building WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__concertoTestPostgres?.stop();
}
