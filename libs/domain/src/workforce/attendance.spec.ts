import { type AgentSession, type PauseInterval } from '../outputs';
import {
  type AttendanceRules,
  classifyDeviation,
  dayAttendance,
  type DeviationClass,
} from './attendance';
import { planDay, type ScheduleConfig } from './schedule';
import { at, ATTENDANCE, SCHEDULE } from '../testing/workforce-fixtures';

const day = '2026-12-01';
const plan = planDay(SCHEDULE, { id: '1001' }, day);
const loginDue = at(day, '08:45');
const logoutDue = at(day, '17:30');
const s = (loginAt: number, logoutAt?: number): AgentSession => ({
  agentId: '1001',
  loginAt,
  ...(logoutAt !== undefined ? { logoutAt } : {}),
});
const end = at(day, '23:00');

const mmss = (m: number, sec = 0, h = 0) => h * 3600 + m * 60 + sec;

describe('late / early classification at every boundary', () => {
  it.each<[string, number, DeviationClass]>([
    ['0:00', 0, 'none'],
    ['4:59', mmss(4, 59), 'none'],
    ['5:00', mmss(5), 'none'],
    ['5:01', mmss(5, 1), 'minor'],
    ['59:59', mmss(59, 59), 'minor'],
    ['1:00:00', mmss(0, 0, 1), 'minor'],
    ['1:00:01', mmss(0, 1, 1), 'half-day'],
    ['1:59:59', mmss(59, 59, 1), 'half-day'],
    ['2:00:00', mmss(0, 0, 2), 'half-day'],
    ['2:00:01', mmss(0, 1, 2), 'day'],
    ['8:00:00', mmss(0, 0, 8), 'day'],
  ])('%s → %s', (_label, seconds, cls) => {
    expect(classifyDeviation(seconds, ATTENDANCE)).toBe(cls);
  });

  it('where over 1 h is a day of absence, that is configuration', () => {
    const strict: AttendanceRules = { ...ATTENDANCE, fullDayAboveSeconds: 3600 };
    expect([mmss(0, 0, 1), mmss(0, 1, 1)].map((x) => classifyDeviation(x, strict))).toEqual([
      'minor',
      'day',
    ]);
  });
});

