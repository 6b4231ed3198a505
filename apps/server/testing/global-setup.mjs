// Jest global setup (plain ESM: jest loads it untransformed). Gives every test file a PostgreSQL server to
// create its own database on: TEST_DATABASE_URL / DATABASE_URL when set, else an embedded server for this run.
// It names the run's migrated template (CONCERTO_TEST_TEMPLATE), which the first test file that needs a migrated
// database builds from the current migrations (testing/test-postgres.ts); the global teardown drops it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres } from '../src/database/reachable-postgres.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const TEMPLATE_PREFIX = 'concerto_template_';
const DAY_MS = 24 * 3600 * 1000;

/** Templates of runs that ended without their teardown (killed), more than a day old. */
async function dropStaleTemplates(serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`);
    for (const { datname } of rows) {
      const madeAt = parseInt(datname.slice(TEMPLATE_PREFIX.length).split('_')[0], 36);
      if (Date.now() - madeAt > DAY_MS) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export default async function globalSetup() {
  process.env.CONCERTO_TEST_TEMPLATE = `${TEMPLATE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    process.env.TEST_DATABASE_URL = given;
    await dropStaleTemplates(given).catch(() => undefined);
    return;
  }
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  // As root in a folder the `postgres` user cannot reach, a reachable copy of the programs (see reachable-postgres.mjs).
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(tmpdir(), `concerto-test-pg-${randomBytes(4).toString('hex')}`),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__concertoTestPostgres = server;
  process.env.TEST_DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
