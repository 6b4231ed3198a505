import { SignInLimiter } from './sign-in-limiter.js';

describe('SignInLimiter', () => {
  let now = 0;
  const limiter = () =>
    new SignInLimiter({ maxFailuresPerAccountAndAddress: 3, maxFailuresPerAccount: 10, maxFailuresPerAddress: 5, windowMs: 1000 }, () => now);
  const fail = (l: SignInLimiter, email: string, address: string, times = 1, connectionAddress?: string) => {
    for (let i = 0; i < times; i++) l.recordFailure({ email, address, connectionAddress });
  };

  beforeEach(() => (now = 0));

  it('blocks an account from one address after the low threshold, not from the others', () => {
    const l = limiter();
    fail(l, 'a@x.fr', '6.6.6.6', 3);
    expect(l.isBlocked({ email: 'a@x.fr', address: '6.6.6.6' })).toBe(true);
    expect(l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
    expect(l.isBlocked({ email: 'b@x.fr', address: '6.6.6.6' })).toBe(false);
  });

  it('blocks an account from every address past the ceiling across addresses', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) fail(l, 'a@x.fr', `10.0.0.${i}`, 2);
    expect(l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(true);
    expect(l.isBlocked({ email: 'b@x.fr', address: '1.1.1.1' })).toBe(false);
  });

  it('blocks an address that tries many accounts', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) fail(l, `u${i}@x.fr`, '1.2.3.4');
    expect(l.isBlocked({ email: 'new@x.fr', address: '1.2.3.4' })).toBe(true);
    expect(l.isBlocked({ email: 'new@x.fr', address: '5.6.7.8' })).toBe(false);
  });

  it('also counts the connection address when given, once when it is the same', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) fail(l, `u${i}@x.fr`, `198.51.100.${i}`, 1, '127.0.0.1');
    expect(l.isBlocked({ email: 'new@x.fr', address: '198.51.100.99', connectionAddress: '127.0.0.1' })).toBe(true);
    expect(l.isBlocked({ email: 'new@x.fr', address: '198.51.100.99' })).toBe(false);
    const same = limiter();
    fail(same, 'a@x.fr', '1.1.1.1', 2, '1.1.1.1');
    fail(same, 'b@x.fr', '1.1.1.1', 2, '1.1.1.1');
    expect(same.isBlocked({ email: 'c@x.fr', address: '1.1.1.1', connectionAddress: '1.1.1.1' })).toBe(false);
  });

  it('forgets failures once they leave the window', () => {
    const l = limiter();
    fail(l, 'a@x.fr', '1.1.1.1', 3);
    now = 1001;
    expect(l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
  });

  it('resets the counter of the succeeding address for that account only', () => {
    const l = limiter();
    fail(l, 'a@x.fr', '1.1.1.1', 2);
    fail(l, 'a@x.fr', '6.6.6.6', 3);
    l.recordSuccess({ email: 'a@x.fr', address: '1.1.1.1' });
    fail(l, 'a@x.fr', '1.1.1.1', 2);
    expect(l.isBlocked({ email: 'a@x.fr', address: '1.1.1.1' })).toBe(false);
    expect(l.isBlocked({ email: 'a@x.fr', address: '6.6.6.6' })).toBe(true);
  });
});
