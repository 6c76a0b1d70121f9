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
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}
