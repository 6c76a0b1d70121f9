import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { ApiError, writeErrorResponse } from '@cti/http-api';
import { QaStoreConflict } from '../ports/qa-store.port';
import { LifecycleError, ScoringError } from '@cti/domain';

/** The domain's QA errors as API errors; their codes are in the one registry. */
function toQaApiError(error: ApiError | LifecycleError | ScoringError | QaStoreConflict): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof LifecycleError)
    return new ApiError(error.code, error.code.toLowerCase().replace(/_/g, ' '));
  if (error instanceof ScoringError)
    return new ApiError(error.code, 'answers cannot be scored', { problems: error.problems });
  return new ApiError('QA_CONFLICT', error.message);
}

/**
 * The QA routes' errors as `{ code, message, details? }`: nothing else (no stack, path, SQL or
 * phone number in a body). Errors of other kinds reach the app's own filter.
 */
@Catch(ApiError, LifecycleError, ScoringError, QaStoreConflict)
export class QaErrorFilter implements ExceptionFilter {
  catch(
    error: ApiError | LifecycleError | ScoringError | QaStoreConflict,
    host: ArgumentsHost,
  ): void {
    writeErrorResponse(host.switchToHttp().getResponse<ServerResponse>(), toQaApiError(error));
  }
}
