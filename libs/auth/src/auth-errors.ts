/** Why a login was refused; the HTTP layer maps these to 401 / 429 / 503. */
export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'AUDIT_UNAVAILABLE'
  /** The user store cannot be read (database outage): temporary, not the caller's fault. */
  | 'STORE_UNAVAILABLE';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** Seconds until another attempt may succeed (RATE_LIMITED). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
