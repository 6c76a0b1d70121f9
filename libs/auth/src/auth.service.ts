import { Injectable, Logger } from '@nestjs/common';
import { AuthError } from './auth-errors';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordCheckGate } from './password-check-gate';
import { PasswordHasher, MAX_PASSWORD_LENGTH } from './password-hasher';
import { type AppUser, type AuditEntry, AuditLog, normalizeUsername, UserAccounts } from './ports';
import { type Role } from './roles';
import { TokenService } from './token-service';

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  /** The client's address, as the HTTP layer sees it (mind `trust proxy`). */
  readonly ip: string;
}

/** A user as the API shows it: never the hash. */
export interface PublicUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly team: string | null;
  readonly agent: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: PublicUser;
}

export interface LoginStats {
  readonly succeeded: number;
  readonly failed: number;
  readonly rateLimited: number;
}

export function publicUser(u: AppUser): PublicUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    team: u.teamId,
    agent: u.agentId,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Audit actor for a login attempt: the name typed, cut short (it is untrusted input). */
const actorOf = (username: string): string => username.slice(0, 64) || '(empty)';

/** Login: slow hash, the same time and answer for every failure, throttled, bounded, audited. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly counts = { succeeded: 0, failed: 0, rateLimited: 0 };

  constructor(
    private readonly users: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly limiter: LoginRateLimiter,
    private readonly gate: PasswordCheckGate,
  ) {}

  get stats(): LoginStats {
    return { ...this.counts, rateLimited: this.counts.rateLimited + this.gate.refused };
  }

  async login(request: LoginRequest): Promise<LoginResult> {
    const username = normalizeUsername(request.username);
    const { ip } = request;
    const verdict = this.limiter.check(username, ip);
    if (!verdict.allowed) {
      this.counts.rateLimited++;
      if (verdict.lockoutStarted) {
        this.logger.warn(
          `login locked for ${JSON.stringify(actorOf(username))} from ${ip}: too many failures`,
        );
        await this.record({
          actor: actorOf(username),
          action: 'auth.login_locked',
          details: { ip },
        });
      }
      throw new AuthError(
        'RATE_LIMITED',
        'too many failed logins: try again later',
        verdict.retryAfterSeconds,
      );
    }
    const { user, passwordOk } = await this.gate.run(() =>
      this.checkPassword(username, request.password),
    );
    if (!user || !passwordOk || user.disabled) {
      this.limiter.failed(username, ip);
      this.counts.failed++;
      const reason = !user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'disabled';
      await this.record({
        actor: actorOf(username),
        action: 'auth.login_failed',
        details: { ip, reason },
      });
      // One answer for every failure: the response does not tell which users exist.
      throw new AuthError('INVALID_CREDENTIALS', 'invalid username or password');
    }
    this.limiter.succeeded(username, ip);
    await this.record({
      actor: user.username,
      action: 'auth.login',
      target: user.id,
      details: { ip },
    });
    this.counts.succeeded++;
    await this.upgradeHash(user, request.password);
    const issued = this.tokens.issue(user);
    return { token: issued.token, expiresAt: issued.expiresAt, user: publicUser(user) };
  }

  private async checkPassword(
    username: string,
    password: string,
  ): Promise<{ user: AppUser | undefined; passwordOk: boolean }> {
    let user: AppUser | undefined;
    try {
      user = await this.users.findByUsername(username);
    } catch (err) {
      this.logger.error(`user lookup failed: ${(err as Error).message}`);
      throw new AuthError('STORE_UNAVAILABLE', 'sign-in is unavailable right now: try again later');
    }
    const passwordOk = user
      ? await this.hasher.verify(password, user.passwordHash)
      : await this.hasher.burn(password);
    return { user, passwordOk };
  }

  /** Fail closed: no audit entry, no login. */
  private async record(entry: AuditEntry): Promise<void> {
    try {
      await this.audit.append(entry);
    } catch (err) {
      this.logger.error(`audit append failed (${entry.action}): ${(err as Error).message}`);
      throw new AuthError('AUDIT_UNAVAILABLE', 'the audit log is unavailable: try again later');
    }
  }

  /** Hashes made with an older cost are redone while the password is at hand (no token revoke). */
  private async upgradeHash(user: AppUser, password: string): Promise<void> {
    if (!this.hasher.needsRehash(user.passwordHash) || password.length > MAX_PASSWORD_LENGTH)
      return;
    try {
      await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    } catch (err) {
      this.logger.warn(
        `could not upgrade the password hash of ${user.username}: ${(err as Error).message}`,
      );
    }
  }
}
