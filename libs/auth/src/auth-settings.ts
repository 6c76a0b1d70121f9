import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { type AccountThrottleLimits } from './account-throttle';
import { type ScryptCost } from './password-hasher';

export const MIN_JWT_SECRET_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;
export const DEFAULT_TOKEN_TTL_SECONDS = 15 * 60;
/** Revocation must reach open sockets within 60 s: the user cache may add at most half of it. */
export const MAX_USER_CACHE_SECONDS = 30;

/** Bounds on the password checks running at once (each is ~32 MiB of scrypt on the libuv pool). */
export interface PasswordCheckLimits {
  /**
   * Checks hashing at once: one core short of the machine's (the event loop keeps one), and
   * below libuv's 4 threads, so file and DNS work still get one.
   */
  readonly concurrent: number;
  /** Checks waiting for a slot; beyond it a login is refused at once (429, Retry-After: 1). */
  readonly queued: number;
}

/** Failed logins allowed per username and client address, per IP, within the window. */
export interface LoginLimits {
  readonly maxFailures: number;
  readonly maxFailuresPerIp: number;
  readonly windowSeconds: number;
  /** One account from any address (progressive delay, ASVS 2.2.1). */
  readonly account: AccountThrottleLimits;
  readonly passwordChecks: PasswordCheckLimits;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  maxFailures: 5,
  maxFailuresPerIp: 50,
  windowSeconds: 5 * 60,
  account: { freeFailures: 10, maxDelaySeconds: 60 },
  passwordChecks: { concurrent: Math.min(3, Math.max(1, availableParallelism() - 1)), queued: 8 },
};

/** Auth configuration, read once at start (a DI token too). */
export abstract class AuthSettings {
  /** HS256 key. */
  abstract readonly jwtSecret: string;
  /** True when no CTI_JWT_SECRET was given: tokens die with the process. */
  abstract readonly ephemeralSecret: boolean;
  abstract readonly tokenTtlSeconds: number;
  /** CTI_ADMIN_PASSWORD: used only when no user exists yet. */
  abstract readonly adminPassword?: string;
  /** How long the verifier trusts a user lookup (0..30 s). */
  abstract readonly userCacheSeconds: number;
  abstract readonly login: LoginLimits;
  /** Tests may lower it; production keeps the default. */
  abstract readonly scryptCost?: ScryptCost;
}

/** Every problem with the auth environment, at once; never contains a secret's value. */
export class AuthConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid auth configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'AuthConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The JWT secret: CTI_JWT_SECRET (>= 32 characters), else a random one for this process only.
 * A set-but-short or set-but-empty secret is refused: an empty value usually means a
 * missing template variable, and must not silently become an ephemeral secret.
 */
export function loadJwtSecret(env: Env): { secret: string; ephemeral: boolean } {
  const given = env.CTI_JWT_SECRET;
  if (given === undefined)
    return { secret: randomBytes(48).toString('base64url'), ephemeral: true };
  if (given.trim().length < MIN_JWT_SECRET_LENGTH) {
    throw new AuthConfigError([
      `CTI_JWT_SECRET is too short (${given.trim().length} characters): use at least ${MIN_JWT_SECRET_LENGTH}, e.g. \`openssl rand -base64 48\`, or unset it for a per-process random secret`,
    ]);
  }
  return { secret: given, ephemeral: false };
}

/** Reads CTI_JWT_SECRET, CTI_ADMIN_PASSWORD and CTI_TOKEN_TTL_SECONDS; throws AuthConfigError. */
export function readAuthSettings(env: Env): AuthSettings {
  const problems: string[] = [];
  let jwt: { secret: string; ephemeral: boolean } | undefined;
  try {
    jwt = loadJwtSecret(env);
  } catch (err) {
    problems.push(...(err as AuthConfigError).problems);
  }
  const adminPassword = env.CTI_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < MIN_PASSWORD_LENGTH) {
    problems.push(
      `CTI_ADMIN_PASSWORD is too short: use at least ${MIN_PASSWORD_LENGTH} characters, or unset it to have a random one printed once`,
    );
  }
  let tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
  const ttl = env.CTI_TOKEN_TTL_SECONDS;
  if (ttl !== undefined && ttl !== '') {
    tokenTtlSeconds = Number(ttl);
    if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60 || tokenTtlSeconds > 3600) {
      problems.push(`CTI_TOKEN_TTL_SECONDS must be a whole number from 60 to 3600, got '${ttl}'`);
    }
  }
  if (problems.length > 0 || !jwt) throw new AuthConfigError(problems);
  return {
    jwtSecret: jwt.secret,
    ephemeralSecret: jwt.ephemeral,
    tokenTtlSeconds,
    adminPassword,
    userCacheSeconds: MAX_USER_CACHE_SECONDS,
    login: DEFAULT_LOGIN_LIMITS,
  };
}
