import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, Public, Roles, unauthenticated } from '@cti/http-api';
import { type IncomingMessage } from 'node:http';
import { type QaPrincipal, type QaRole, QaTokenVerifier } from '../ports/qa-runtime.port';

const ROLES_KEY = 'cti:qa-roles';
const PUBLIC_KEY = 'cti:qa-public';

/**
 * The roles that may call a route. A route without it is refused (deny by default). It carries
 * @cti/http-api's @Roles too: the app's global guard lets the same roles through, and OpenAPI
 * shows the bearer security, x-roles and the 401/403 bodies.
 */
export const QaRoles = (...roles: QaRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), Roles(...roles));
/**
 * Routes without a bearer token: the media grant (an opaque one-recording grant plus its
 * cookie, checked by the route) and the page's static files (no data in them).
 */
export const QaGrantAuthenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), Public());

/** The request as the guard leaves it (Express's request extends Node's). */
export type QaRequest = IncomingMessage & {
  qaPrincipal?: QaPrincipal;
  ip?: string;
  secure?: boolean;
};

export function principalOf(req: QaRequest): QaPrincipal {
  if (!req.qaPrincipal) throw unauthenticated('authentication required');
  return req.qaPrincipal;
}

/**
 * Deny by default: a bearer token verified by the QaTokenVerifier port (the auth lib's
 * UserTokenVerifier: signature, expiry, user still enabled), then the route's @QaRoles.
 * Claims: sub, role, team, agent. Tokens are read from the Authorization header only, never
 * from the URL (ASVS 14.2.1).
 */
@Injectable()
export class QaAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: QaTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<QaRole[] | undefined>(ROLES_KEY, targets);
    const req = context.switchToHttp().getRequest<QaRequest>();
    const header = req.headers.authorization;
    const token =
      typeof header === 'string' && /^Bearer [A-Za-z0-9._~+/=-]+$/.test(header)
        ? header.slice(7)
        : undefined;
    if (!token) throw unauthenticated('authentication required');
    let principal: QaPrincipal;
    try {
      principal = await this.tokens.verify(token);
    } catch {
      throw unauthenticated('invalid or expired token');
    }
    req.qaPrincipal = principal;
    if (!roles || !roles.includes(principal.role)) throw forbidden('not allowed');
    return true;
  }
}
