import { jest } from '@jest/globals';
import { SignInLimiter } from './sign-in-limiter.js';

describe('SignInLimiter (in memory)', () => {
  const limiter = () => new SignInLimiter({ maxFailuresPerAccountAndAddress: 3, maxFailuresPerAccount: 10, maxFailuresPerAddress: 5, windowMs: 1000 });
  const fail = async (l: SignInLimiter, email: string, address: string, times = 1, connectionAddress?: string) => {
    for (let i = 0; i < times; i++) await l.recordFailure({ email, address, connectionAddress });
  };

  afterEach(() => jest.useRealTimers());

  it('blocks an account from one address after the low threshold, not from the others', async () => {
    const l = limiter();
    await fail(l, 'a@x.fr', '6.6.6.6', 3);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '6.6.6.6' })).toBe(true);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
    expect(await l.isBlocked({ email: 'b@x.fr', address: '6.6.6.6' })).toBe(false);
  });

  it('blocks an account from every address past the ceiling across addresses', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) await fail(l, 'a@x.fr', `10.0.0.${i}`, 2);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(true);
    expect(await l.isBlocked({ email: 'b@x.fr', address: '1.1.1.1' })).toBe(false);
  });

  it('blocks an address that tries many accounts', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) await fail(l, `u${i}@x.fr`, '1.2.3.4');
    expect(await l.isBlocked({ email: 'new@x.fr', address: '1.2.3.4' })).toBe(true);
    expect(await l.isBlocked({ email: 'new@x.fr', address: '5.6.7.8' })).toBe(false);
  });

  it('also counts the connection address when given, once when it is the same', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) await fail(l, `u${i}@x.fr`, `198.51.100.${i}`, 1, '127.0.0.1');
    expect(await l.isBlocked({ email: 'new@x.fr', address: '198.51.100.99', connectionAddress: '127.0.0.1' })).toBe(true);
    expect(await l.isBlocked({ email: 'new@x.fr', address: '198.51.100.99' })).toBe(false);
    const same = limiter();
    await fail(same, 'a@x.fr', '1.1.1.1', 2, '1.1.1.1');
    await fail(same, 'b@x.fr', '1.1.1.1', 2, '1.1.1.1');
    expect(await same.isBlocked({ email: 'c@x.fr', address: '1.1.1.1', connectionAddress: '1.1.1.1' })).toBe(false);
  });

  it('forgets failures once the window is over', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const l = limiter();
    await fail(l, 'a@x.fr', '1.1.1.1', 3);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(true);
    jest.advanceTimersByTime(1001);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
  });

  it('resets the counter of the succeeding address for that account only', async () => {
    const l = limiter();
    await fail(l, 'a@x.fr', '1.1.1.1', 2);
    await fail(l, 'a@x.fr', '6.6.6.6', 3);
    await l.recordSuccess({ email: 'a@x.fr', address: '1.1.1.1' });
    await fail(l, 'a@x.fr', '1.1.1.1', 2);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
    expect(await l.isBlocked({ email: 'a@x.fr', address: '6.6.6.6' })).toBe(true);
  });
});
