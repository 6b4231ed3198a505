import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ApiClient, embeddedPostgresUnreachable } from '@concerto/server/testing';
import { startServerProcess } from '../support/server-process.js';

describe('npm start without DATABASE_URL (embedded PostgreSQL)', () => {
  const dataDir = join(tmpdir(), `concerto-embedded-${randomBytes(4).toString('hex')}`);
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    env = { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // Run as root from a folder the `postgres` user cannot reach, the embedded database cannot start: the server says so
  // (checked below), and this test is skipped with the reason.
  const unreachable = embeddedPostgresUnreachable(dataDir);
  if (unreachable) process.stderr.write(`embedded database start skipped: ${unreachable}\n`);
  const reachable = unreachable ? it.skip : it;

  reachable('starts, seeds the demo territory once, and keeps data across restarts', async () => {
    const firstStarted = performance.now();
    const first = await startServerProcess(env);
    const firstStartMs = performance.now() - firstStarted;
    let spaceId: string;
    try {
      expect(first.output()).toContain('animatrice@demo.concerto.fr');
      const health = await new ApiClient(first.url).get('/api/health/ready');
      expect(health.body).toMatchObject({ status: 'ok', down: [], database: { status: 'up', embedded: true } });
      const animatrice = new ApiClient(first.url);
      const signIn = await animatrice.post('/api/auth/sign-in', { email: 'animatrice@demo.concerto.fr', password: 'concerto-demo' });
      expect(signIn.status).toBe(200);
      const spaces = await animatrice.get('/api/spaces');
      expect(spaces.body.map((s: { pole: { name: string } }) => s.pole.name)).toEqual(expect.arrayContaining(['TETRIS']));
      const created = await animatrice.post('/api/spaces', { title: 'Espace qui doit survivre', pole: { name: 'Pôle persistant' } });
      expect(created.status).toBe(201);
      spaceId = created.body.id;
    } finally {
      await first.stop();
    }

    const secondStarted = performance.now();
    const second = await startServerProcess(env);
    const secondStartMs = performance.now() - secondStarted;
    try {
      const animatrice = new ApiClient(second.url);
      await animatrice.post('/api/auth/sign-in', { email: 'animatrice@demo.concerto.fr', password: 'concerto-demo' });
      const spaces = await animatrice.get('/api/spaces');
      expect(spaces.body.map((s: { id: string }) => s.id)).toContain(spaceId);
      // Seeding is idempotent: the demo spaces are not duplicated.
      const tetris = spaces.body.filter((s: { pole: { name: string } }) => s.pole.name === 'TETRIS');
      expect(tetris).toHaveLength(1);
      expect(second.output()).not.toContain('Territoire de démonstration créé');
    } finally {
      await second.stop();
    }
    process.stdout.write(`embedded database: first start ${Math.round(firstStartMs)} ms, second start ${Math.round(secondStartMs)} ms\n`);
  });

  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? it : it.skip;

  asRoot(
    'as root, with its data in a folder the postgres user cannot go through, starts with the files in a reachable folder and keeps them across restarts',
    async () => {
      const closed = join(tmpdir(), `concerto-closed-${randomBytes(4).toString('hex')}`);
      const runtime = join(tmpdir(), `concerto-runtime-${randomBytes(4).toString('hex')}`);
      await mkdir(closed, { mode: 0o700 });
      const closedEnv = { ...env, DATA_DIR: join(closed, 'data'), EMBEDDED_DB_RUNTIME_DIR: runtime, SEED_DEMO: 'false' };
      try {
        const first = await startServerProcess(closedEnv);
        let email: string;
        try {
          expect(first.output()).toContain(`les données de la base embarquée sont dans ${runtime}`);
          const health = await new ApiClient(first.url).get('/api/health/ready');
          expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up', embedded: true } });
          email = `root-${randomBytes(3).toString('hex')}@exemple.fr`;
          const signUp = await new ApiClient(first.url).post('/api/auth/sign-up', { email, password: 'mot-de-passe-solide', displayName: 'Camille' });
          expect(signUp.status).toBe(201);
        } finally {
          await first.stop();
        }
        const second = await startServerProcess(closedEnv);
        try {
          const signIn = await new ApiClient(second.url).post('/api/auth/sign-in', { email, password: 'mot-de-passe-solide' });
          expect(signIn.status).toBe(200);
        } finally {
          await second.stop();
        }
      } finally {
        await rm(closed, { recursive: true, force: true });
        await rm(runtime, { recursive: true, force: true });
      }
    },
  );
});
