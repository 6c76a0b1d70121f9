import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from '@cti/http-api';
import { type IncomingMessage } from 'node:http';
import { type QaPrincipal, type QaRole, QaTokenVerifier } from '../ports/qa-runtime.port';

const ROLES_KEY = 'cti:qa-roles';
const PUBLIC_KEY = 'cti:qa-public';
/**
 * The metadata keys of @cti/http-api's global deny-by-default AccessGuard (its ROLES_KEY and
 * PUBLIC_KEY; a spec pins them): set too, so the routes pass that guard with the same roles.
 */
export const APP_ROLES_KEY = 'cti:roles';
export const APP_PUBLIC_KEY = 'cti:public';

/** The roles that may call a route. A route without it is refused (deny by default). */
export const QaRoles = (...roles: QaRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), SetMetadata(APP_ROLES_KEY, roles));
/**
 * Routes without a bearer token: the media grant (an opaque one-recording grant plus its
 * cookie, checked by the route) and the page's static files (no data in them).
 */
export const QaGrantAuthenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(APP_PUBLIC_KEY, true));

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
