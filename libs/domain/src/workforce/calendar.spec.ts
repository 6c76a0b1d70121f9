import {
  addDays,
  daySpanProblem,
  daysOfMonth,
  eachDay,
  epochDay,
  isIsoDay,
  isoWeekday,
  parseDay,
  parseMonth,
} from './calendar';

/** Date's own view of a day, for years where Date reads it correctly (>= 100). */
const viaDate = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every 13th day of the supported span, and a step that visits every distance up to ±800. */
const sampledDays = Array.from({ length: Math.floor(365_243 / 13) }, (_, i) =>
  viaDate('2000-01-01', i * 13),
);

describe('parseDay and parseMonth', () => {
  it('accept real days and months of the supported span', () => {
    expect(parseDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDay('2999-12-31')).toEqual({ ok: true, value: '2999-12-31' });
    expect(parseMonth('2026-12')).toEqual({ ok: true, value: '2026-12' });
  });

  it.each([
    ['0000-01-01', 'year 0000 does not exist'],
    ['2026-13-01', 'month 13 does not exist'],
    ['2026-02-30', '2026-02-30 does not exist (2026-02 has 28 days)'],
    ['2026-04-31', '2026-04 has 30 days'],
    ['0000-00-00', 'year 0000 does not exist'],
    ['0001-01-01', 'outside the supported days 2000-01-01 to 2999-12-31'],
    ['9999-12-31', 'outside the supported days'],
    ['2026-3-1', 'must be a date YYYY-MM-DD'],
    ['-000001-12-31', 'must be a date YYYY-MM-DD'],
    ['2026-03-10T00:00:00Z', 'must be a date YYYY-MM-DD'],
  ])('refuses day %s: %s', (text, problem) => {
    const parsed = parseDay(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });

  it.each([
    ['0000-01', 'year 0000 does not exist'],
    ['0000-06', 'year 0000 does not exist'],
    ['2026-13', 'month 13 does not exist'],
    ['2026-00', 'month 00 does not exist'],
    ['0001-01', 'outside the supported days'],
    ['2026-1', 'must be a month YYYY-MM'],
  ])('refuses month %s: %s', (text, problem) => {
    const parsed = parseMonth(text);
    expect(!parsed.ok && parsed.problem).toContain(problem);
  });

  it('refuses anything that is not text', () => {
    for (const v of [undefined, null, 20260310, ['2026-03-10'], { day: '2026-03-10' }])
      expect(parseDay(v).ok || parseMonth(v).ok).toBe(false);
  });

  it('never throws, whatever the text', () => {
    const texts = [
      '',
      '\u0000',
      '２０２６-０１-０１',
      '2026-01-01\n',
      'x'.repeat(100_000),
      '1e300',
    ];
    for (const t of texts) expect(parseDay(t).ok || parseMonth(t).ok).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('agrees with Date over the supported days', () => {
    sampledDays.forEach((day, i) => {
      const n = (i % 1601) - 800;
      if (addDays(day, n) !== viaDate(day, n)) expect(`${day} + ${n}`).toBe(viaDate(day, n));
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
      if (isoWeekday(day) !== weekday) expect(`${day}: ${isoWeekday(day)}`).toBe(weekday);
    });
    expect(sampledDays.at(-1)! > '2999-12-01').toBe(true);
  });

  it('stays exact for years Date reads as 19xx, and refuses to leave years 0001-9999', () => {
    expect(addDays('0001-01-01', 365)).toBe('0002-01-01');
    expect(epochDay('0001-01-01')).toBe(-719_162);
    // The old addDays wrote '-000001-12-31' here, which sorts after every real day: an endless loop.
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', 1)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 1e300)).toThrow(RangeError);
  });

  it('lists the days of a month and of a span, bounded', () => {
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(() => daysOfMonth('0000-06')).toThrow(RangeError);
    expect(eachDay('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(eachDay('2026-01-02', '2026-01-01')).toEqual([]);
    expect(() => eachDay('2000-01-01', '2999-12-31')).toThrow(RangeError);
    expect(eachDay('2026-01-01', '2026-12-31', 366)).toHaveLength(365);
  });

  it('names a span that is out of order or too long', () => {
    expect(daySpanProblem('2026-01-01', '2026-12-31', 366)).toBeUndefined();
    expect(daySpanProblem('2026-01-02', '2026-01-01', 366)).toBe('2026-01-01 is before 2026-01-02');
    expect(daySpanProblem('2026-01-01', '2027-06-01', 366)).toBe(
      'at most 366 days at once (asked for 517)',
    );
  });

  it('knows real days in any year 0001-9999', () => {
    expect(['0001-01-01', '2024-02-29', '9999-12-31'].every(isIsoDay)).toBe(true);
    expect(['0000-01-01', '2023-02-29', '2026-13-01', 2026].some(isIsoDay)).toBe(false);
  });
});
