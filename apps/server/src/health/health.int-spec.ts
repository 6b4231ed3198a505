import { Redis } from 'ioredis';
import { LivenessView, ReadinessView } from '@concerto/domain';
import { ApiClient } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { describeWithRedisServer, startRedis } from '../../testing/redis-process.js';

/** Readiness: `/api/health/ready`. */
async function health(t: TestApp): Promise<{ status: number; body: ReadinessView; ms: number }> {
  const started = Date.now();
  const response = await new ApiClient(t.url).get<ReadinessView>('/api/health/ready');
  const ms = Date.now() - started;
  // Every answer, 200 or 503, is the documented contract.
  expect(ReadinessView.safeParse(response.body).success).toBe(true);
  return { status: response.status, body: response.body, ms };
}

/** Liveness: `/api/health`, whatever the dependencies say. */
async function live(t: TestApp): Promise<{ status: number; body: LivenessView }> {
  const response = await new ApiClient(t.url).get<LivenessView>('/api/health');
  expect(LivenessView.safeParse(response.body).success).toBe(true);
  return { status: response.status, body: response.body };
}

describe('/api/health (liveness) and /api/health/ready (readiness, with Redis when REDIS_URL is set)', () => {
  let running: TestApp | undefined;
  const start = async (env: Record<string, string>) => (running = await startTestApp(env));
  /** Before any Redis it uses is stopped: socket.io's Redis adapter unsubscribes at close. */
  const close = async () => {
    await running?.close();
    running = undefined;
  };
  afterEach(close);

  it('without REDIS_URL: the database only, redis null', async () => {
    const app = await start({});
    const { status, body } = await health(app);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', down: [], database: { status: 'up', embedded: false }, redis: null });
    expect(await live(app)).toEqual({ status: 200, body: { status: 'ok', version: body.version, uptimeS: expect.any(Number) } });
  });

  const withRedis = describeWithRedisServer('readiness with Redis');
  withRedis('with REDIS_URL', () => {
    it('redis up with its latency', async () => {
      const redis = await startRedis();
      try {
        const app = await start({ REDIS_URL: redis.url });
        const { status, body } = await health(app);
        expect(status).toBe(200);
        expect(body.status).toBe('ok');
        expect(body.database.status).toBe('up');
        expect(body.redis).toEqual({ status: 'up', latencyMs: expect.any(Number) });
      } finally {
        await close();
        await redis.stop();
      }
    });

    // Not REDIS_URL on a closed port: with Redis unreachable at start, the socket.io Redis adapter's subscriptions fail
    // as unhandled rejections (which end a real server process). The outage starts once the server is up instead.
    it('reports a Redis outage: up, then down with 503 answered at once (no hang), then up again', async () => {
      const redis = await startRedis();
      const observer = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      observer.on('error', () => undefined);
      try {
        const app = await start({ REDIS_URL: redis.url });
        expect((await health(app)).body.redis).toEqual({ status: 'up', latencyMs: expect.any(Number) });
        await observer.connect();
        const subscriptions = await settledSubscriptions(observer);
        observer.disconnect();

        await redis.stop();
        const down = await health(app);
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({ status: 'degraded', down: ['redis'], database: { status: 'up' }, redis: { status: 'down', latencyMs: null } });
        // Liveness asks no dependency: the process is up, so it is not to be restarted.
        expect((await live(app)).status).toBe(200);
        expect(down.ms).toBeLessThan(1500);
        const concurrent = await Promise.all([health(app), health(app), health(app)]);
        for (const answer of concurrent) expect([answer.status, answer.body.redis?.status, answer.ms < 1500]).toEqual([503, 'down', true]);

        await redis.start();
        const back = await health(app);
        expect([back.status, back.body.status, back.body.down, back.body.redis?.status]).toEqual([200, 'ok', [], 'up']);
        // Let the server's other Redis clients (socket.io adapter, collab relay) subscribe again before it closes.
        await observer.connect();
        expect(await settledSubscriptions(observer)).toEqual(subscriptions);
      } finally {
        observer.disconnect();
        await close();
        await redis.stop();
      }
    });
  });
});

/** How many channels and patterns the server's Redis clients are subscribed to, once that stops changing. */
async function settledSubscriptions(observer: Redis): Promise<{ channels: number; patterns: number }> {
  const read = async () => ({
    channels: ((await observer.call('PUBSUB', 'CHANNELS')) as string[]).length,
    patterns: (await observer.call('PUBSUB', 'NUMPAT')) as number,
  });
  let last = await read();
  let stable = 0;
  const deadline = Date.now() + 10_000;
  while (stable < 4 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await read();
    stable = now.channels === last.channels && now.patterns === last.patterns && now.channels > 0 ? stable + 1 : 0;
    last = now;
  }
  return last;
}
