/** The working shift the alerts judge against: one shift for the whole center, for now. */
export interface ShiftOptions {
  /** Local time 'HH:MM' in `timezone`; a shift may cross midnight (start after end). */
  readonly start: string;
  readonly end: string;
  readonly timezone: string;
  /** Part of the shift after which an agent far behind quota raises an alert (default 0.75). */
  readonly lateFraction?: number;
  /** Far behind: fewer effective calls than this part of the quota (default 0.5). */
  readonly behindRatio?: number;
  /** Minutes after the end before a still logged-in agent raises an alert (default 10). */
  readonly afterShiftGraceMinutes?: number;
}

/** The current (or last) shift, as instants. */
export interface ShiftWindow {
  readonly startedAt: number;
  readonly endsAt: number;
  /** From here an agent far behind quota is alerted. */
  readonly lateFrom: number;
  /** From here an agent still logged in is alerted. */
  readonly afterShiftFrom: number;
  readonly behindRatio: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The most recent shift that started at or before `now`. */
export function shiftWindow(options: ShiftOptions, now: number): ShiftWindow {
  const startMs = timeOfDayMs(options.start);
  const length = (timeOfDayMs(options.end) - startMs + DAY_MS) % DAY_MS || DAY_MS;
  // Local midnight from the wall clock's time of day; off by the DST shift on change days only.
  let startedAt = now - localTimeOfDayMs(now, options.timezone) + startMs;
  if (startedAt > now) startedAt -= DAY_MS;
  const endsAt = startedAt + length;
  return {
    startedAt,
    endsAt,
    lateFrom: startedAt + Math.round(length * (options.lateFraction ?? 0.75)),
    afterShiftFrom: endsAt + (options.afterShiftGraceMinutes ?? 10) * 60_000,
    behindRatio: options.behindRatio ?? 0.5,
  };
}

function timeOfDayMs(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`shift times are HH:MM, got "${hhmm}"`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

function localTimeOfDayMs(now: number, timezone: string): number {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, f);
  }
  let h = 0;
  let m = 0;
  let s = 0;
  for (const part of f.formatToParts(now)) {
    if (part.type === 'hour') h = Number(part.value);
    else if (part.type === 'minute') m = Number(part.value);
    else if (part.type === 'second') s = Number(part.value);
  }
  return ((h * 60 + m) * 60 + s) * 1000 + (((now % 1000) + 1000) % 1000);
}
