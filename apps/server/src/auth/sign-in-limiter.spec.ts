import { SignInLimiter } from './sign-in-limiter.js';

describe('SignInLimiter', () => {
  let now = 0;
  const limiter = () => new SignInLimiter({ maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 1000 }, () => now);

  beforeEach(() => (now = 0));

  it('blocks an account after its threshold of failures, from any address', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('a@x.fr', `10.0.0.${i}`);
    expect(l.isBlocked('a@x.fr', '10.0.0.9')).toBe(true);
    expect(l.isBlocked('b@x.fr', '10.0.0.9')).toBe(false);
  });

  it('blocks an address that tries many accounts', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) l.recordFailure(`u${i}@x.fr`, '1.2.3.4');
    expect(l.isBlocked('new@x.fr', '1.2.3.4')).toBe(true);
    expect(l.isBlocked('new@x.fr', '5.6.7.8')).toBe(false);
  });

  it('forgets failures once they leave the window', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('a@x.fr', '1.1.1.1');
    now = 1001;
    expect(l.isBlocked('a@x.fr', '1.1.1.1')).toBe(false);
  });

  it('resets the account counter on success', () => {
    const l = limiter();
    l.recordFailure('a@x.fr', '1.1.1.1');
    l.recordFailure('a@x.fr', '1.1.1.1');
    l.recordSuccess('a@x.fr');
    l.recordFailure('a@x.fr', '1.1.1.1');
    expect(l.isBlocked('a@x.fr', '1.1.1.1')).toBe(false);
  });
});
