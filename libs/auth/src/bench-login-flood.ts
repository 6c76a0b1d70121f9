import { stat } from 'node:fs/promises';
import { DEFAULT_LOGIN_LIMITS, type AuthSettings, type PasswordCheckLimits } from './auth-settings';
import { AuthError } from './auth-errors';
import { AuthService } from './auth.service';
import { SystemClock } from './clock';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordCheckGate } from './password-check-gate';
import { PasswordHasher } from './password-hasher';
import { MemoryAccounts, MemoryAudit } from './testing/memory-accounts';
import { TokenService } from './token-service';

export interface LoginFloodOptions {
  readonly logins: number;
  readonly inFlight: number;
  /** The gate under test; `{ concurrent: 1000, queued: 0 }` is "no gate". */
  readonly passwordChecks: PasswordCheckLimits;
}

export interface LoginFloodResult {
  readonly invalid: number;
  readonly refused: number;
  readonly seconds: number;
  /** Latency of a small job on libuv's thread pool (what /health, files, DNS wait for). */
  readonly poolProbeMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

/**
 * Wrong logins from strangers (real scrypt at the production cost, in-memory store), `inFlight`
 * at a time, while a probe times a file `stat` on the thread pool every 10 ms: how long other
 * work waits behind the password hashing.
 */
export async function benchLoginFlood(options: LoginFloodOptions): Promise<LoginFloodResult> {
  const hasher = new PasswordHasher();
  const accounts = new MemoryAccounts();
  await accounts.create({
    username: 'owner',
    passwordHash: await hasher.hash('the owner password'),
    role: 'supervisor',
  });
  const clock = new SystemClock();
  const limits = {
    ...DEFAULT_LOGIN_LIMITS,
    maxFailures: Number.MAX_SAFE_INTEGER,
    maxFailuresPerIp: Number.MAX_SAFE_INTEGER,
    account: { freeFailures: Number.MAX_SAFE_INTEGER, maxDelaySeconds: 60 },
  };
  const settings: AuthSettings = {
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
    ephemeralSecret: true,
    tokenTtlSeconds: 900,
    userCacheSeconds: 30,
    login: limits,
  };
  const auth = new AuthService(
    accounts,
    hasher,
    new TokenService(settings, clock),
    new MemoryAudit(),
    new LoginRateLimiter(limits, clock),
    new PasswordCheckGate(options.passwordChecks),
  );
  const probes: number[] = [];
  let flooding = true;
  const probe = (async () => {
    while (flooding) {
      const t0 = performance.now();
      await stat(__filename);
      probes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let invalid = 0;
  let refused = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < options.logins) {
      const i = next++;
      try {
        await auth.login({ username: 'owner', password: `wrong guess ${i}`, ip: '10.0.0.1' });
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        if (err.code === 'RATE_LIMITED') refused++;
        else invalid++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  flooding = false;
  await probe;
  const sorted = probes.sort((a, b) => a - b);
  return {
    invalid,
    refused,
    seconds,
    poolProbeMs: {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? 0,
    },
  };
}
