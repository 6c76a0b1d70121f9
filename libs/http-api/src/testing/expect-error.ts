import { type Response } from 'supertest';
import { type ErrorCode } from '../errors/error-codes';

/** Asserts an error response: status, stable code, JSON shape, no stack, not cacheable. */
export function expectError(res: Response, status: number, code: ErrorCode): void {
  if (res.status !== status || (res.body as { code?: string }).code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  const body = res.body as Record<string, unknown>;
  const keys = Object.keys(body).sort();
  if (!(keys.join() === 'code,message' || keys.join() === 'code,details,message')) {
    throw new Error(`unexpected error body keys: ${keys.join()}`);
  }
  if (typeof body.message !== 'string' || /\bat .*\(.*:\d+:\d+\)/.test(res.text)) {
    throw new Error(`error body has no message or shows a stack: ${res.text}`);
  }
  if (res.headers['cache-control'] !== 'no-store') throw new Error('error response is cacheable');
}

/** The fields a VALIDATION_FAILED response names. */
export function invalidFields(res: Response): string[] {
  const details = (res.body as { details?: { fields?: { field: string }[] } }).details;
  return (details?.fields ?? []).map((f) => f.field).sort();
}
