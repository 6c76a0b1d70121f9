import { addDays, daysOfMonth, isIsoDay, isoWeekday } from './calendar';
import { parseTimeOfDay, wallTimeOf, zonedInstant, zoneOffsetMs } from './zoned-time';

const utc = (iso: string) => Date.parse(iso);

describe('wall times in a time zone', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-30', 9 * 60, '2026-11-30T01:00:00Z'],
    ['Asia/Shanghai', '2026-11-30', 24 * 60 + 8 * 60, '2026-12-01T00:00:00Z'],
    ['Europe/Berlin', '2026-03-28', 12 * 60, '2026-03-28T11:00:00Z'],
    ['Europe/Berlin', '2026-03-29', 12 * 60, '2026-03-29T10:00:00Z'],
    // 02:30 does not exist on the spring-forward night: moved forward by the gap, to 03:30 CEST.
    ['Europe/Berlin', '2026-03-29', 2 * 60 + 30, '2026-03-29T01:30:00Z'],
    // 02:30 happens twice on the fall-back night: the first one (CEST).
    ['Europe/Berlin', '2026-10-25', 2 * 60 + 30, '2026-10-25T00:30:00Z'],
    ['Europe/Berlin', '2026-10-25', 3 * 60, '2026-10-25T02:00:00Z'],
    ['America/New_York', '2026-03-08', 2 * 60 + 30, '2026-03-08T07:30:00Z'],
    ['America/New_York', '2026-11-01', 1 * 60 + 30, '2026-11-01T05:30:00Z'],
  ])('%s %s +%i min is %s', (tz, day, minutes, iso) => {
    expect(zonedInstant(day, minutes, tz)).toBe(utc(iso));
  });

  it('reads an instant back as its local day and time, with the offset in force', () => {
    expect(wallTimeOf(utc('2026-11-30T16:30:05Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-12-01',
      minutes: 30,
      seconds: 5,
    });
    expect(zoneOffsetMs(utc('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(utc('2026-12-01T00:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
  });

  it('parses times of day and refuses the rest', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('08:45')).toBe(525);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    for (const bad of ['24:01', '8:45', '12:60', 'noon', ''])
      expect(() => parseTimeOfDay(bad)).toThrow(/HH:MM/);
  });

  it('counts calendar days, weekdays and months', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-11').at(-1)).toBe('2026-11-30');
    expect([
      isIsoDay('2026-02-29'),
      isIsoDay('2028-02-29'),
      isIsoDay('2026-13-01'),
      isIsoDay(20261201),
    ]).toEqual([false, true, false, false]);
  });
});
