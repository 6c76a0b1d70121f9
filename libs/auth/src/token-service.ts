import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TokenRejected } from '@cti/wallboard';
import { AuthSettings } from './auth-settings';
import { Clock } from './clock';
import { isRole, type Role } from './roles';

/** The claims the API and the wallboard read: `sub`, `role`, `team`, `agent`, `exp`, plus `tv`. */
export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly team?: string;
  readonly agent?: string;
  /** The user's token_version at issue: a bump (disable, password change) revokes the token. */
  readonly tv: number;
  readonly iat: number;
  readonly exp: number;
}

/** What a token is issued for. */
export interface TokenSubject {
  readonly id: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly agentId: string | null;
  readonly tokenVersion: number;
}

export interface IssuedToken {
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** Longer "tokens" are refused unparsed: ours are a few hundred bytes. */
const MAX_TOKEN_LENGTH = 4096;
/** Clock difference tolerated between instances for `iat`: a token "from the future" beyond it is forged. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Issues and checks short-lived HS256 JWTs; time comes from the Clock port. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    private readonly settings: AuthSettings,
    private readonly clock: Clock,
  ) {
    // Algorithms pinned on both sides: no 'none', no RS/HS confusion.
    this.jwt = new JwtService({
      secret: settings.jwtSecret,
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  issue(user: TokenSubject): IssuedToken {
    const iat = Math.floor(this.clock.now() / 1000);
    const exp = iat + this.settings.tokenTtlSeconds;
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      ...(user.teamId !== null ? { team: user.teamId } : {}),
      ...(user.agentId !== null ? { agent: user.agentId } : {}),
      tv: user.tokenVersion,
      iat,
      exp,
    };
    return { token: this.jwt.sign({ ...claims }), expiresAt: exp * 1000 };
  }

  /** The token's claims; rejects with the wallboard's TokenRejected ('bad' or 'expired'). */
  async verify(token: string): Promise<TokenClaims> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new TokenRejected('bad');
    let raw: Record<string, unknown>;
    try {
      raw = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        clockTimestamp: Math.floor(this.clock.now() / 1000),
      });
    } catch (err) {
      throw new TokenRejected((err as Error).name === 'TokenExpiredError' ? 'expired' : 'bad');
    }
    const { sub, role, team, agent, tv, iat, exp } = raw;
    const valid =
      typeof sub === 'string' &&
      isRole(role) &&
      (team === undefined || typeof team === 'string') &&
      (agent === undefined || typeof agent === 'string') &&
      Number.isInteger(tv) &&
      typeof iat === 'number' &&
      typeof exp === 'number' &&
      this.plausibleLifetime(iat, exp);
    if (!valid) throw new TokenRejected('bad');
    return { sub, role, team, agent, tv: tv as number, iat, exp };
  }

  /**
   * A signed token is still refused when it claims more life than we ever issue or was "issued"
   * in the future: such a token comes from a leaked secret or a misconfigured peer, not from us.
   */
  private plausibleLifetime(iat: number, exp: number): boolean {
    const now = Math.floor(this.clock.now() / 1000);
    return iat <= now + TOKEN_CLOCK_SKEW_SECONDS && exp - iat <= this.settings.tokenTtlSeconds;
  }
}
