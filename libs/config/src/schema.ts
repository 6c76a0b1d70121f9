/**
 * Small hand-written schema helpers: every check records its problem and goes on, so one
 * validation pass reports every problem of a configuration, each with its path.
 */

export interface ConfigIssue {
  /** e.g. 'agents[2].hireDate' ('' = the whole document). */
  path: string;
  message: string;
}

/** Collects issues; formats offending values for messages without ever showing the secret. */
export class Checker {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly secret?: string) {}

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  /** A value as shown in a message: strings quoted and shortened, objects by their type. */
  show(value: unknown): string {
    if (typeof value === 'string') {
      if (this.secret && value.includes(this.secret)) return "'***'";
      const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return `'${short}'`;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      return this.secret && String(value).includes(this.secret) ? '***' : String(value);
    }
    return kindOf(value);
  }
}

export type Reader<T> = (c: Checker, path: string, value: unknown) => T | undefined;

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Appends a key or index to a path: `a.b`, `a[2]`, `a['odd key']`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[\p{L}\p{N}_$]+$/u.test(key)) return `${path}['${key}']`;
  return path ? `${path}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Levenshtein distance, for 'did you mean' hints on misspelt keys. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return prev[b.length];
}

/** A plain object with only the given keys (unknown keys are reported, not fatal). */
export function object(
  c: Checker,
  path: string,
  value: unknown,
  keys: readonly string[],
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) {
    return c.fail(path || '(root)', `expected an object, got ${kindOf(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (keys.includes(key)) continue;
    const near = keys.find((k) => distance(k, key) <= Math.max(1, Math.floor(k.length / 4)));
    const hint = near ? ` (did you mean '${near}'?)` : ` (known keys: ${keys.join(', ')})`;
    c.fail(at(path, key), `unknown key${hint}`);
  }
  return value;
}

/**
 * Reads `obj[key]`: absent (or null) gives `fallback` (an issue first if `required`); an
 * invalid value gives an issue and `fallback`. The fallback of a required field is only a
 * placeholder: validation throws before it can be used.
 */
export function field<T>(
  c: Checker,
  obj: Record<string, unknown>,
  path: string,
  key: string,
  read: Reader<T>,
  fallback: T,
  required = false,
): T {
  const value = obj[key];
  const p = at(path, key);
  if (value === undefined || value === null) {
    if (required) c.fail(p, 'is required');
    return fallback;
  }
  const result = read(c, p, value);
  return result === undefined ? fallback : result;
}

/** Like `field` for optional values without a default. */
export function optional<T>(
  c: Checker,
  obj: Record<string, unknown>,
  path: string,
  key: string,
  read: Reader<T>,
): T | undefined {
  const value = obj[key];
  return value === undefined || value === null ? undefined : read(c, at(path, key), value);
}

export function text(
  opts: { pattern?: RegExp; expected?: string; hideValue?: boolean } = {},
): Reader<string> {
  return (c, path, value) => {
    if (typeof value !== 'string') {
      const got = opts.hideValue ? kindOf(value) : `${kindOf(value)} ${c.show(value)}`;
      const hint = typeof value === 'number' ? ` (quote it: '${c.show(value)}')` : '';
      return c.fail(path, `expected a string, got ${got}${opts.hideValue ? '' : hint}`);
    }
    if (value.trim() === '') return c.fail(path, 'must not be empty');
    if (opts.pattern && !opts.pattern.test(value)) {
      return c.fail(path, `expected ${opts.expected ?? opts.pattern.source}, got ${c.show(value)}`);
    }
    return value;
  };
}

export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Reader<number> {
  return (c, path, value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return c.fail(path, `expected an integer, got ${kindOf(value)} ${c.show(value)}`);
    }
    if (!Number.isInteger(value)) return c.fail(path, `expected an integer, got ${c.show(value)}`);
    if (value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`;
      return c.fail(path, `expected an integer ${range}, got ${c.show(value)}`);
    }
    return value;
  };
}

export const boolean: Reader<boolean> = (c, path, value) =>
  typeof value === 'boolean' ? value : c.fail(path, `expected true or false, got ${c.show(value)}`);

export function oneOf<T extends string>(values: readonly T[]): Reader<T> {
  return (c, path, value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : c.fail(
          path,
          `expected one of ${values.map((v) => `'${v}'`).join(', ')}, got ${c.show(value)}`,
        );
}

/** A list; invalid items are reported and dropped. `unique` reports repeated items. */
export function list<T>(
  item: Reader<T>,
  opts: { nonEmpty?: boolean; unique?: boolean } = {},
): Reader<T[]> {
  return (c, path, value) => {
    if (!Array.isArray(value)) return c.fail(path, `expected a list, got ${kindOf(value)}`);
    if (opts.nonEmpty && value.length === 0) return c.fail(path, 'must not be empty');
    const out: T[] = [];
    value.forEach((v: unknown, i) => {
      const r = item(c, at(path, i), v);
      if (r === undefined) return;
      if (opts.unique && out.includes(r)) c.fail(at(path, i), `duplicate ${c.show(r)}`);
      else out.push(r);
    });
    return out;
  };
}

/** A map from free-form keys to values. */
export function record<T>(item: Reader<T>): Reader<Record<string, T>> {
  return (c, path, value) => {
    if (!isPlainObject(value)) return c.fail(path, `expected a map, got ${kindOf(value)}`);
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.trim() === '') c.fail(path, 'keys must not be empty');
      const r = item(c, at(path, k), v);
      if (r !== undefined) out[k] = r;
    }
    return out;
  };
}
