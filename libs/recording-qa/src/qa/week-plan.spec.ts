import { isoWeekId, mondayOf, samplingWeekOf, zonedInstant } from './week-plan';

describe('sampling week plan', () => {
  it('cuts a week into local shifts in the center zone', () => {
    const w = samplingWeekOf('2026-11-27', ['20:00', '08:00'], 'Asia/Shanghai');
    expect(w.id).toBe('2026-W48');
    expect(w.shifts).toHaveLength(14);
    expect(w.shifts[0]).toEqual({
      id: '2026-11-23T08:00',
      start: Date.UTC(2026, 10, 23, 0),
      end: Date.UTC(2026, 10, 23, 12),
    });
    expect(w.shifts[13]!.end).toBe(Date.UTC(2026, 10, 30, 0));
  });

  it('follows DST: a local 08:00 is a different UTC hour across the change', () => {
    expect(zonedInstant('2026-03-27', '08:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 27, 7));
    expect(zonedInstant('2026-03-30', '08:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 30, 6));
    const w = samplingWeekOf('2026-03-29', ['00:00'], 'Europe/Berlin');
    expect(w.shifts.map((s) => (s.end - s.start) / 3_600_000)).toEqual([
      24, 24, 24, 24, 24, 24, 23,
    ]);
  });

  it('knows Mondays and ISO weeks', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(isoWeekId('2026-12-28')).toBe('2026-W53');
    expect(isoWeekId('2025-12-29')).toBe('2026-W01');
    expect(() => mondayOf('../x')).toThrow(RangeError);
  });
});
