import { ApiClient, buildSpace, createFreshDatabase, type FreshDatabase } from '@concerto/server/testing';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface RequestLine {
  level: number;
  req?: { id: string; method: string };
  route?: string;
  res?: { status: number };
  responseTime?: number;
  accountId?: string | null;
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
});
