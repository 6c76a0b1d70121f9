import { addDays, type SamplingWeek } from '@cti/domain';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset of `zone` from UTC at `utcMs`, in ms (via Intl, DST aware). */
function offsetMs(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utcMs);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a local wall-clock time happens in `zone` (the later one when a DST gap skips it). */
export function zonedInstant(day: string, hhmm: string, zone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, m);
  let t = naive - offsetMs(naive, zone);
  t = naive - offsetMs(t, zone);
  return t;
}

/** ISO week id (e.g. 2026-W48) of a Monday. */
export function isoWeekId(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + 3)); // the week's Thursday decides its year
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 604_800_000) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (YYYY-MM-DD) of the week a day belongs to. */
export function mondayOf(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

/**
 * The sampling week that contains `day`: Monday to Sunday in the center's zone, each day cut
 * into shifts at the configured local start times; a shift runs to the next start.
 */
export function samplingWeekOf(
  day: string,
  shiftStarts: readonly string[],
  zone: string,
): SamplingWeek {
  const monday = mondayOf(day);
  const starts = [...shiftStarts].sort();
  const slots: { id: string; start: number }[] = [];
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    for (const s of starts) slots.push({ id: `${d}T${s}`, start: zonedInstant(d, s, zone) });
  }
  const end = zonedInstant(addDays(monday, 7), starts[0]!, zone);
  return {
    id: isoWeekId(monday),
    shifts: slots.map((s, i) => ({ id: s.id, start: s.start, end: slots[i + 1]?.start ?? end })),
  };
}
