import { ApiClient } from '../../testing/api-client.js';
import { type RedisProcess, describeWithRedisServer, startRedis } from '../../testing/redis-process.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const describeWithRedis = describeWithRedisServer('sign-in limits shared by server processes');

/** Two server processes behind one address: with Redis they share the sign-in counts, so two replicas do not double a limit. */
describeWithRedis('sign-in limits shared by server processes through Redis', () => {
  let redis: RedisProcess;
  let apps: TestApp[];
  const env = () => ({ REDIS_URL: redis.url, SIGNIN_MAX_FAILURES_PER_ACCOUNT: '4' });

  beforeAll(async () => {
    redis = await startRedis();
    const first = await startTestApp(env());
    // The second process on the same database, like a replica.
    apps = [first, await startTestApp({ ...env() })];
  });
  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await redis?.stop();
  });

  const signIn = (app: TestApp, email: string, password: string) => new ApiClient(app.url).post('/api/auth/sign-in', { email, password });

  it('counts failures on either process together, and refuses on both past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(apps[i % 2], 'quelqu.un@exemple.fr', 'pas le bon')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect((await signIn(apps[0], 'quelqu.un@exemple.fr', 'pas le bon')).status).toBe(429);
    expect((await signIn(apps[1], 'quelqu.un@exemple.fr', 'pas le bon')).status).toBe(429);
  });

  it('keeps limiting, process by process, while Redis is down', async () => {
    await redis.stop();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await signIn(apps[0], 'autre@exemple.fr', 'pas le bon')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await redis.start();
    }
  });
});
