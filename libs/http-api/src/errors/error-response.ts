import { type ServerResponse } from 'node:http';
import { type ApiError } from './api-error';

/**
 * Writes an error as `{ code, message, details? }` with its status and headers, never cached.
 * A response already under way (a stream that failed midway) can only be cut: a second status
 * line would corrupt it.
 */
export function writeErrorResponse(res: ServerResponse, error: ApiError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = error.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.end(JSON.stringify(error.body));
}
