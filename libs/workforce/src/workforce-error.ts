import { ApiError } from '@cti/http-api';

/** The quota day's codes: a subset of the API's closed vocabulary (body `{ code, message, details? }`). */
export type WorkforceErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION_FAILED' | 'CONFLICT' | 'UNAVAILABLE';

/** An error meant for the client (the API's error filter answers it); it holds no customer data. */
export class WorkforceError extends ApiError {
  constructor(
    override readonly code: WorkforceErrorCode,
    message: string,
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(code, message, details);
    this.name = 'WorkforceError';
  }
}

/** A 400 listing every problem ('field: problem' lines grouped by field, as the API's validation does). */
export function invalidInput(problems: readonly string[]): WorkforceError {
  const fields = new Map<string, string[]>();
  for (const p of problems) {
    const cut = p.indexOf(': ');
    const field = cut > 0 ? p.slice(0, cut) : 'body';
    fields.set(field, [...(fields.get(field) ?? []), cut > 0 ? p.slice(cut + 2) : p]);
  }
  return new WorkforceError('VALIDATION_FAILED', `invalid request: ${problems.join('; ')}`, {
    fields: [...fields].map(([field, list]) => ({ field, problems: list })),
  });
}
