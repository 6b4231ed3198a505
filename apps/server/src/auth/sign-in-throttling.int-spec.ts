import { Agent, request as httpRequest } from 'node:http';
import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const PASSWORD = 'le bon mot de passe';

interface Attempt {
  /** Local address of the real connection (any 127.x.y.z reaches the loopback listener). */
  from: string;
  email: string;
  password: string;
  forwardedFor?: string;
}

// One kept-alive connection per local address: successive attempts from an address share one real connection.
const agents = new Map<string, Agent>();
const agentFor = (from: string) => agents.get(from) ?? agents.set(from, new Agent({ keepAlive: true, maxSockets: 1 })).get(from)!;
afterAll(() => agents.forEach((agent) => agent.destroy()));

/** One sign-in over a real connection from a chosen loopback address; resolves with the status. */
function signIn(t: TestApp, attempt: Attempt): Promise<number> {
  const url = new URL('/api/auth/sign-in', t.url);
  const body = JSON.stringify({ email: attempt.email, password: attempt.password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: attempt.from,
        agent: agentFor(attempt.from),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(attempt.forwardedFor ? { 'x-forwarded-for': attempt.forwardedFor } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function failures(t: TestApp, count: number, attempt: (i: number) => Omit<Attempt, 'password'>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await signIn(t, { ...attempt(i), password: `essai ${i}` }));
  return statuses;
}

const accountFor = async (t: TestApp, email: string) => new ApiClient(t.url).signUp({ email, password: PASSWORD });

describe('sign-in throttling with the default settings (real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an attacker hammering an account from another address cannot lock its owner out', async () => {
    await accountFor(t, 'owner@example.fr');
    const attacker = await failures(t, 30, () => ({ from: '127.0.0.2', email: 'owner@example.fr' }));
    expect(attacker.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(attacker.slice(5)).toEqual(Array(25).fill(429));
    expect(await signIn(t, { from: '127.0.0.1', email: 'owner@example.fr', password: PASSWORD })).toBe(200);
    // The attacker's own address stays blocked for that account.
    expect(await signIn(t, { from: '127.0.0.2', email: 'owner@example.fr', password: PASSWORD })).toBe(429);
  });

  it('rotating X-Forwarded-For over one real connection does not escape the per-address limit', async () => {
    const statuses = await failures(t, 30, (i) => ({ from: '127.0.0.3', email: `cible${i}@example.fr`, forwardedFor: `198.51.100.${i + 1}` }));
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  it('a success from an address resets that address’s counter for the account', async () => {
    await accountFor(t, 'typo@example.fr');
    expect(await failures(t, 4, () => ({ from: '127.0.0.4', email: 'typo@example.fr' }))).toEqual(Array(4).fill(401));
    expect(await signIn(t, { from: '127.0.0.4', email: 'typo@example.fr', password: PASSWORD })).toBe(200);
    expect(await failures(t, 5, () => ({ from: '127.0.0.4', email: 'typo@example.fr' }))).toEqual(Array(5).fill(401));
    expect(await signIn(t, { from: '127.0.0.4', email: 'typo@example.fr', password: PASSWORD })).toBe(429);
  });
});

describe('sign-in throttling behind a declared proxy (TRUST_PROXY=loopback set explicitly)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', SIGNIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: '12' });
  });
  afterAll(() => t.close());

  it('counts per forwarded client: the owner signs in while an attacker behind the same proxy hammers their account', async () => {
    await accountFor(t, 'owner@example.fr');
    const attacker = await failures(t, 10, () => ({ from: '127.0.0.1', email: 'owner@example.fr', forwardedFor: '203.0.113.7' }));
    expect(attacker).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);
    expect(await signIn(t, { from: '127.0.0.1', email: 'owner@example.fr', password: PASSWORD, forwardedFor: '192.0.2.10' })).toBe(200);
  });

  it('keeps a ceiling per account across all addresses', async () => {
    await accountFor(t, 'target@example.fr');
    // 3 addresses × 4 failures reach the ceiling of 12 without reaching any per-address limit.
    for (const address of ['203.0.113.21', '203.0.113.22', '203.0.113.23']) {
      expect(await failures(t, 4, () => ({ from: '127.0.0.1', email: 'target@example.fr', forwardedFor: address }))).toEqual(Array(4).fill(401));
    }
    expect(await signIn(t, { from: '127.0.0.1', email: 'target@example.fr', password: PASSWORD, forwardedFor: '192.0.2.11' })).toBe(429);
    // Other accounts are not affected.
    await accountFor(t, 'neighbour@example.fr');
    expect(await signIn(t, { from: '127.0.0.1', email: 'neighbour@example.fr', password: PASSWORD, forwardedFor: '203.0.113.21' })).toBe(200);
  });
});
