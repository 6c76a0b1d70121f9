import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Role, UserTokenVerifier } from '@cti/auth';
import { TokenRejected } from '@cti/wallboard';
import { forbidden, unauthenticated, unavailable } from '../errors/api-error';
import {
  type AuthenticatedRequest,
  PUBLIC_KEY,
  ROLES_KEY,
  type RouteAccess,
} from './access.decorators';

/** What the route declares, from the handler or else its controller. */
export function routeAccess(reflector: Reflector, ctx: ExecutionContext): RouteAccess | undefined {
  const targets = [ctx.getHandler(), ctx.getClass()];
  if (reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return { public: true };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
  return roles && roles.length > 0 ? { public: false, roles } : undefined;
}

const REJECTED: Record<TokenRejected['reason'], string> = {
  bad: 'invalid token',
  expired: 'token expired',
  revoked: 'token revoked',
};

/** The bearer token of the Authorization header; tokens in URLs are never read (ASVS 14.2.1). */
function bearerToken(req: AuthenticatedRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  return match?.[1];
}

/**
 * The global guard: denies by default. A route runs only if it declares @Public() or @Roles(...)
 * and, for @Roles, the caller holds a current token of one of those roles. Scope (own team, own
 * agent) is checked by the routes themselves, which know the resource.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: UserTokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, ctx);
    // Not HTTP (a gateway, a microservice): no token to read here, so only public handlers pass.
    if (ctx.getType() !== 'http') return access?.public === true;
    if (!access) {
      this.logger.error(
        `${ctx.getClass().name}.${ctx.getHandler().name} declares neither @Roles nor @Public: denied`,
      );
      throw forbidden('this route is not open to any role');
    }
    if (access.public) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req);
    if (!token) throw unauthenticated('missing bearer token (Authorization: Bearer <token>)');
    try {
      req.principal = await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof TokenRejected) throw unauthenticated(REJECTED[err.reason]);
      // The user store is unreachable: fail closed, but say it is temporary.
      this.logger.error(`token check failed: ${(err as Error).message}`);
      throw unavailable('cannot check the token right now');
    }
    if (!access.roles.includes(req.principal.role)) {
      throw forbidden(`role ${req.principal.role} may not call this route`);
    }
    return true;
  }
}
