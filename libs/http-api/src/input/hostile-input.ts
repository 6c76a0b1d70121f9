import { type NestExpressApplication } from '@nestjs/platform-express';
import { type FieldProblem, invalid } from '../errors/api-error';

/** Deepest nesting a body or query may have: far above any real request, far below a stack. */
export const MAX_INPUT_DEPTH = 32;
/** Largest JSON or form body (bigger: 413). */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Keys that name Object.prototype members (`__proto__`, `constructor`, `toString`, …): no field
 * of the API is called so, and merged into an object they reach every object's prototype.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

const refusedKey = (key: string) => `key "${key}" is not allowed`;
// PostgreSQL text cannot hold U+0000: refused at the edge, not found out by a failing query.
const NUL_PROBLEM = 'text may not contain the NUL character (U+0000)';

/** What makes a parsed body or query hostile (too deep, a prototype key), or undefined. */
export function inputShapeProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH): string | undefined {
  // An explicit stack, not recursion: the depth being checked is the attacker's choice.
  const pending: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string' && value.includes('\u0000')) return NUL_PROBLEM;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
    for (const [key, child] of Object.entries(value)) {
      if (PROTOTYPE_KEYS.has(key)) return refusedKey(key);
      if (key.includes('\u0000')) return NUL_PROBLEM;
      pending.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Prototype keys in the raw query string (`?constructor=1`, `?a[__proto__]=1`): the query parser
 * drops some of them silently, so they are looked for before it, in every bracket or dot part.
 */
export function queryKeyProblem(url: string): string | undefined {
  const at = url.indexOf('?');
  if (at < 0) return undefined;
  for (const key of new URLSearchParams(url.slice(at + 1)).keys()) {
    const part = key.split(/[[\].]+/).find((p) => PROTOTYPE_KEYS.has(p));
    if (part !== undefined) return refusedKey(part);
  }
  return undefined;
}

/** A NUL in the path (`%00`, or raw): it would reach a route parameter, and then a query. */
export function pathProblem(url: string): string | undefined {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  return /%00|\u0000/i.test(path) ? NUL_PROBLEM : undefined;
}

interface ParsedRequest {
  readonly originalUrl?: string;
  readonly url?: string;
  readonly body?: unknown;
  readonly query?: unknown;
}

/** Express middleware, after the body parsers: a hostile body or query is a 400 before any route. */
export function refuseHostileInput(
  req: ParsedRequest,
  _res: unknown,
  next: (error?: unknown) => void,
): void {
  const url = req.originalUrl ?? req.url ?? '';
  const path = pathProblem(url);
  const query = queryKeyProblem(url) ?? inputShapeProblem(req.query);
  const body = inputShapeProblem(req.body);
  const fields: FieldProblem[] = [
    ...(path !== undefined ? [{ field: 'path', problems: [path] }] : []),
    ...(query !== undefined ? [{ field: 'query', problems: [query] }] : []),
    ...(body !== undefined ? [{ field: 'body', problems: [body] }] : []),
  ];
  next(fields.length > 0 ? invalid(fields) : undefined);
}

/**
 * The app's body parsers with their limits, then the hostile-input check. Call before `listen`,
 * on an app created with `bodyParser: false` (so these are the only parsers).
 */
export function applyInputLimits(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: true });
  app.use(refuseHostileInput);
}
