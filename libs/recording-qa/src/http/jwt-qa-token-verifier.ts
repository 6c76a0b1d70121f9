import { type JwtService } from '@nestjs/jwt';
import { QA_ROLES, type QaPrincipal, type QaRole, QaTokenVerifier } from '../ports/qa-runtime.port';

/**
 * A QaTokenVerifier on a JwtService, reading the same claims as the auth lib (sub, role, team,
 * agent, exp). For running the QA module before/without @cti/auth; in the app bind
 * QaTokenVerifier to the auth lib's UserTokenVerifier, which also checks the user still exists.
 */
export class JwtQaTokenVerifier extends QaTokenVerifier {
  constructor(private readonly jwt: JwtService) {
    super();
  }

  async verify(token: string): Promise<QaPrincipal> {
    const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    const { sub, role, team, agent, exp } = claims;
    if (typeof sub !== 'string' || !QA_ROLES.includes(role as QaRole) || typeof exp !== 'number')
      throw new Error('bad token');
    return {
      userId: sub,
      role: role as QaRole,
      ...(typeof team === 'string' ? { teamId: team } : {}),
      ...(typeof agent === 'string' ? { agentId: agent } : {}),
    };
  }
}
