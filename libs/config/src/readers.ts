/** Readers for the value formats of the configuration: ids, interfaces, devices, zones, dates. */
import { type Reader, text } from './schema';

export const name = text();
export const id = text({ pattern: /^[\p{L}\p{N}_.-]+$/u, expected: 'letters, digits, _ . - only' });
export const interfaceName = text({
  pattern: /^[A-Za-z][\w]*\/\S+$/,
  expected: "'Tech/resource' such as 'PJSIP/1001'",
});
const deviceBase = text({
  pattern: /^[A-Za-z][\w]*\/[^\s;]+$/,
  expected: "'Tech/resource' without ';1'/';2'",
});

export const device: Reader<string> = (c, path, value) => {
  const v = deviceBase(c, path, value);
  if (v === undefined) return undefined;
  // Channel names lose everything after their last '-' if it is hex: such a key never matches.
  if (/-[0-9a-f]+$/i.test(v)) {
    return c.fail(
      path,
      `expected a device key without the channel's '-<hex>' suffix, got ${c.show(v)}`,
    );
  }
  if (/^Local\/[^/]*\//i.test(v)) {
    return c.fail(
      path,
      `expected a device key without '/n' or other Local options, got ${c.show(v)}`,
    );
  }
  return v;
};

export const timezone: Reader<string> = (c, path, value) => {
  const v = text()(c, path, value);
  if (v === undefined) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    return c.fail(path, `expected an IANA time zone such as 'Asia/Shanghai', got ${c.show(v)}`);
  }
};

export const isoDate: Reader<string> = (c, path, value) => {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) {
      return value as string;
    }
  }
  return c.fail(path, `expected YYYY-MM-DD, got ${c.show(value)}`);
};