describe('a day against the schedule (login 08:45, logout 17:30)', () => {
  it.each([
    ['on time', s(loginDue - 60_000, logoutDue + 60_000), [], 0],
    ['4:59 late is on time', s(loginDue + 299_000, logoutDue), [], 0],
    ['5:01 late', s(loginDue + 301_000, logoutDue), ['late'], 0],
    ['1:00:01 late: half a day', s(loginDue + 3_601_000, logoutDue), ['late-absence'], 0.5],
    ['2:00:01 late: a day', s(loginDue + 7_201_000, logoutDue), ['late-absence'], 1],
    ['left 5:01 early', s(loginDue, logoutDue - 301_000), ['early'], 0],
    ['left 1:00:01 early', s(loginDue, logoutDue - 3_601_000), ['early-absence'], 0.5],
    ['forgot to log out', s(loginDue), ['still-logged-in'], 0],
  ])('%s', (_name, session, flags, absence) => {
    const a = dayAttendance({ plan, sessions: [session], pauses: [], now: end, rules: ATTENDANCE });
    expect(a.flags).toEqual(flags);
    expect(a.absenceDays).toBe(absence);
  });

  it('half a day late and half a day early is a day', () => {
    const a = dayAttendance({
      plan,
      sessions: [s(loginDue + 5_400_000, logoutDue - 5_400_000)],
      pauses: [],
      now: end,
      rules: ATTENDANCE,
    });
    expect([a.lateClass, a.earlyClass, a.absenceDays]).toEqual(['half-day', 'half-day', 1]);
  });

  it('first login and last logout across a lunch logout; the lunch is not early leaving', () => {
    const sessions = [s(loginDue, at(day, '12:00')), s(at(day, '13:00'), logoutDue + 120_000)];
    const a = dayAttendance({ plan, sessions, pauses: [], now: end, rules: ATTENDANCE });
    expect([a.firstLoginAt, a.lastLogoutAt, a.flags]).toEqual([loginDue, logoutDue + 120_000, []]);
    const atLunch = dayAttendance({
      plan,
      sessions: [sessions[0]!],
      pauses: [],
      now: at(day, '12:30'),
      rules: ATTENDANCE,
    });
    expect([atLunch.loggedIn, atLunch.earlySeconds, atLunch.flags]).toEqual([false, 0, []]);
  });

  it('not logged in yet: late so far, live; never logged in: a day of absence', () => {
    const running = dayAttendance({
      plan,
      sessions: [],
      pauses: [],
      now: loginDue + 600_000,
      rules: ATTENDANCE,
    });
    expect([running.lateSeconds, running.flags]).toEqual([600, ['late']]);
    const none = dayAttendance({ plan, sessions: [], pauses: [], now: end, rules: ATTENDANCE });
    expect([none.flags, none.absenceDays]).toEqual([['no-show'], 1]);
  });

  it('still logged in: flagged past logout + grace, or past the end of staying late + grace', () => {
    const open = [s(loginDue)];
    const judge = (now: number, stayLateUntil?: number) =>
      dayAttendance({ plan, sessions: open, pauses: [], now, rules: ATTENDANCE, stayLateUntil })
        .flags;
    expect(judge(logoutDue + 600_000)).toEqual([]);
    expect(judge(logoutDue + 600_001)).toEqual(['still-logged-in']);
    expect(judge(logoutDue + 1_800_000, logoutDue + 1_500_000)).toEqual([]);
    expect(judge(logoutDue + 2_200_000, logoutDue + 1_500_000)).toEqual(['still-logged-in']);
  });

  it('pauses over the limit are counted, pause time summed by reason', () => {
    const p = (reason: string, from: string, minutes: number, limit = 900): PauseInterval => ({
      agentId: '1001',
      reason,
      startedAt: at(day, from),
      endedAt: at(day, from) + minutes * 60_000,
      limitSeconds: limit,
      overLimit: minutes * 60 > limit,
    });
    const a = dayAttendance({
      plan,
      sessions: [s(loginDue, logoutDue)],
      pauses: [p('示忙', '10:00', 10), p('示忙', '15:00', 16), p('lunch', '12:00', 50, 3600)],
      now: end,
      rules: ATTENDANCE,
    });
    expect([a.overLimitPauses, a.pauseSecondsByReason, a.pauseSeconds, a.flags]).toEqual([
      1,
      { 示忙: 1560, lunch: 3000 },
      4560,
      ['pause-over-limit'],
    ]);
  });

  it('leave and approved exceptions turn flags off, with the reason kept', () => {
    const leave: ScheduleConfig = {
      ...SCHEDULE,
      overrides: [{ day, agentId: '1001', kind: 'leave', reason: '事假' }],
    };
    expect(
      dayAttendance({
        plan: planDay(leave, { id: '1001' }, day),
        sessions: [],
        pauses: [],
        now: end,
        rules: ATTENDANCE,
      }),
    ).toMatchObject({ status: 'leave', flags: [], absenceDays: 0 });
    const excused = dayAttendance({
      plan,
      sessions: [s(loginDue + 3_700_000)],
      pauses: [],
      now: end,
      rules: ATTENDANCE,
      exceptions: [
        { agentId: '1001', day, flag: 'late-absence', reason: '地铁故障 (证明)', by: 'sup1' },
      ],
    });
    expect([excused.flags, excused.excused, excused.absenceDays]).toEqual([
      ['still-logged-in'],
      [{ flag: 'late-absence', reason: '地铁故障 (证明)', by: 'sup1' }],
      0,
    ]);
  });
});
