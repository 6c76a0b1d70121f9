import { LoginRateLimiter } from './login-rate-limiter';
import { ManualClock } from './testing/memory-accounts';

describe('LoginRateLimiter', () => {
  const limits = { maxFailures: 5, maxFailuresPerIp: 8, windowSeconds: 300 };

  it('refuses a username and address after 5 failures until the oldest leaves the window', () => {
    const clock = new ManualClock();
    const limiter = new LoginRateLimiter(limits, clock);
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('ann', '10.0.0.1')).toEqual({ allowed: true });
      limiter.failed('ann', '10.0.0.1');
      clock.advance(10_000);
    }
    expect(limiter.check('ann', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 250,
      lockoutStarted: true,
    });
    expect(limiter.check('ann', '10.0.0.1')).toMatchObject({
      allowed: false,
      lockoutStarted: false,
    });
    // Another address, or another user from this address, is not locked out by it.
    expect(limiter.check('ann', '10.0.0.2').allowed).toBe(true);
    expect(limiter.check('bob', '10.0.0.1').allowed).toBe(true);
    clock.advance(250_000);
    expect(limiter.check('ann', '10.0.0.1').allowed).toBe(true);
  });

  it('forgets failures of a pair on success', () => {
    const limiter = new LoginRateLimiter(limits, new ManualClock());
    for (let i = 0; i < 4; i++) limiter.failed('ann', 'ip');
    limiter.succeeded('ann', 'ip');
    for (let i = 0; i < 3; i++) limiter.failed('ann', 'ip'); // 7 in the window, 3 since the success
    expect(limiter.check('ann', 'ip').allowed).toBe(true);
  });

  it('refuses an address spraying many usernames', () => {
    const limiter = new LoginRateLimiter(limits, new ManualClock());
    for (let i = 0; i < 8; i++) limiter.failed(`user${i}`, '10.9.9.9');
    expect(limiter.check('someone-new', '10.9.9.9')).toMatchObject({
      allowed: false,
      lockoutStarted: true,
    });
    expect(limiter.check('someone-new', '10.9.9.8').allowed).toBe(true);
  });

  it('does not confuse keys that would collide when joined naively', () => {
    const limiter = new LoginRateLimiter(limits, new ManualClock());
    for (let i = 0; i < 5; i++) limiter.failed('a|b', 'c');
    expect(limiter.check('a', 'b|c').allowed).toBe(true);
  });
});
