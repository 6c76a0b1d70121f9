import { AmiError } from './ami-error';

/** Header values; an array sends the header once per element, in order (e.g. Variable). */
export type AmiActionParams = Readonly<Record<string, string | readonly string[]>>;

const HEADER_KEY = /^[A-Za-z0-9_-]+$/;
const LINE_BREAK_OR_NUL = /[\r\n\0]/;
/** Set by AmiConnection itself; a caller-supplied ActionID would break routing. */
const RESERVED_KEYS = new Set(['action', 'actionid']);
const SECRET_KEYS = new Set(['secret', 'key']);

function invalid(message: string): AmiError {
  return new AmiError('invalid-action', `AMI action rejected: ${message}`);
}

/**
 * Serialises an action exactly (header order and case kept, repeated headers as separate
 * lines). Throws before anything is written if a name, key or value could inject headers.
 * Messages quote keys (JSON-escaped) but never values, which may be secrets.
 */
export function buildActionFrame(name: string, params: AmiActionParams, actionId: string): string {
  if (typeof name !== 'string' || !HEADER_KEY.test(name)) {
    throw invalid(`action name ${JSON.stringify(name)} must match ${HEADER_KEY}`);
  }
  let frame = `Action: ${name}\r\nActionID: ${actionId}\r\n`;
  for (const key of Object.keys(params)) {
    if (!HEADER_KEY.test(key))
      throw invalid(`${name}: header key ${JSON.stringify(key)} must match ${HEADER_KEY}`);
    if (RESERVED_KEYS.has(key.toLowerCase()))
      throw invalid(`${name}: header '${key}' is set by the connection`);
    const value = params[key];
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item !== 'string') throw invalid(`${name}: value of '${key}' is not a string`);
      if (LINE_BREAK_OR_NUL.test(item))
        throw invalid(`${name}: value of '${key}' contains CR, LF or NUL`);
      frame += `${key}: ${item}\r\n`;
    }
  }
  return `${frame}\r\n`;
}

/** For logs: the action with Secret/Key values masked. */
export function describeAction(name: string, params: AmiActionParams = {}): string {
  const parts = Object.keys(params).map((key) => {
    const value = params[key];
    const shown = SECRET_KEYS.has(key.toLowerCase()) ? '***' : JSON.stringify(value);
    return `${key}=${shown}`;
  });
  return parts.length ? `${name} ${parts.join(' ')}` : name;
}
