import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/database/data-source.js';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Advisory lock key under which a test run's template is built and copied (any constant). */
const TEMPLATE_LOCK_KEY = 7_263_011_043;

/**
 * The run's migrated template on the test server (its name set by the jest global setup, `CONCERTO_TEST_TEMPLATE`):
 * built by the first test file that asks, from the current migrations, under an advisory lock so that parallel
 * workers build it once. Built under a temporary name and renamed when complete, so it exists only whole.
 * Undefined outside a jest run or on another server (a test's private cluster).
 */
async function migratedTemplate(admin: pg.Client, serverUrl: string): Promise<string | undefined> {
  const template = process.env.CONCERTO_TEST_TEMPLATE;
  if (!template || serverUrl !== process.env.TEST_DATABASE_URL) return undefined;
  const exists = async (name: string) => ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  if (await exists(template)) return template;
  const building = `${template}_building`;
  await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${building}`);
  const migrated = await openDatabase(withDatabase(serverUrl, building), []);
  await migrated.destroy();
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  return template;
}

/**
 * A new database on the test server; every test file gets its own, so runs never collide. Empty by default;
 * `migrated`: a copy of the run's migrated template (`CREATE DATABASE … TEMPLATE`), much cheaper under load than
 * running every migration per file — the caller's own migration run then finds nothing left to do.
 */
export async function createFreshDatabase(serverUrl = process.env.TEST_DATABASE_URL, options: { migrated?: boolean } = {}): Promise<FreshDatabase> {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set (the jest global setup provides it)');
  const name = `concerto_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (options.migrated) {
      // One copy at a time from the template (a copy needs it without other connections), and built once.
      await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
      try {
        const template = await migratedTemplate(admin, serverUrl);
        await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      } finally {
        await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]).catch(() => undefined);
      }
    } else {
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
