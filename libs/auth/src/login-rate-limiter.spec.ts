import { DEFAULT_LOGIN_LIMITS } from './auth-settings';
import { LoginRateLimiter } from './login-rate-limiter';
import { ManualClock } from './testing/memory-accounts';

describe('LoginRateLimiter', () => {
  const limits = {
    ...DEFAULT_LOGIN_LIMITS,
    maxFailures: 5,
    maxFailuresPerIp: 8,
    windowSeconds: 300,
  };

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

describe('LoginRateLimiter: one account guessed from many addresses (ASVS 2.2.1)', () => {
  const HOUR = 3_600_000;

  /** A guesser using a fresh address per attempt, trying again the moment it is allowed. */
  function guessFor(hours: number) {
    const clock = new ManualClock();
    const limiter = new LoginRateLimiter(DEFAULT_LOGIN_LIMITS, clock);
    const start = clock.now();
    const failures: number[] = [];
    let n = 0;
    while (clock.now() - start < hours * HOUR) {
      const verdict = limiter.check('owner', `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`);
      if (verdict.allowed) {
        limiter.failed('owner', `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`);
        failures.push(clock.now());
        n++;
      } else {
        expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      clock.advance(250);
    }
    return { clock, limiter, failures };
  }

  it('allows at most 100 failures in any hour, and keeps letting the guesser try (slowed, not locked)', () => {
    const { failures } = guessFor(3);
    let worst = 0;
    for (let i = 0, j = 0; i < failures.length; i++) {
      while (failures[i] - failures[j] >= HOUR) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(100);
    // Without the throttle a guesser at 4 tries a second would fail 43,200 times in 3 hours.
    expect(failures.length).toBeGreaterThan(150);
    const lastHour = failures.filter((t) => t >= failures[failures.length - 1] - HOUR);
    expect(lastHour.length).toBeGreaterThanOrEqual(55);
  });

  it('delays a stranger by a minute at most and never the address the owner signed in from', () => {
    const clock = new ManualClock();
    const limiter = new LoginRateLimiter(DEFAULT_LOGIN_LIMITS, clock);
    limiter.succeeded('owner', '192.168.1.20'); // the owner's desk, yesterday
    for (let i = 0; i < 80; i++) {
      limiter.failed('owner', `10.0.0.${i}`);
      clock.advance(100);
    }
    expect(limiter.check('owner', '192.168.1.20')).toEqual({ allowed: true });
    const stranger = limiter.check('owner', '172.16.0.1');
    expect(stranger).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    clock.advance(60_000);
    expect(limiter.check('owner', '172.16.0.1').allowed).toBe(true);
    // Other accounts are not slowed by it.
    expect(limiter.check('someone', '10.0.0.1').allowed).toBe(true);
  });

  it('starts slowing only after 10 failures in the hour, 1 s more per failure', () => {
    const clock = new ManualClock();
    const limiter = new LoginRateLimiter(DEFAULT_LOGIN_LIMITS, clock);
    for (let i = 0; i < 10; i++) {
      expect(limiter.check('owner', `10.1.0.${i}`).allowed).toBe(true);
      limiter.failed('owner', `10.1.0.${i}`);
    }
    expect(limiter.check('owner', '10.1.1.1')).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    clock.advance(1_000);
    limiter.failed('owner', '10.1.1.1');
    expect(limiter.check('owner', '10.1.1.2')).toMatchObject({
      allowed: false,
      retryAfterSeconds: 2,
    });
  });
});
