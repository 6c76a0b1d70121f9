import { AccountThrottle } from './account-throttle';
import { type LoginLimits } from './auth-settings';
import { type Clock } from './clock';

export type LimitVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly retryAfterSeconds: number;
      /** First refusal of this lockout: the moment to raise the alert (audit), once. */
      readonly lockoutStarted: boolean;
    };

/** Keys kept per map; beyond it the oldest go first (memory stays bounded under a flood). */
const MAX_KEYS = 20_000;

/** Failure instants per key, within the window. */
class FailureBook {
  private readonly failures = new Map<string, number[]>();
  private readonly alerted = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Epoch ms when the key may try again, or undefined when it may now. */
  blockedUntil(key: string, now: number): number | undefined {
    const recent = this.recent(key, now);
    if (recent.length < this.max) {
      this.alerted.delete(key);
      return undefined;
    }
    return recent[recent.length - this.max] + this.windowMs;
  }

  /** True the first time it is asked during one lockout. */
  firstRefusal(key: string): boolean {
    if (this.alerted.has(key)) return false;
    this.alerted.add(key);
    return true;
  }

  add(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the last `max` failures matter to the verdict.
    if (recent.length > this.max) recent.splice(0, recent.length - this.max);
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > MAX_KEYS) {
      const oldest = this.failures.keys().next().value!;
      this.failures.delete(oldest);
      this.alerted.delete(oldest);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
    this.alerted.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const all = this.failures.get(key) ?? [];
    return all.filter((t) => now - t < this.windowMs);
  }
}

/**
 * Login throttling, in memory: after `maxFailures` failures for one username from one
 * address within the window, that pair is refused until the oldest of them leaves the window;
 * an address failing `maxFailuresPerIp` times across usernames (password spraying) likewise.
 * While refused, even the right password gets 429: otherwise the limit would not limit.
 * Guessing one account from many addresses is slowed by the AccountThrottle.
 */
export class LoginRateLimiter {
  private readonly byUser: FailureBook;
  private readonly byIp: FailureBook;
  private readonly byAccount: AccountThrottle;

  constructor(
    limits: LoginLimits,
    private readonly clock: Clock,
  ) {
    const windowMs = limits.windowSeconds * 1000;
    this.byUser = new FailureBook(limits.maxFailures, windowMs);
    this.byIp = new FailureBook(limits.maxFailuresPerIp, windowMs);
    this.byAccount = new AccountThrottle(limits.account);
  }

  check(username: string, ip: string): LimitVerdict {
    const now = this.clock.now();
    const userKey = JSON.stringify([username, ip]);
    const until = Math.max(
      this.byUser.blockedUntil(userKey, now) ?? 0,
      this.byIp.blockedUntil(ip, now) ?? 0,
      this.byAccount.blockedUntil(username, ip, now) ?? 0,
    );
    if (until <= now) return { allowed: true };
    const lockoutStarted =
      (this.byUser.blockedUntil(userKey, now) !== undefined && this.byUser.firstRefusal(userKey)) ||
      (this.byIp.blockedUntil(ip, now) !== undefined && this.byIp.firstRefusal(ip));
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      lockoutStarted,
    };
  }

  failed(username: string, ip: string): void {
    const now = this.clock.now();
    this.byUser.add(JSON.stringify([username, ip]), now);
    this.byIp.add(ip, now);
    this.byAccount.failed(username, now);
  }

  /** A good login clears its pair's failures (not the address's: spraying still counts). */
  succeeded(username: string, ip: string): void {
    this.byUser.clear(JSON.stringify([username, ip]));
    this.byAccount.succeeded(username, ip, this.clock.now());
  }
}
