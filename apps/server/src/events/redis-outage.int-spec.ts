import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { type ChangeNotice, EVENTS_NAMESPACE, EventsClientEvent, EventsServerEvent } from '@concerto/domain';
import { diagnosticDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { connected, eventually, openDocument, type OpenedDocument } from '../../testing/collab-clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { describeWithRedisServer, startRedis } from '../../testing/redis-process.js';

/**
 * Another server process as far as Redis is concerned: a bare socket.io server with the Redis adapter on the same
 * Redis, whose /events sockets are put in a space's room directly. It is created while Redis is up and closed before
 * Redis goes down, so that its own clients never see an outage.
 */
async function otherNode(redisUrl: string, spaceId: string) {
  const pub = new Redis(redisUrl);
  const sub = pub.duplicate();
  const http = createServer();
  const server = new Server(http, { transports: ['websocket'] });
  server.adapter(createAdapter(pub, sub));
  const events = server.of(EVENTS_NAMESPACE);
  events.on('connection', (socket) => void socket.join(`space:${spaceId}`));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}${EVENTS_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
  await connected(socket);
  await eventually(() => events.adapter.rooms.has(`space:${spaceId}`), 5000, 'the other node’s socket in the room');
  return {
    socket,
    events,
    close: async () => {
      socket.disconnect();
      await new Promise<void>((resolve) => void server.close(() => resolve()));
      // QUIT after the adapter's unsubscriptions: their replies come first, nothing is left pending.
      await Promise.all([pub.quit(), sub.quit()]);
    },
  };
}

function eventsSocket(url: string, cookie: string | undefined): Socket {
  return io(`${url}${EVENTS_NAMESPACE}`, { transports: ['websocket'], forceNew: true, extraHeaders: cookie ? { cookie } : {} });
}

function nextNotice(socket: Socket, predicate: (notice: ChangeNotice) => boolean): Promise<ChangeNotice> {
  return new Promise((resolve) => {
    const listener = (notice: ChangeNotice) => {
      if (!predicate(notice)) return;
      socket.off(EventsServerEvent.change, listener);
      resolve(notice);
    };
    socket.on(EventsServerEvent.change, listener);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends until `receiver` gets the notice of id `send` returns: right after Redis is back, the subscriptions are
 * restored within a moment, and a notice sent before that is dropped (as during the outage). Fails after a generous
 * deadline.
 */
async function deliveredEventually(receiver: Socket, send: (attempt: number) => Promise<string>, what: string): Promise<void> {
  const seen = new Set<string>();
  const listener = (notice: ChangeNotice) => void seen.add(notice.id);
  receiver.on(EventsServerEvent.change, listener);
  try {
    const deadline = Date.now() + 20_000;
    for (let attempt = 0; Date.now() < deadline; attempt++) {
      const id = await send(attempt);
      for (let wait = 0; wait < 10 && !seen.has(id); wait++) await sleep(50);
      if (seen.has(id)) return;
    }
    throw new Error(`never delivered: ${what}`);
  } finally {
    receiver.off(EventsServerEvent.change, listener);
  }
}

async function appendParagraph(opened: OpenedDocument, words: string): Promise<void> {
  const fragment = opened.doc.getXmlFragment(sectionContentKey(readSections(opened.doc)[0].id));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  opened.doc.transact(() => {
    fragment.insert(fragment.length, [paragraph]);
    paragraph.insert(0, [text]);
    text.insert(0, words);
  });
  await opened.document.waitFor(['saved']);
}

async function healthStatus(t: TestApp): Promise<number> {
  return (await new ApiClient(t.url).get('/api/health/ready')).status;
}

describeWithRedisServer('Redis outages')('a Redis outage (REDIS_URL set) neither crashes the server nor stops this process; it recovers', () => {
  // Each of these would end a real server process (Node's default for an unhandled rejection).
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  const resources: { close(): unknown }[] = [];
  let redis: Awaited<ReturnType<typeof startRedis>>;

  beforeAll(() => process.on('unhandledRejection', record));
  afterAll(() => process.off('unhandledRejection', record));
  beforeEach(async () => {
    unhandled.length = 0;
    redis = await startRedis();
  });
  afterEach(async () => {
    for (const resource of resources.splice(0).reverse()) await resource.close();
    await redis.stop();
  }, 30_000);

  /** A space with an owner whose /events socket is in its room and whose diagnostic is open. */
  async function workspace(t: TestApp) {
    const owner = new ApiClient(t.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    const events = eventsSocket(t.url, owner.cookie);
    resources.push({ close: () => events.disconnect() });
    await connected(events);
    expect(await events.emitWithAck(EventsClientEvent.join, { spaceId })).toEqual({ ok: true });
    const opened = await openDocument(t.url, owner.cookie, diagnosticDocument(spaceId));
    resources.push(opened);
    /** A REST write whose notice (entity `project`, id the created project's) goes to the space's room. */
    const createProject = async (title: string) => {
      const notice = nextNotice(events, (n) => n.entity === 'project' && n.op === 'created');
      const created = await owner.post(`/api/spaces/${spaceId}/projects`, { title });
      expect(created.status).toBe(201);
      expect(await notice).toMatchObject({ spaceId, id: created.body.id });
    };
    return { owner, spaceId, events, opened, createProject };
  }

  /** After Redis is back: health 200, and notices cross in both directions between this app and another node. */
  async function expectRecovered(t: TestApp, spaceId: string, events: Socket, owner: ApiClient) {
    await eventually(async () => (await healthStatus(t)) === 200, 20_000, '/api/health/ready 200 again');
    const node = await otherNode(redis.url, spaceId);
    resources.push(node);
    // From this app to the other node: the app's publisher works again.
    await deliveredEventually(
      node.socket,
      async (attempt) => {
        const created = await owner.post(`/api/spaces/${spaceId}/projects`, { title: `Après la panne ${attempt}` });
        expect(created.status).toBe(201);
        return created.body.id as string;
      },
      'app → other node',
    );
    // From the other node to this app: the app's subscriptions are back.
    await deliveredEventually(
      events,
      async (attempt) => {
        const id = `from the other node #${attempt}`;
        node.events.to(`space:${spaceId}`).emit(EventsServerEvent.change, { spaceId, entity: 'project', id, op: 'updated' });
        return id;
      },
      'other node → app',
    );
  }

  it('keeps serving REST writes and co-editing during an outage, and delivers across processes once Redis is back', async () => {
    const t = await startTestApp({ REDIS_URL: redis.url });
    resources.push(t);
    const { owner, spaceId, events, opened, createProject } = await workspace(t);
    await createProject('Avant la panne');

    await redis.stop();
    // Notices to this process's sockets and edits keep working; what would cross Redis is dropped.
    await createProject('Pendant la panne');
    await appendParagraph(opened, 'écrit pendant la panne');
    await createProject('Toujours pendant la panne');
    expect(await healthStatus(t)).toBe(503);
    // Long enough for queued Redis commands to be given up (ioredis flushes them after its retries).
    await sleep(2500);
    await appendParagraph(opened, 'encore pendant la panne');
    expect(unhandled).toEqual([]);

    await redis.start();
    await expectRecovered(t, spaceId, events, owner);
    await appendParagraph(opened, 'après la panne');
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('starts while Redis is down (degraded), joins the other processes when it comes, and closes during an outage', async () => {
    await redis.stop();
    const t = await startTestApp({ REDIS_URL: redis.url });
    resources.push(t);
    const { owner, spaceId, events, opened, createProject } = await workspace(t);
    expect(await healthStatus(t)).toBe(503);
    await createProject('Démarré sans Redis');
    await appendParagraph(opened, 'écrit sans Redis');
    await sleep(2500);
    expect(unhandled).toEqual([]);

    await redis.start();
    await expectRecovered(t, spaceId, events, owner);
    for (const resource of resources.splice(1).reverse()) await resource.close();

    // Closing the app while Redis is down: the adapter's unsubscriptions are abandoned without a rejection.
    await redis.stop();
    resources.splice(0);
    await t.close();
    await sleep(500);
    expect(unhandled).toEqual([]);
  }, 60_000);
});
