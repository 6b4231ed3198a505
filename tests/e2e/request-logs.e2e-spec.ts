import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { COLLAB_NAMESPACE, CollabEvent, collabParser, diagnosticDocument } from '@concerto/collab';
import { EVENTS_NAMESPACE, EventsClientEvent } from '@concerto/domain';
import { ApiClient, buildSpace, connected, createFreshDatabase, eventually, type FreshDatabase } from '@concerto/server/testing';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface RequestLine {
  level: number;
  req?: { id: string; method: string };
  route?: string;
  res?: { status: number };
  responseTime?: number;
  accountId?: string | null;
}

interface SocketLine {
  level: number;
  msg: string;
  ns?: string;
  connectionId?: string;
  requestId?: string;
  accountId?: string | null;
  event?: string;
  subject?: string;
  ok?: boolean;
  code?: string;
  reason?: string;
}

/** A socket.io client on a namespace, its handshake carrying a cookie and an X-Request-Id when given. */
function socketOn(url: string, namespace: string, headers: Record<string, string>): Socket {
  return io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, parser: collabParser, extraHeaders: headers });
}

/** The operator's view: one JSON line per request on stdout, with what to find a problem by and nothing secret. */
describe('request logs of the running server', () => {
  let database: FreshDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await createFreshDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, SEED_DEMO: 'false', LOG_LEVEL: 'info', LOG_PRETTY: 'false', NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const lines = (): RequestLine[] =>
    server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as RequestLine);

  it('writes one JSON line per request: id, method, route pattern, status, duration, account — never the cookie', async () => {
    const owner = new ApiClient(server.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    const read = await fetch(`${server.url}/api/spaces/${spaceId}?x=1`, { headers: { cookie: owner.cookie!, 'x-request-id': 'proxy-request-0001' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-request-id')).toBe('proxy-request-0001');
    await fetch(`${server.url}/api/spaces/${spaceId}/nothing-here`, { headers: { cookie: owner.cookie! } });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const spaceRead = lines().find((line) => line.req?.id === 'proxy-request-0001');
    expect(spaceRead).toMatchObject({ req: { method: 'GET' }, route: '/api/spaces/:spaceId', res: { status: 200 }, accountId: owner.account!.id });
    expect(typeof spaceRead!.responseTime).toBe('number');
    const missing = lines().find((line) => line.res?.status === 404);
    expect(missing?.route).toBe(`/api/spaces/${spaceId}/nothing-here`);
    const signUp = lines().find((line) => line.route === '/api/auth/sign-up');
    expect(signUp).toMatchObject({ res: { status: 201 } });
    // Nothing secret: no cookie, no session token, no password, no body.
    const token = owner.cookie!.split('=')[1];
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toContain('un mot de passe');
    expect(server.output().toLowerCase()).not.toContain('"cookie"');
  });

  it('logs each socket connection with its ids — joins, refusals, disconnect reasons — never the cookie', async () => {
    const owner = new ApiClient(server.url);
    await owner.signUp();
    const spaceId = await buildSpace(owner);
    const socketLines = () => (lines() as SocketLine[]).filter((line) => line.ns !== undefined);

    // /events, with the proxy's request id: a join, a refused join.
    const events = socketOn(server.url, EVENTS_NAMESPACE, { cookie: owner.cookie!, 'x-request-id': 'proxy-socket-0001' });
    await connected(events);
    const eventsId = events.id;
    expect(await events.emitWithAck(EventsClientEvent.join, { spaceId })).toEqual({ ok: true });
    const elsewhere = randomUUID();
    expect(await events.emitWithAck(EventsClientEvent.join, { spaceId: elsewhere })).toMatchObject({ ok: false, code: 'not_found' });
    // /collab without a request id: one is made; a document joined, one refused.
    const collab = socketOn(server.url, COLLAB_NAMESPACE, { cookie: owner.cookie! });
    await connected(collab);
    const collabId = collab.id;
    expect(await collab.emitWithAck(CollabEvent.join, { doc: diagnosticDocument(spaceId) })).toMatchObject({ ok: true });
    expect(await collab.emitWithAck(CollabEvent.join, { doc: '<script>alert(1)</script>' })).toMatchObject({ ok: false });
    // Refused at the handshake: no session.
    const stranger = socketOn(server.url, EVENTS_NAMESPACE, { 'x-request-id': 'proxy-socket-0002' });
    await expect(connected(stranger)).rejects.toThrow('unauthenticated');
    stranger.close();
    events.disconnect();
    collab.disconnect();
    await eventually(() => socketLines().filter((line) => line.event === 'disconnected').length >= 2, 5000, 'both disconnections logged');

    const ofEvents = socketLines().filter((line) => line.requestId === 'proxy-socket-0001');
    expect(new Set(ofEvents.map((line) => line.connectionId))).toEqual(new Set([eventsId]));
    for (const line of ofEvents) expect(line).toMatchObject({ ns: EVENTS_NAMESPACE, accountId: owner.account!.id });
    expect(ofEvents.map((line) => [line.event, line.subject ?? null, line.ok ?? null, line.code ?? null, line.reason ?? null])).toEqual([
      ['connected', null, null, null, null],
      ['join', spaceId, true, null, null],
      ['join', elsewhere, false, 'not_found', null],
      ['disconnected', null, null, null, 'client namespace disconnect'],
    ]);

    const ofCollab = socketLines().filter((line) => line.ns === COLLAB_NAMESPACE);
    expect(new Set(ofCollab.map((line) => line.connectionId))).toEqual(new Set([collabId]));
    expect(new Set(ofCollab.map((line) => line.requestId)).size).toBe(1);
    expect(ofCollab[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const line of ofCollab) expect(line.accountId).toBe(owner.account!.id);
    expect(ofCollab.map((line) => [line.event, line.ok ?? null])).toEqual([
      ['connected', null],
      ['join', true],
      ['join', false],
      ['disconnected', null],
    ]);
    // Hostile text stays a JSON string value.
    expect(ofCollab[2].subject).toBe('<script>alert(1)</script>');

    expect(socketLines().filter((line) => line.requestId === 'proxy-socket-0002')).toEqual([
      expect.objectContaining({ ns: EVENTS_NAMESPACE, event: 'refused', reason: 'unauthenticated', connectionId: expect.any(String) }),
    ]);
    const token = owner.cookie!.split('=')[1];
    expect(server.output()).not.toContain(token);
  });
});
