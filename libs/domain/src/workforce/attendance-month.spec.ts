import { type AgentSession } from '../outputs';
import { type AttendanceException, dayAttendance } from './attendance';
import { monthAttendance } from './attendance-month';
import { planDay } from './schedule';
import { at, ATTENDANCE, SCHEDULE } from '../testing/workforce-fixtures';

/** Working days of December 2026 where the agent logs in `late` seconds after 08:45. */
function december(
  lateOn: Readonly<Record<string, number>>,
  exceptions: AttendanceException[] = [],
) {
  const days = [
    '2026-12-01',
    '2026-12-02',
    '2026-12-03',
    '2026-12-04',
    '2026-12-07',
    '2026-12-08',
    '2026-12-09',
  ];
  return days.map((day) => {
    const session: AgentSession = {
      agentId: '1001',
      loginAt: at(day, '08:45') + (lateOn[day] ?? 0) * 1000,
      logoutAt: at(day, '17:31'),
    };
    return dayAttendance({
      plan: planDay(SCHEDULE, { id: '1001' }, day),
      sessions: [session],
      pauses: [],
      now: at(day, '23:00'),
      rules: ATTENDANCE,
      exceptions,
    });
  });
}

describe('more than 3 lates in a month: a day of absence', () => {
  const four = { '2026-12-01': 400, '2026-12-02': 400, '2026-12-04': 3000, '2026-12-08': 301 };

  it('3 lates are 3 lates', () => {
    const m = monthAttendance(
      '1001',
      '2026-12',
      december({ '2026-12-01': 400, '2026-12-02': 400, '2026-12-04': 3000 }),
      ATTENDANCE,
    );
    expect([m.lates, m.incidents, m.absenceDays]).toEqual([3, 3, 0]);
  });

  it('the 4th makes its day a day of absence', () => {
    const m = monthAttendance('1001', '2026-12', december(four), ATTENDANCE);
    expect([m.lates, m.incidents, m.absenceDays, m.scheduledDays]).toEqual([4, 4, 1, 7]);
    expect(m.days.find((d) => d.day === '2026-12-08')?.flags).toEqual([
      'late',
      'monthly-incidents',
    ]);
  });

  it("'each': every incident past the limit is a day", () => {
    const m = monthAttendance('1001', '2026-12', december({ ...four, '2026-12-09': 500 }), {
      ...ATTENDANCE,
      monthlyPenalty: 'each',
    });
    expect(m.absenceDays).toBe(2);
    expect(
      monthAttendance('1001', '2026-12', december({ ...four, '2026-12-09': 500 }), ATTENDANCE)
        .absenceDays,
    ).toBe(1);
  });

  it('an excused late does not count toward the month', () => {
    const ex: AttendanceException = {
      agentId: '1001',
      day: '2026-12-02',
      flag: 'late',
      reason: '外出办事 (批准)',
      by: 'sup1',
    };
    const m = monthAttendance('1001', '2026-12', december(four, [ex]), ATTENDANCE, [ex]);
    expect([m.lates, m.incidents, m.absenceDays]).toEqual([3, 3, 0]);
  });
});
