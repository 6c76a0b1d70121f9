import { ApiError, type ErrorCode } from '@cti/http-api';

/** The QA codes of the product's one error registry (`ERROR_STATUS` in @cti/http-api). */
export type QaErrorCode = Extract<ErrorCode, `QA_${string}`>;

/** An error meant for the caller, answered as `{ code, message, details? }` with the code's status. */
export class QaError extends ApiError {
  /** `message` is shown to the caller: never put paths, numbers or SQL in it. */
  constructor(
    override readonly code: QaErrorCode,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(code, message, details, rangeHeaders(code, details));
    this.name = 'QaError';
  }
}

/** A 416 tells the client the file's size, so it can ask again within it. */
function rangeHeaders(
  code: QaErrorCode,
  details: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  return code === 'QA_RANGE_NOT_SATISFIABLE'
    ? { 'Content-Range': `bytes */${String(details?.size ?? '*')}` }
    : {};
}
