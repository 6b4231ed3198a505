import { freePort } from '../../testing/free-port.js';
import { redisReconnectDelay, ResilientRedis, ThrottledWarning } from './resilient-redis.js';

describe('ThrottledWarning', () => {
  it('logs at most once per interval and then says how many were held back', () => {
    let now = 1_000_000;
    const logged: string[] = [];
    const warning = new ThrottledWarning({ warn: (message: string) => void logged.push(message) }, 5000, () => now);
    for (let n = 0; n < 10; n++) warning.warn('dropped');
    expect(logged).toEqual(['dropped']);
    now += 5000;
    warning.warn('dropped');
    expect(logged).toEqual(['dropped', 'dropped (and 9 more since the last warning)']);
  });
});

describe('ResilientRedis', () => {
  it('never stops reconnecting, with a capped backoff', () => {
    expect([1, 5, 20, 1000, 1e6].map(redisReconnectDelay)).toEqual([100, 500, 2000, 2000, 2000]);
  });

  it('hands failed fire-and-forget commands to onFailure (no unhandled rejection), and still rejects for callers who await', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const failures: string[] = [];
    // Nothing listens on this port: Redis is down.
    const client = new ResilientRedis(`redis://127.0.0.1:${await freePort()}`, { enableOfflineQueue: false }, (command) => void failures.push(command));
    client.on('error', () => undefined);
    try {
      void client.publish('channel', 'dropped');
      await expect(client.publish('channel', 'awaited')).rejects.toThrow(/enableOfflineQueue/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(failures).toEqual(['publish', 'publish']);
      expect(unhandled).toEqual([]);
    } finally {
      client.close();
      process.off('unhandledRejection', record);
    }
  });
});
