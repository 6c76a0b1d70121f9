/** A tiny reader for untrusted configuration: collects every problem instead of stopping at one. */
export type Raw = Readonly<Record<string, unknown>>;

export class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  /** An object with only the given keys (unknown keys are typos: reported). */
  object(path: string, raw: unknown, keys: readonly string[]): Raw | undefined {
    if (raw === undefined || raw === null) return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.fail(path, 'must be a mapping');
      return undefined;
    }
    for (const k of Object.keys(raw))
      if (!keys.includes(k))
        this.fail(`${path}.${k}`, `is not a setting (expected one of ${keys.join(', ')})`);
    return raw as Raw;
  }

  list(path: string, raw: unknown): unknown[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.fail(path, 'must be a list');
      return [];
    }
    return raw;
  }

  record(path: string, raw: unknown): [string, unknown][] {
    const o = this.object(path, raw, Object.keys((raw as Raw | null) ?? {}));
    return o ? Object.entries(o) : [];
  }

  int(
    path: string,
    raw: unknown,
    fallback: number,
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
  ): number {
    if (raw === undefined || raw === null) return fallback;
    if (!Number.isInteger(raw) || (raw as number) < min || (raw as number) > max) {
      this.fail(
        path,
        `must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
      );
      return fallback;
    }
    return raw as number;
  }

  bool(path: string, raw: unknown, fallback: boolean): boolean {
    if (raw === undefined || raw === null) return fallback;
    if (typeof raw !== 'boolean') {
      this.fail(path, 'must be true or false');
      return fallback;
    }
    return raw;
  }

  text(
    path: string,
    raw: unknown,
    fallback?: string,
    test?: (s: string) => boolean,
    what = 'text',
  ): string {
    if (raw === undefined || raw === null || raw === '') {
      if (fallback === undefined) this.fail(path, 'is required');
      return fallback ?? '';
    }
    if (typeof raw !== 'string' || (test && !test(raw))) {
      this.fail(path, `must be ${what}`);
      return fallback ?? '';
    }
    return raw;
  }

  oneOf<T extends string>(path: string, raw: unknown, values: readonly T[], fallback?: T): T {
    if ((raw === undefined || raw === null) && fallback !== undefined) return fallback;
    if (!values.includes(raw as T)) {
      this.fail(path, `must be one of ${values.join(', ')}`);
      return fallback ?? values[0]!;
    }
    return raw as T;
  }
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isTimezone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}
