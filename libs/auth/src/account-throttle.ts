/** Bounds for the per-account throttle (any address). */
export interface AccountThrottleLimits {
  /** Failures on one account within the hour before each further attempt must wait. */
  readonly freeFailures: number;
  /** The wait grows by a second per failure beyond the free ones, up to this. */
  readonly maxDelaySeconds: number;
}

const HOUR_MS = 3_600_000;
/** Successful (account, address) pairs remembered for this long: the owner's known places. */
const KNOWN_FOR_MS = 30 * 24 * HOUR_MS;
/** Accounts and known pairs kept at most; beyond it the oldest go first (bounded memory). */
const MAX_KEYS = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

/**
 * Per-account guessing from many addresses (ASVS 2.2.1): after `freeFailures` failures within
 * an hour each further attempt waits 1 s, 2 s, ... up to `maxDelaySeconds` after the last
 * failure. With 10 and 60 that is at most 100 failures in any hour. It slows, never locks: the
 * wait is a minute at worst, and an address the account has logged in from before (its owner)
 * is not delayed at all.
 */
export class AccountThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly known = new Map<string, number>();

  constructor(private readonly limits: AccountThrottleLimits) {}

  /** Epoch ms before which this address may not try the account, or undefined. */
  blockedUntil(username: string, ip: string, now: number): number | undefined {
    if (this.isKnown(username, ip, now)) return undefined;
    const recent = this.recent(username, now);
    const beyond = recent.length - this.limits.freeFailures;
    if (beyond < 0) return undefined;
    const delayMs = Math.min(this.limits.maxDelaySeconds, beyond + 1) * 1000;
    const until = recent[recent.length - 1] + delayMs;
    return until > now ? until : undefined;
  }

  failed(username: string, now: number): void {
    const recent = this.recent(username, now);
    recent.push(now);
    remember(this.failures, username, recent);
  }

  succeeded(username: string, ip: string, now: number): void {
    remember(this.known, JSON.stringify([username, ip]), now);
  }

  private isKnown(username: string, ip: string, now: number): boolean {
    const at = this.known.get(JSON.stringify([username, ip]));
    return at !== undefined && now - at < KNOWN_FOR_MS;
  }

  private recent(username: string, now: number): number[] {
    return (this.failures.get(username) ?? []).filter((t) => now - t < HOUR_MS);
  }
}
