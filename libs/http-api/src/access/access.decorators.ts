import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type ApiPrincipal, type Role } from '@cti/auth';
import { type HttpRequest } from '../common/http-types';
import { ErrorBodyDto } from '../common/error-body.dto';
import { unauthenticated } from '../errors/api-error';

export const ROLES_KEY = 'cti:roles';
export const PUBLIC_KEY = 'cti:public';
export const BEARER_SCHEME = 'bearer';

/** Who may call a route. Every route must say it (the guard denies the others). */
export type RouteAccess =
  { readonly public: true } | { readonly public: false; readonly roles: readonly Role[] };

/** The route needs a valid token of one of these roles; shown in OpenAPI as bearer + x-roles. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0)
    throw new Error('@Roles() needs at least one role (use @Public() for open routes)');
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({
      description: 'UNAUTHENTICATED: no, bad, expired or revoked token',
      type: ErrorBodyDto,
    }),
    ApiForbiddenResponse({
      description: 'FORBIDDEN: role or scope not allowed',
      type: ErrorBodyDto,
    }),
  );
}

/** Open to anyone, no token (login, /health, /metrics). Shown in OpenAPI as x-public. */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));
}

/** The request as the guard leaves it. */
export interface AuthenticatedRequest extends HttpRequest {
  principal?: ApiPrincipal;
}

/** The verified caller of a @Roles route. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ApiPrincipal => {
    const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // Only reachable if a route skipped the guard: refuse rather than run unauthenticated.
    if (!principal) throw unauthenticated('authentication required');
    return principal;
  },
);
