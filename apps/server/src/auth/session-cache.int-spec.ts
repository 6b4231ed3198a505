import { eventually } from '../../testing/collab-clients.js';
import { type RedisProcess, describeWithRedisServer, startRedis } from '../../testing/redis-process.js';
import type { AppConfig } from '../config/app-config.js';
import type { RequestAuth } from '../common/request-auth.js';
import { AccessChanges } from './access-changes.js';
import { SessionCache } from './session-cache.js';

const describeWithRedis = describeWithRedisServer('the session cache shared by server processes');

const auth = (authSessionId: string, accountId: string): RequestAuth => ({
  authSessionId,
  account: { id: accountId, email: `${accountId}@exemple.fr`, displayName: accountId, locale: 'fr', organisationId: null },
});
const later = () => new Date(Date.now() + 3_600_000);

describe('the session cache in one process', () => {
  it('forgets a session revoked or an account changed at once, and never caches a lookup that a forget overtook', async () => {
    const changes = new AccessChanges();
    const cache = new SessionCache({ redisUrl: undefined } as AppConfig, changes);
    cache.set('h1', auth('s1', 'a1'), later(), cache.lookupStarted());
    cache.set('h2', auth('s2', 'a2'), later(), cache.lookupStarted());
    expect(cache.get('h1')?.account.id).toBe('a1');
    changes.authSessionRevoked('s1');
    expect(cache.get('h1')).toBeUndefined();
    await cache.forget({ accountId: 'a2' });
    expect(cache.get('h2')).toBeUndefined();

    const started = cache.lookupStarted();
    await cache.forget({ authSessionId: 's3' });
    cache.set('h3', auth('s3', 'a3'), later(), started);
    expect(cache.get('h3')).toBeUndefined();
    // Never past the session's own expiry.
    cache.set('h4', auth('s4', 'a4'), new Date(Date.now() - 1), cache.lookupStarted());
    expect(cache.get('h4')).toBeUndefined();
    cache.onModuleDestroy();
  });
});

describeWithRedis('the session cache across processes (Redis)', () => {
  let redis: RedisProcess;
  let caches: SessionCache[];

  beforeAll(async () => {
    redis = await startRedis();
    caches = [0, 1].map(() => new SessionCache({ redisUrl: redis.url } as AppConfig, new AccessChanges()));
  });
  afterAll(async () => {
    for (const cache of caches ?? []) cache.onModuleDestroy();
    await redis?.stop();
  });

  /** Caches `hash` in a process once it listens (a cache that cannot hear the others keeps nothing). */
  const cached = (cache: SessionCache, hash: string, value: RequestAuth) =>
    eventually(() => (cache.set(hash, value, later(), cache.lookupStarted()), cache.get(hash) !== undefined), 10_000, 'the cache listening');

  it("a sign-out on one process removes the session from the other's cache", async () => {
    const [a, b] = caches;
    await cached(a, 'h1', auth('s1', 'a1'));
    await cached(b, 'h1', auth('s1', 'a1'));
    await a.forget({ authSessionId: 's1' });
    expect(a.get('h1')).toBeUndefined();
    await eventually(() => b.get('h1') === undefined, 10_000, 'the other process forgetting');
  });

  it('is bypassed while Redis is away, and used again once it is back', async () => {
    const [, b] = caches;
    await cached(b, 'h2', auth('s2', 'a2'));
    await redis.stop();
    try {
      await eventually(() => b.get('h2') === undefined, 10_000, 'the cache bypassed');
      b.set('h3', auth('s3', 'a3'), later(), b.lookupStarted());
      expect(b.get('h3')).toBeUndefined();
    } finally {
      await redis.start();
    }
    await cached(b, 'h3', auth('s3', 'a3'));
  });
});
