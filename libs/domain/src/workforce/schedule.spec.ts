import {
  type DayPlan,
  planDay,
  type ScheduleConfig,
  scheduleShiftStarts,
  seasonOf,
  shiftInstants,
  workDayOf,
} from './schedule';
import { at, SCHEDULE } from '../testing/workforce-fixtures';

const H = 3_600_000;
const agent = { id: '1001', team: 'sales' };
const heating = { id: '2001', team: 'heating' };

function shiftOf(plan: DayPlan) {
  if (plan.kind !== 'shift') throw new Error(`expected a shift, got ${plan.kind}`);
  return plan;
}

describe('schedules: seasons, breaks, login/logout times', () => {
  it('winter day: 09:00-12:00 and 13:00-17:00, login 08:45, logout 17:30, 7 h of work', () => {
    const plan = shiftOf(planDay(SCHEDULE, agent, '2026-12-01'));
    expect(plan.season).toBe('winter');
    expect(plan.shift.periods).toEqual([
      { start: at('2026-12-01', '09:00'), end: at('2026-12-01', '12:00') },
      { start: at('2026-12-01', '13:00'), end: at('2026-12-01', '17:00') },
    ]);
    expect([plan.shift.loginAt, plan.shift.logoutAt]).toEqual([
      at('2026-12-01', '08:45'),
      at('2026-12-01', '17:30'),
    ]);
    expect(plan.shift.workMs).toBe(7 * H);
  });

  it('summer day: the afternoon runs 13:30-17:30', () => {
    const plan = shiftOf(planDay(SCHEDULE, agent, '2026-06-02'));
    expect(plan.season).toBe('summer');
    expect(plan.shift.periods[1]).toEqual({
      start: at('2026-06-02', '13:30'),
      end: at('2026-06-02', '17:30'),
    });
  });

  it.each([
    ['2026-04-30', 'winter'],
    ['2026-05-01', 'summer'],
    ['2026-09-30', 'summer'],
    ['2026-10-01', 'winter'],
    ['2027-01-01', 'winter'],
  ])('season switch dates are configuration: %s is %s', (day, season) => {
    expect(seasonOf(SCHEDULE.seasons, day)).toBe(season);
    expect(
      seasonOf(
        [
          { name: 'summer', from: '06-15' },
          { name: 'winter', from: '09-15' },
        ],
        '2026-06-14',
      ),
    ).toBe('winter');
    expect(seasonOf([], day)).toBe('*');
  });

  it('weekends are off; per-day overrides: agent leave beats a team change beats a center holiday', () => {
    expect(planDay(SCHEDULE, agent, '2026-12-05').kind).toBe('off');
    const config: ScheduleConfig = {
      ...SCHEDULE,
      overrides: [
        { day: '2026-12-02', kind: 'off', reason: 'holiday' },
        { day: '2026-12-02', teamId: 'sales', kind: 'work', pattern: 'summer', reason: 'campaign' },
        { day: '2026-12-02', agentId: '1001', kind: 'leave', reason: '年假' },
        {
          day: '2026-12-05',
          agentId: '1001',
          kind: 'work',
          pattern: 'winter',
          reason: 'swap with 1002',
        },
      ],
    };
    expect(planDay(config, agent, '2026-12-02')).toMatchObject({
      kind: 'leave',
      override: { reason: '年假' },
    });
    expect(shiftOf(planDay(config, { id: '1002', team: 'sales' }, '2026-12-02')).patternId).toBe(
      'summer',
    );
    expect(planDay(config, { id: '3001', team: 'support' }, '2026-12-02').kind).toBe('off');
    expect(shiftOf(planDay(config, agent, '2026-12-05')).shift.start).toBe(
      at('2026-12-05', '09:00'),
    );
  });

  it('24-hour shifts rotate from an anchor: one day on, two off; 08:00 to 08:00', () => {
    const plan = shiftOf(planDay(SCHEDULE, heating, '2026-11-02'));
    expect([plan.shift.start, plan.shift.end, plan.shift.workMs]).toEqual([
      at('2026-11-02', '08:00'),
      at('2026-11-03', '08:00'),
      24 * H,
    ]);
    expect([plan.shift.loginAt, plan.shift.logoutAt]).toEqual([
      at('2026-11-02', '07:45'),
      at('2026-11-03', '08:15'),
    ]);
    expect(
      ['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-01'].map(
        (d) => planDay(SCHEDULE, heating, d).kind,
      ),
    ).toEqual(['off', 'off', 'shift', 'off']);
  });

  it('a 24-hour shift over a DST change lasts 23 or 25 real hours; a period over the gap loses one', () => {
    const berlin = { ...SCHEDULE, timezone: 'Europe/Berlin' };
    const spring = shiftInstants(SCHEDULE.patterns['24h']!, '2026-03-28', 'Europe/Berlin');
    const autumn = shiftInstants(SCHEDULE.patterns['24h']!, '2026-10-24', 'Europe/Berlin');
    expect([spring.workMs, autumn.workMs]).toEqual([23 * H, 25 * H]);
    expect(spring.end).toBe(at('2026-03-29', '08:00', 0, 'Europe/Berlin'));
    const night = shiftInstants(
      { periods: [{ start: '01:00', end: '05:00' }] },
      '2026-03-29',
      berlin.timezone,
    );
    expect(night.workMs).toBe(3 * H);
  });

  it('a night shift: login before midnight, logout after; defaults to the periods', () => {
    const night = shiftInstants(
      { periods: [{ start: '00:00', end: '06:00' }], login: '23:45', logout: '06:15' },
      '2026-12-01',
      'Asia/Shanghai',
    );
    expect(night.loginAt).toBe(at('2026-11-30', '23:45'));
    expect(night.logoutAt).toBe(at('2026-12-01', '06:15'));
    const plain = shiftInstants(
      {
        periods: [
          { start: '22:00', end: '02:00' },
          { start: '02:30', end: '06:00' },
        ],
      },
      '2026-12-01',
      'Asia/Shanghai',
    );
    expect([plain.loginAt, plain.logoutAt, plain.workMs]).toEqual([
      at('2026-12-01', '22:00'),
      at('2026-12-02', '06:00'),
      7.5 * H,
    ]);
  });
});

