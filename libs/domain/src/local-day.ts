/** Calendar days in the center's time zone (DST aware, via Intl). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** The local day (YYYY-MM-DD) an instant belongs to. */
export function localDay(epochMs: number, timezone: string): string {
  return formatterFor(timezone).format(epochMs);
}

/** Whole calendar days from `fromDay` to `toDay` (both YYYY-MM-DD). */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round(
    (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000,
  );
}

const HOUR_MS = 3_600_000;

/** The first instant of the local day after the one `epochMs` falls in (DST aware). */
export function nextLocalMidnight(epochMs: number, timezone: string): number {
  const today = localDay(epochMs, timezone);
  // Local midnights are 23 to 25 hours apart: step by hours from 22 h after today's UTC-based
  // estimate, then back to the exact minute the day changes.
  let probe = Date.parse(`${today}T00:00:00Z`) - 14 * HOUR_MS;
  while (localDay(probe, timezone) <= today) probe += HOUR_MS;
  let low = probe - HOUR_MS;
  let high = probe;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localDay(mid, timezone) <= today) low = mid;
    else high = mid;
  }
  return high;
}
