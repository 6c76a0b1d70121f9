import type { RawManagerObject } from 'asterisk-manager';

/** One AMI frame (event or response) as it leaves libs/ami. Raw library objects never do. */
export interface AmiMessage {
  /** Event name as sent (e.g. 'QueueMemberStatus'); for responses the Response value. */
  readonly name: string;
  /** Lower-cased key -> first value. */
  readonly fields: Readonly<Record<string, string>>;
  /**
   * Only keys with several values, and variable-like keys (variable, chanvariable,
   * <prefix>chanvariable, output) even when single: every value in order, as
   * 'name=value' for variable-like keys.
   */
  readonly repeated: Readonly<Record<string, readonly string[]>>;
  /** Epoch ms from the injected clock when the frame was handed over. */
  readonly receivedAt: number;
}

const NO_REPEATED: Readonly<Record<string, readonly string[]>> = Object.freeze({});

/** Keys whose values are always exposed in `repeated`, so their shape does not depend on count. */
function isVariableLike(key: string): boolean {
  return (
    key === 'variable' || key === 'output' || (key.length >= 12 && key.endsWith('chanvariable')) // chanvariable, destchanvariable, ...
  );
}

/**
 * Converts what asterisk-manager emits into an AmiMessage. Runs once per frame: plain
 * string values (the overwhelming majority) take a single assignment.
 * Limits inherited from the library: for `variable`/`chanvariable` it keeps one value per
 * variable name (last wins) and JS orders integer-like names first.
 */
export function fromManagerObject(raw: RawManagerObject, receivedAt: number): AmiMessage {
  if (isPlain(raw)) {
    // Every value a single string: the frame object is ours alone after the emit, so it is
    // handed on as is instead of being copied (this is the common case, on the hot path).
    return {
      name: messageName(raw),
      fields: raw as Record<string, string>,
      repeated: NO_REPEATED,
      receivedAt,
    };
  }
  const fields: Record<string, string> = {};
  let repeated: Record<string, string[]> | undefined;
  for (const key in raw) {
    const value = raw[key];
    if (typeof value === 'string') {
      fields[key] = value;
      if (isVariableLike(key)) (repeated ??= {})[key] = [value];
    } else if (Array.isArray(value)) {
      // The library only builds arrays for repeated keys; copy so the raw object stays private.
      fields[key] = value[0] ?? '';
      (repeated ??= {})[key] = value.slice();
    } else if (value !== null && typeof value === 'object') {
      const values = variableObjectValues(value, key === 'variable' && isVarSet(raw));
      fields[key] = values[0] ?? '';
      (repeated ??= {})[key] = values;
    }
  }
  return { name: messageName(raw), fields, repeated: repeated ?? NO_REPEATED, receivedAt };
}

function isPlain(raw: RawManagerObject): boolean {
  for (const key in raw) if (typeof raw[key] !== 'string' || isVariableLike(key)) return false;
  return true;
}

/** {name: value} back to 'name=value' lines. VarSet's `Variable: NAME` had no '=' to split on. */
function variableObjectValues(vars: Record<string, string>, isVarSetName: boolean): string[] {
  const values: string[] = [];
  for (const name in vars) {
    const value = vars[name];
    values.push(isVarSetName && value === '' ? name : `${name}=${value}`);
  }
  return values;
}

function isVarSet(raw: RawManagerObject): boolean {
  return raw.event === 'VarSet';
}

function messageName(raw: RawManagerObject): string {
  const name = raw.event ?? raw.response;
  if (typeof name === 'string') return name;
  return Array.isArray(name) ? (name[0] ?? '') : '';
}

/** `Timestamp: 1795818512.781593` (epoch seconds, µs) -> epoch ms as a float. */
export function timestampMs(msg: AmiMessage): number | undefined {
  const text = msg.fields.timestamp;
  if (text === undefined || text === '') return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
