import { type JwtService } from '@nestjs/jwt';
import { type Principal } from './access-policy';
import { type Role } from './protocol';

export type RejectionReason = 'bad' | 'expired' | 'revoked';

/** The token was checked and refused. Any other error means the check itself failed. */
export class TokenRejected extends Error {
  constructor(readonly reason: RejectionReason) {
    super(`token ${reason}`);
    this.name = 'TokenRejected';
  }
}

/**
 * The port the gateway authenticates through, also at every periodic re-check: revocation and
 * role changes reach open sockets through it. An abstract class so it can be a Nest DI token.
 */
export abstract class TokenVerifier {
  /** Resolves the principal, rejects with TokenRejected when the token is not (or no longer) good. */
  abstract verify(token: string): Promise<Principal>;
}

const ROLES: readonly Role[] = ['agent', 'team_leader', 'supervisor', 'qa', 'admin'];

/** Claims of the wallboard JWT: `sub`, `role`, optional `team` and `agent`, `exp` in seconds. */
export interface WallboardClaims {
  readonly sub: string;
  readonly role: Role;
  readonly team?: string;
  readonly agent?: string;
}

/**
 * Verifies JWTs signed by the given JwtService (until the auth lib exists). `isRevoked` lets the
 * caller refuse a still-valid token of a disabled user or a logged-out session.
 */
export class JwtTokenVerifier extends TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly isRevoked: (userId: string) => boolean | Promise<boolean> = () => false,
  ) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      throw new TokenRejected((error as Error).name === 'TokenExpiredError' ? 'expired' : 'bad');
    }
    const { sub, role, team, agent, exp } = claims;
    if (typeof sub !== 'string' || !ROLES.includes(role as Role) || typeof exp !== 'number')
      throw new TokenRejected('bad');
    if (await this.isRevoked(sub)) throw new TokenRejected('revoked');
    return {
      userId: sub,
      role: role as Role,
      teamId: typeof team === 'string' ? team : undefined,
      agentId: typeof agent === 'string' ? agent : undefined,
      expiresAt: exp * 1000,
    };
  }
}
