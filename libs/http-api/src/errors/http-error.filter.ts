import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { AuthError } from '@cti/auth';
import { ApiError } from './api-error';
import { writeErrorResponse } from './error-response';

/** Generic texts: framework messages may echo the request (a JSON parse error quotes the body). */
const GENERIC = {
  UNAUTHENTICATED: 'authentication required',
  FORBIDDEN: 'not allowed',
  NOT_FOUND: 'no such resource',
  VALIDATION_FAILED: 'malformed request',
  RATE_LIMITED: 'too many requests',
  CONFLICT: 'conflict',
  UNAVAILABLE: 'temporarily unavailable',
  INTERNAL: 'internal error',
} as const;

type FrameworkCode = keyof typeof GENERIC;

/** Status → code for exceptions raised by Nest or Express themselves. */
function codeOfStatus(status: number): FrameworkCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL';
  }
}

export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof AuthError) {
    switch (exception.code) {
      case 'INVALID_CREDENTIALS':
        return new ApiError('UNAUTHENTICATED', exception.message);
      case 'RATE_LIMITED': {
        const retry = String(exception.retryAfterSeconds ?? 60);
        return new ApiError(
          'RATE_LIMITED',
          exception.message,
          { retryAfterSeconds: Number(retry) },
          { 'Retry-After': retry },
        );
      }
      case 'AUDIT_UNAVAILABLE':
      case 'STORE_UNAVAILABLE':
        return new ApiError('UNAVAILABLE', exception.message);
    }
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : // body-parser's errors (malformed JSON, body too large) carry a status, not a class.
        typeof (exception as { status?: unknown })?.status === 'number' &&
          typeof (exception as { type?: unknown }).type === 'string'
        ? (exception as { status: number }).status
        : 500;
  const code = codeOfStatus(status);
  const message =
    status === 413 ? 'request body too large' : status === 404 ? 'no such route' : GENERIC[code];
  return new ApiError(
    code,
    message,
    undefined,
    code === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer' } : {},
    status,
  );
}

/**
 * The one HTTP error filter: every failure becomes `{ code, message, details? }`. Unknown errors
 * are logged here and answered with INTERNAL, never with their message, stack, SQL or data.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      this.logger.error(`unhandled ${host.getType()} error: ${(exception as Error)?.message}`);
      return;
    }
    const error = toApiError(exception);
    if (error.status >= 500 && error.code === 'INTERNAL') {
      this.logger.error(`request failed: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    writeErrorResponse(host.switchToHttp().getResponse<ServerResponse>(), error);
  }
}
