import pg from 'pg';
import { io } from 'socket.io-client';
import { type ChangeNotice, EVENTS_NAMESPACE, EventsClientEvent, EventsServerEvent } from '@concerto/domain';
import * as Y from 'yjs';
import { CollabClient, type CollabDocument, diagnosticDocument } from '@concerto/collab';
import { ApiClient, buildSpace, collabSocket, connected, createFreshDatabase, eventually, type FreshDatabase } from '@concerto/server/testing';
import { type RedisProcess, describeWithRedisServer, startRedis } from '../support/redis-process.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const describeWithRedis = describeWithRedisServer('two server processes through Redis (multi-node)');

/** Two server processes on one Redis: clients on both converge, each update is stored once, and an outage heals. */
describeWithRedis('two server processes sharing documents through Redis', () => {
  let database: FreshDatabase;
  let redis: RedisProcess;
  const servers: ServerProcess[] = [];
  const clients: { client: CollabClient; document: CollabDocument; close(): void }[] = [];

  beforeAll(async () => {
    database = await createFreshDatabase();
    redis = await startRedis();
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, SEED_DEMO: 'false', COLLAB_COMPACT_EVERY: '1000000' };
    servers.push(await startServerProcess(env), await startServerProcess(env));
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of servers) await s.stop();
    await redis.stop();
    await database.drop();
  });

  async function storedRows(name: string): Promise<Uint8Array[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(`SELECT data FROM collab_update WHERE doc = $1 ORDER BY id`, [name])).rows.map((r) => r.data);
    } finally {
      await client.end();
    }
  }

  async function storedText(name: string): Promise<string> {
    const doc = new Y.Doc();
    for (const row of await storedRows(name)) Y.applyUpdate(doc, row);
    return doc.getText('body').toString();
  }

  async function type(documents: CollabDocument[], prefix: string, count: number): Promise<void> {
    for (let n = 0; n < count; n++) {
      documents.forEach((d, i) => {
        const text = d.doc.getText('body');
        text.insert(text.length, `<${prefix}${i}:${n}>`);
      });
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('delivers /events notices to sockets connected to the other process', async () => {
    const owner = new ApiClient(servers[0].url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    const socket = io(`${servers[1].url}${EVENTS_NAMESPACE}`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: owner.cookie! } });
    await connected(socket);
    expect(await socket.emitWithAck(EventsClientEvent.join, { spaceId })).toEqual({ ok: true });
    const notice = new Promise<ChangeNotice>((resolve) => socket.once(EventsServerEvent.change, resolve));
    await owner.patch(`/api/spaces/${spaceId}`, { title: 'Titre changé sur le premier processus' });
    expect(await notice).toMatchObject({ spaceId, entity: 'space', op: 'updated' });
    socket.disconnect();
  });

  it('converges across processes, stores each update once, and heals after a Redis restart', async () => {
    const owner = new ApiClient(servers[0].url);
    await owner.signUp();
    const name = diagnosticDocument(await buildSpace(owner));
    for (const server of [...servers, ...servers]) {
      const socket = collabSocket(server.url, owner.cookie);
      const client = new CollabClient(socket);
      const document = client.open(name);
      await connected(socket);
      await document.waitFor(['synced', 'saved']);
      clients.push({ client, document, close: () => (client.destroy(), socket.disconnect()) });
    }
    const documents = clients.map((c) => c.document);
    const allSaved = () => documents.every((d) => d.status === 'saved' || d.status === 'synced');
    const converged = (expected: string) => documents.every((d) => d.doc.getText('body').toString() === expected);

    await type(documents, 'a', 20);
    await eventually(allSaved, 10000, 'saved');
    let expected = await storedText(name);
    await eventually(() => converged(expected), 10000, 'convergence across processes');
    expect(expected.match(/<a\d:\d+>/g)).toHaveLength(4 * 20);

    // Each update is persisted by exactly one process: no Yjs item is stored twice.
    const seen = new Set<string>();
    for (const row of await storedRows(name)) {
      for (const struct of Y.decodeUpdate(row).structs) {
        if (struct.constructor.name === 'Skip') continue;
        for (let k = 0; k < struct.length; k++) {
          const id = `${struct.id.client}:${struct.id.clock + k}`;
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
      }
    }

    // Redis goes away mid-session: each process keeps storing its clients' edits; when it is back, all resync.
    await redis.stop();
    await type(documents, 'b', 15);
    await eventually(allSaved, 10000, 'saved during the outage');
    await redis.start();
    expected = await storedText(name);
    expect(expected.match(/<b\d:\d+>/g)).toHaveLength(4 * 15);
    await eventually(() => converged(expected), 20000, 'convergence after the Redis restart');

    await type(documents, 'c', 5);
    await eventually(allSaved, 10000, 'saved after the outage');
    expected = await storedText(name);
    await eventually(() => converged(expected), 10000, 'convergence after recovery');
  });
});
