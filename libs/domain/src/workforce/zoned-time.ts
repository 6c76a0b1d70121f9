/**
 * Wall-clock times in the center's time zone, as instants. Pure: Intl does the zone rules, so a
 * DST change moves the instants, never the wall times a schedule is written in.
 */
import { epochDay } from './calendar';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timezone, f);
  }
  return f;
}

export interface WallTime {
  /** YYYY-MM-DD */
  readonly day: string;
  /** Minutes since local midnight, 0..1439. */
  readonly minutes: number;
  readonly seconds: number;
}

/** The local calendar day and time of an instant. */
export function wallTimeOf(epochMs: number, timezone: string): WallTime {
  const p: Record<string, string> = {};
  for (const part of partsFormatter(timezone).formatToParts(epochMs)) p[part.type] = part.value;
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
    seconds: Number(p.second),
  };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(epochMs: number, timezone: string): number {
  const w = wallTimeOf(epochMs, timezone);
  const [y, m, d] = w.day.split('-').map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, 0, w.minutes, w.seconds);
  const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return asUtc - whole;
}

/**
 * The instant of a wall time: `minutes` after the local midnight that starts `day` (may exceed a
 * day: 1500 is 01:00 the next day). A time skipped by DST is moved forward by the gap; a time
 * that happens twice is its first occurrence (as Temporal's 'compatible').
 */
export function zonedInstant(day: string, minutes: number, timezone: string): number {
  const guess = epochDay(day) * DAY_MS + minutes * MINUTE_MS;
  const before = zoneOffsetMs(guess - DAY_MS, timezone);
  const after = zoneOffsetMs(guess + DAY_MS, timezone);
  const target = wallKey(guess);
  const valid = [guess - before, guess - after].filter(
    (t) => wallKey(t + zoneOffsetMs(t, timezone)) === target,
  );
  return valid.length > 0 ? Math.min(...valid) : guess - before;
}

function wallKey(asUtc: number): number {
  return Math.floor(asUtc / MINUTE_MS);
}

/** 'HH:MM' → minutes since midnight; '24:00' is accepted as the end of the day. */
export function parseTimeOfDay(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  if (hhmm === '24:00') return 1440;
  throw new Error(`a time of day is HH:MM (00:00-23:59), got "${hhmm}"`);
}

export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(value);
}
