import { Injectable } from '@nestjs/common';
import { type Principal, TokenRejected, TokenVerifier } from '@cti/wallboard';
import { AuthSettings, MAX_USER_CACHE_SECONDS } from './auth-settings';
import { Clock } from './clock';
import { type AppUser, UserAccounts } from './ports';
import { TokenService } from './token-service';

/** A verified caller: the wallboard's Principal plus the username (audit entries name people). */
export interface ApiPrincipal extends Principal {
  readonly username: string;
}

interface Cached {
  readonly user: AppUser | undefined;
  readonly at: number;
}

/** Bounded: a flood of tokens for many users cannot grow memory without limit. */
const MAX_CACHED_USERS = 10_000;

/**
 * The wallboard's TokenVerifier port, for the HTTP API too: a valid signature is not enough, the
 * user must still exist, be enabled and have the token's `tv`. User rows are cached for at most
 * 30 s, so with the wallboard's periodic re-check revocation reaches open sockets within 60 s;
 * changes made through this process call `forget()` and apply at once. When the store cannot be
 * read, the last row read for the user is used (last known good): a database outage does not
 * take the live views down, and no revocation made through this process is lost.
 */
@Injectable()
export class UserTokenVerifier extends TokenVerifier {
  private readonly cache = new Map<string, Cached>();
  private readonly inflight = new Map<string, Promise<AppUser | undefined>>();
  private readonly ttlMs: number;
  /** Bumped by forget(): a lookup that started before a change must not cache the old row. */
  private generation = 0;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserAccounts,
    private readonly clock: Clock,
    settings: AuthSettings,
  ) {
    super();
    this.ttlMs = Math.min(Math.max(0, settings.userCacheSeconds), MAX_USER_CACHE_SECONDS) * 1000;
  }

  async verify(token: string): Promise<ApiPrincipal> {
    const claims = await this.tokens.verify(token);
    const user = await this.user(claims.sub);
    const current =
      user !== undefined &&
      !user.disabled &&
      user.tokenVersion === claims.tv &&
      user.role === claims.role &&
      (user.teamId ?? undefined) === claims.team &&
      (user.agentId ?? undefined) === claims.agent;
    if (!current) throw new TokenRejected('revoked');
    return {
      userId: user.id,
      username: user.username,
      role: claims.role,
      ...(claims.team !== undefined ? { teamId: claims.team } : {}),
      ...(claims.agent !== undefined ? { agentId: claims.agent } : {}),
      expiresAt: claims.exp * 1000,
    };
  }

  /** Drops a user's cached row: the next check reads the store. */
  forget(userId: string): void {
    this.generation++;
    this.cache.delete(userId);
    this.inflight.delete(userId);
  }

  private async user(id: string): Promise<AppUser | undefined> {
    const hit = this.cache.get(id);
    if (hit && this.clock.now() - hit.at < this.ttlMs) return hit.user;
    let pending = this.inflight.get(id);
    if (!pending) {
      // One lookup per user at a time: a burst of requests does not become a burst of queries.
      pending = this.users.findById(id).finally(() => {
        if (this.inflight.get(id) === pending) this.inflight.delete(id);
      });
      this.inflight.set(id, pending);
    }
    const generation = this.generation;
    let user: AppUser | undefined;
    try {
      user = await pending;
    } catch (err) {
      // The store is down: the last row we read stands in (through an outage the live views
      // keep working); a token never seen before, or a forgotten user, fails closed.
      if (hit) return hit.user;
      throw err;
    }
    if (this.ttlMs > 0 && generation === this.generation) {
      if (this.cache.size >= MAX_CACHED_USERS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, { user, at: this.clock.now() });
    }
    return user;
  }
}
