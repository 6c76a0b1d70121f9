/**
 * The one registry of error codes: every error body anywhere in the product is
 * `{ code, message, details? }` with a code from this table, answered with its status. Codes
 * never change meaning; new ones may be added. The QA codes are finer-grained names the QA page
 * acts on (a pending recording is retried, a closed window hides the buttons).
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  QA_NOT_FOUND: 404,
  QA_BAD_REQUEST: 400,
  QA_INVALID_ANSWERS: 400,
  QA_RECORDING_PENDING: 409,
  QA_RECORDING_GONE: 410,
  QA_RECORDING_INTEGRITY_FAILED: 500,
  QA_RANGE_NOT_SATISFIABLE: 416,
  QA_TOO_MANY_STREAMS: 429,
  QA_CONFLICT: 409,
  QA_FORBIDDEN_ACTION: 403,
  QA_AUDIT_UNAVAILABLE: 503,
  QA_PBX_UNAVAILABLE: 503,
  QA_NOT_OWN_EVALUATION: 404,
  QA_RESPONSE_WINDOW_CLOSED: 409,
  QA_ALREADY_RESPONDED: 409,
  QA_NOT_DISPUTED: 409,
  QA_REASON_REQUIRED: 409,
  QA_SELF_RESOLUTION: 409,
  QA_INVALID_TOTAL: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
