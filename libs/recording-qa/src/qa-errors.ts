/** The lib's closed error vocabulary: stable codes, mapped to HTTP statuses in one place. */
export type QaErrorCode =
  | 'QA_NOT_FOUND'
  | 'QA_BAD_REQUEST'
  | 'QA_RECORDING_PENDING'
  | 'QA_RECORDING_GONE'
  | 'QA_RECORDING_INTEGRITY_FAILED'
  | 'QA_RANGE_NOT_SATISFIABLE'
  | 'QA_TOO_MANY_STREAMS'
  | 'QA_CONFLICT'
  | 'QA_FORBIDDEN_ACTION'
  | 'QA_AUDIT_UNAVAILABLE'
  | 'QA_PBX_UNAVAILABLE';

const STATUS: Readonly<Record<QaErrorCode, number>> = {
  QA_NOT_FOUND: 404,
  QA_BAD_REQUEST: 400,
  QA_RECORDING_PENDING: 409,
  QA_RECORDING_GONE: 410,
  QA_RECORDING_INTEGRITY_FAILED: 500,
  QA_RANGE_NOT_SATISFIABLE: 416,
  QA_TOO_MANY_STREAMS: 429,
  QA_CONFLICT: 409,
  QA_FORBIDDEN_ACTION: 403,
  QA_AUDIT_UNAVAILABLE: 503,
  QA_PBX_UNAVAILABLE: 503,
};

export class QaError extends Error {
  readonly status: number;

  /** `message` is shown to the caller: never put paths, numbers or SQL in it. */
  constructor(
    readonly code: QaErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'QaError';
    this.status = STATUS[code];
  }
}