describe('work day of a call', () => {
  it('a day shift: the calendar day of the answer, even for a call ended after midnight', () => {
    expect(workDayOf(SCHEDULE, agent, at('2026-12-01', '23:59', 59))).toBe('2026-12-01');
    expect(workDayOf(SCHEDULE, agent, at('2026-12-02', '00:00', 1))).toBe('2026-12-02');
  });

  it('a 24-hour shift keeps its night and the stay-late hours after it, up to the claim', () => {
    expect(workDayOf(SCHEDULE, heating, at('2026-11-03', '03:00'))).toBe('2026-11-02');
    expect(workDayOf(SCHEDULE, heating, at('2026-11-03', '13:59', 59))).toBe('2026-11-02');
    expect(workDayOf(SCHEDULE, heating, at('2026-11-03', '14:00'))).toBe('2026-11-03');
  });

  it('the claim stops where the next shift begins', () => {
    const daily: ScheduleConfig = {
      ...SCHEDULE,
      teams: { heating: { kind: 'rotation', anchor: '2026-11-02', cycle: ['24h'] } },
    };
    expect(workDayOf(daily, heating, at('2026-11-03', '07:44', 59))).toBe('2026-11-02');
    expect(workDayOf(daily, heating, at('2026-11-03', '07:45'))).toBe('2026-11-03');
  });
});

describe('shift starts of a schedule (the default QA sampling shifts)', () => {
  it("lists each pattern's first start once, in order", () => {
    const night = { periods: [{ start: '21:00', end: '05:00' }] };
    expect(scheduleShiftStarts({ ...SCHEDULE, patterns: { ...SCHEDULE.patterns, night } })).toEqual(
      [...new Set(Object.values(SCHEDULE.patterns).map((p) => p.periods[0].start)), '21:00'].sort(),
    );
  });
});
