import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A validator for the JSON Schema subset the wallboard schemas use (type, const, enum,
 * properties, required, additionalProperties: false, items, string and number bounds, pattern,
 * oneOf, dependentRequired, $ref into definitions.schema.json). Enough to hold the schemas to
 * the real traffic without a validator dependency.
 */
type Schema = Record<string, unknown>;

const SCHEMA_DIR = resolve(__dirname, '../schemas');
const files = new Map<string, Schema>();

function load(file: string): Schema {
  let s = files.get(file);
  if (!s) {
    s = JSON.parse(readFileSync(resolve(SCHEMA_DIR, file), 'utf8')) as Schema;
    files.set(file, s);
  }
  return s;
}

/** Errors of `value` against the schema of a message type ('server-delta', 'client-auth' ...). */
export function schemaErrors(schemaName: string, value: unknown): string[] {
  const errors: string[] = [];
  check(load(`${schemaName}.schema.json`), value, '$', errors);
  return errors;
}

export function schemaFiles(): string[] {
  return [
    'client-auth',
    'client-subscribe',
    'client-ping',
    'server-welcome',
    'server-snapshot',
    'server-resumed',
    'server-delta',
    'server-link',
    'server-error',
    'server-pong',
  ];
}

function resolveRef(ref: string): Schema {
  const [file, pointer] = ref.split('#');
  let node: unknown = load(file!);
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = (node as Schema)[part];
  if (!node) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function check(s: Schema, v: unknown, at: string, errors: string[]): void {
  if (typeof s.$ref === 'string') return check(resolveRef(s.$ref), v, at, errors);
  if (Array.isArray(s.oneOf)) {
    const passing = (s.oneOf as Schema[]).filter((sub) => {
      const e: string[] = [];
      check(sub, v, at, e);
      return e.length === 0;
    });
    if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of oneOf`);
  }
  if ('const' in s && v !== s.const) errors.push(`${at}: must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) errors.push(`${at}: not in enum`);
  const t = typeOf(v);
  if (typeof s.type === 'string' && !(s.type === t || (s.type === 'number' && t === 'integer'))) {
    errors.push(`${at}: must be ${s.type}, is ${t}`);
    return;
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && [...v].length < s.minLength)
      errors.push(`${at}: too short`);
    if (typeof s.maxLength === 'number' && [...v].length > s.maxLength)
      errors.push(`${at}: too long`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v))
      errors.push(`${at}: pattern`);
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: below minimum`);
    if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(v) && s.items)
    v.forEach((item, i) => check(s.items as Schema, item, `${at}[${i}]`, errors));
  if (t === 'object') checkObject(s, v as Schema, at, errors);
}

function checkObject(s: Schema, v: Schema, at: string, errors: string[]): void {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  for (const key of (s.required ?? []) as string[])
    if (!(key in v)) errors.push(`${at}.${key}: required`);
  for (const [key, value] of Object.entries(v)) {
    if (props[key]) check(props[key], value, `${at}.${key}`, errors);
    else if (s.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
  }
  for (const [key, needs] of Object.entries(
    (s.dependentRequired ?? {}) as Record<string, string[]>,
  )) {
    if (key in v)
      for (const n of needs) if (!(n in v)) errors.push(`${at}.${n}: required with ${key}`);
  }
}
