/**
 * Calendar days (`YYYY-MM-DD`) and months (`YYYY-MM`): the one parser every route and rule uses,
 * and day arithmetic on whole day numbers, so no input can yield a malformed day, an endless
 * loop or a year the rest of the product cannot write.
 */

/** Days the product works with: a request outside them is refused, not computed. */
export const FIRST_SUPPORTED_DAY = '2000-01-01';
export const LAST_SUPPORTED_DAY = '2999-12-31';

/** Longest span of days one request may cover (a year, leap day included). */
export const MAX_DAY_SPAN = 366;
/** Longest span a report may cover (a year and the weeks around it). */
export const MAX_REPORT_DAY_SPAN = 400;

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const FIRST_YEAR = Number(FIRST_SUPPORTED_DAY.slice(0, 4));
const LAST_YEAR = Number(LAST_SUPPORTED_DAY.slice(0, 4));

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Why a written month is not a month of the calendar, or undefined when it is one. */
function monthProblem(y: number, m: number): string | undefined {
  if (y < 1) return `year ${pad(y, 4)} does not exist (the calendar starts at year 0001)`;
  if (m < 1 || m > 12) return `month ${pad(m, 2)} does not exist (months are 01 to 12)`;
  return undefined;
}

function rangeProblem(y: number, what: string): string | undefined {
  return y < FIRST_YEAR || y > LAST_YEAR
    ? `${what} is outside the supported days ${FIRST_SUPPORTED_DAY} to ${LAST_SUPPORTED_DAY}`
    : undefined;
}

/** A day of the calendar within the supported days, or why not (a sentence for a 400). */
export function parseDay(text: unknown): Parsed<string> {
  const m = typeof text === 'string' ? DAY.exec(text) : null;
  if (!m) return { ok: false, problem: 'must be a date YYYY-MM-DD' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const problem =
    monthProblem(y, mo) ??
    (d < 1 || d > monthLength(y, mo)
      ? `${text as string} does not exist (${m[1]}-${m[2]} has ${monthLength(y, mo)} days)`
      : undefined) ??
    rangeProblem(y, text as string);
  return problem === undefined ? { ok: true, value: text as string } : { ok: false, problem };
}

/** A month of the calendar within the supported days, or why not. */
export function parseMonth(text: unknown): Parsed<string> {
  const m = typeof text === 'string' ? MONTH.exec(text) : null;
  if (!m) return { ok: false, problem: 'must be a month YYYY-MM' };
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const problem = monthProblem(y, mo) ?? rangeProblem(y, text as string);
  return problem === undefined ? { ok: true, value: text as string } : { ok: false, problem };
}

/** Whether `[from, to]` is a span of at most `maxDays` days in order, or why not. */
export function daySpanProblem(from: string, to: string, maxDays: number): string | undefined {
  const days = epochDay(to) - epochDay(from) + 1;
  if (days < 1) return `${to} is before ${from}`;
  return days > maxDays ? `at most ${maxDays} days at once (asked for ${days})` : undefined;
}

/** A real calendar day written YYYY-MM-DD, any year 0001-9999 (configuration, history). */
export function isIsoDay(value: unknown): value is string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return monthProblem(y, mo) === undefined && d >= 1 && d <= monthLength(y, mo);
}

/**
 * Days since 1970-01-01 of a calendar day (proleptic Gregorian; H. Hinnant's days_from_civil).
 * Plain integer arithmetic: no Date, so years below 100 are not read as 19xx.
 */
export function epochDay(day: string): number {
  if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  const [y0, m, d] = day.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar day of a day number (civil_from_days); years outside 0001-9999 are refused. */
function dayOfNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1 || y > 9999) throw new RangeError(`day number ${n} is outside years 0001-9999`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return dayOfNumber(epochDay(day) + n);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: string): number {
  return ((((epochDay(day) + 3) % 7) + 7) % 7) + 1;
}

/** Every day of a month ('YYYY-MM'), in order. */
export function daysOfMonth(month: string): string[] {
  const first = `${month}-01`;
  if (!isIsoDay(first)) throw new RangeError(`not a month: ${JSON.stringify(month)}`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: monthLength(y, m) }, (_, i) => `${month}-${pad(i + 1, 2)}`);
}

/** Every day from `from` to `to`, both included; a span over `maxDays` is refused, never looped. */
export function eachDay(from: string, to: string, maxDays = MAX_REPORT_DAY_SPAN): string[] {
  const start = epochDay(from);
  const count = epochDay(to) - start + 1;
  if (count > maxDays) throw new RangeError(`${from}..${to} spans more than ${maxDays} days`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => dayOfNumber(start + i));
}
