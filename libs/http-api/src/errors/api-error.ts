import { ERROR_STATUS, type ErrorCode } from './error-codes';

/** One invalid input field and what is wrong with it. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An error meant for the client; its message and details must hold no customer data. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    /** Response headers that go with it (Retry-After, WWW-Authenticate). */
    readonly headers: Readonly<Record<string, string>> = {},
    /** The status, when not the code's own (e.g. 413 for VALIDATION_FAILED). */
    readonly status: number = ERROR_STATUS[code],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get body(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const unauthenticated = (message: string): ApiError =>
  new ApiError('UNAUTHENTICATED', message, undefined, { 'WWW-Authenticate': 'Bearer' });

export const forbidden = (message: string): ApiError => new ApiError('FORBIDDEN', message);

export const notFound = (message: string): ApiError => new ApiError('NOT_FOUND', message);

export const conflict = (message: string): ApiError => new ApiError('CONFLICT', message);

export const unavailable = (message: string): ApiError => new ApiError('UNAVAILABLE', message);

/** A 400 naming the fields at fault, like the ValidationPipe's. */
export function invalid(fields: readonly FieldProblem[]): ApiError {
  const summary = fields.map((f) => f.problems.join(', ')).join('; ');
  return new ApiError('VALIDATION_FAILED', `invalid request: ${summary}`, { fields });
}
