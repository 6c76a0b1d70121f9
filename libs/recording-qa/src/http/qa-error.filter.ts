import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { type ServerResponse } from 'node:http';
import { QaError } from '../qa-errors';
import { QaStoreConflict } from '../ports/qa-store.port';
import { LifecycleError, ScoringError } from '@cti/domain';

/**
 * One mapping from the lib's errors to HTTP: a stable `error_id`, a short message, nothing
 * else (no stack, path, SQL or phone number in a body, D11).
 */
@Catch(QaError, LifecycleError, ScoringError, QaStoreConflict)
export class QaErrorFilter implements ExceptionFilter {
  catch(
    error: QaError | LifecycleError | ScoringError | QaStoreConflict,
    host: ArgumentsHost,
  ): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    let status: number;
    let body: Record<string, unknown>;
    if (error instanceof QaError) {
      status = error.status;
      body = { error_id: error.code, message: error.message };
      if (error.code === 'QA_RANGE_NOT_SATISFIABLE')
        res.setHeader('Content-Range', `bytes */${String(error.details?.size ?? '*')}`);
    } else if (error instanceof LifecycleError) {
      status = error.code === 'QA_NOT_OWN_EVALUATION' ? 404 : 409;
      body = { error_id: error.code, message: error.code.toLowerCase().replace(/_/g, ' ') };
    } else if (error instanceof ScoringError) {
      status = 400;
      body = {
        error_id: error.code,
        message: 'answers cannot be scored',
        problems: error.problems,
      };
    } else {
      status = 409;
      body = { error_id: 'QA_CONFLICT', message: error.message };
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  }
}
