import { type AgentSession, type PauseInterval } from '../outputs';
import { type DayPlan } from './schedule';

/** Attendance thresholds (考勤): every number is configuration. */
export interface AttendanceRules {
  /** Late or early by up to this is on time: late means more than 5 min (300). */
  readonly graceSeconds: number;
  /** Late or early by more than this is half a day of absence (3600: over 1 h). */
  readonly halfDayAboveSeconds: number;
  /** More than this is a day of absence (7200: over 2 h; 3600 where over 1 h is absence). */
  readonly fullDayAboveSeconds: number;
  /** More late/early incidents than this in a month is a day of absence (3). */
  readonly maxIncidentsPerMonth: number;
  /** 'once': the month's first incident past the limit is a day of absence; 'each': every one is. */
  readonly monthlyPenalty: 'once' | 'each';
  /** Still logged in this long after the logout time (or after staying late) is flagged. */
  readonly afterShiftGraceSeconds: number;
  /** Sessions and pauses within this many hours of the shift belong to it. */
  readonly sessionWindowHours: number;
}

export type DeviationClass = 'none' | 'minor' | 'half-day' | 'day';

export type AttendanceFlag =
  | 'late'
  | 'early'
  | 'late-absence'
  | 'early-absence'
  | 'no-show'
  | 'still-logged-in'
  | 'pause-over-limit'
  | 'monthly-incidents';

/** Leave or an approved exception recorded by a supervisor: turns a flag (or all) off. */
export interface AttendanceException {
  readonly agentId: string;
  readonly day: string;
  readonly flag: AttendanceFlag | 'all';
  readonly reason: string;
  readonly by: string;
}

export interface DayAttendance {
  readonly agentId: string;
  readonly day: string;
  readonly status: 'scheduled' | 'leave' | 'off';
  readonly loginDue?: number;
  readonly logoutDue?: number;
  readonly firstLoginAt?: number;
  readonly lastLogoutAt?: number;
  readonly loggedIn: boolean;
  readonly lateSeconds: number;
  readonly earlySeconds: number;
  readonly lateClass: DeviationClass;
  readonly earlyClass: DeviationClass;
  readonly overLimitPauses: number;
  readonly pauseSeconds: number;
  readonly pauseSecondsByReason: Readonly<Record<string, number>>;
  readonly flags: readonly AttendanceFlag[];
  readonly excused: readonly {
    readonly flag: AttendanceFlag;
    readonly reason: string;
    readonly by: string;
  }[];
  /** 0, 0.5 or 1 (the monthly rule may make a day 1). */
  readonly absenceDays: number;
}

/** Late or early by `seconds`, classified at the configured boundaries (all inclusive upper). */
export function classifyDeviation(seconds: number, rules: AttendanceRules): DeviationClass {
  if (seconds <= rules.graceSeconds) return 'none';
  if (seconds <= rules.halfDayAboveSeconds) return 'minor';
  if (seconds <= rules.fullDayAboveSeconds) return 'half-day';
  return 'day';
}

const ABSENCE: Readonly<Record<DeviationClass, number>> = {
  none: 0,
  minor: 0,
  'half-day': 0.5,
  day: 1,
};

export interface AttendanceInput {
  readonly plan: DayPlan;
  /** The agent's sessions around the day (the day's and its neighbours' are fine). */
  readonly sessions: readonly AgentSession[];
  readonly pauses: readonly PauseInterval[];
  readonly now: number;
  readonly rules: AttendanceRules;
  /** When the agent's staying late ended (or `now` while staying): logging in past the logout time is expected. */
  readonly stayLateUntil?: number;
  readonly exceptions?: readonly AttendanceException[];
}

/** First login and last logout against the schedule, as of `now`, with its flags. */
export function dayAttendance(input: AttendanceInput): DayAttendance {
  const { plan, rules, now } = input;
  const empty = {
    agentId: plan.agentId,
    day: plan.day,
    loggedIn: false,
    lateSeconds: 0,
    earlySeconds: 0,
    lateClass: 'none' as const,
    earlyClass: 'none' as const,
    overLimitPauses: 0,
    pauseSeconds: 0,
    pauseSecondsByReason: {},
    flags: [],
    excused: [],
    absenceDays: 0,
  };
  if (plan.kind !== 'shift') return { ...empty, status: plan.kind === 'leave' ? 'leave' : 'off' };
  const { loginAt: loginDue, logoutAt: logoutDue } = plan.shift;
  const margin = rules.sessionWindowHours * 3_600_000;
  const from = Math.min(loginDue, plan.shift.start) - margin;
  const to = Math.max(logoutDue, plan.shift.end) + margin;
  const sessions = input.sessions.filter(
    (s) => s.loginAt < to && (s.logoutAt ?? Infinity) > from && s.loginAt <= now,
  );
  const firstLoginAt = sessions.length ? Math.min(...sessions.map((s) => s.loginAt)) : undefined;
  const loggedIn = sessions.some((s) => s.logoutAt === undefined || s.logoutAt > now);
  const ends = sessions
    .map((s) => s.logoutAt)
    .filter((t): t is number => t !== undefined && t <= now);
  const lastLogoutAt = !loggedIn && ends.length ? Math.max(...ends) : undefined;

  const flags: AttendanceFlag[] = [];
  const noShow = firstLoginAt === undefined && now >= logoutDue;
  // Not yet logged in: late so far (the supervisor sees it while it grows).
  const lateSeconds = noShow
    ? 0
    : Math.max(0, ((firstLoginAt ?? Math.max(now, loginDue)) - loginDue) / 1000);
  const earlySeconds =
    lastLogoutAt !== undefined && now >= logoutDue
      ? Math.max(0, (logoutDue - lastLogoutAt) / 1000)
      : 0;
  const lateClass = classifyDeviation(lateSeconds, rules);
  const earlyClass = classifyDeviation(earlySeconds, rules);
  if (noShow) flags.push('no-show');
  if (lateClass === 'minor') flags.push('late');
  else if (lateClass !== 'none') flags.push('late-absence');
  if (earlyClass === 'minor') flags.push('early');
  else if (earlyClass !== 'none') flags.push('early-absence');
  const deadline =
    Math.max(logoutDue, input.stayLateUntil ?? 0) + rules.afterShiftGraceSeconds * 1000;
  if ((loggedIn && now > deadline) || (lastLogoutAt !== undefined && lastLogoutAt > deadline))
    flags.push('still-logged-in');

  const pauses = input.pauses.filter(
    (p) => p.startedAt >= from && p.startedAt < to && p.startedAt <= now,
  );
  const byReason: Record<string, number> = {};
  for (const p of pauses)
    byReason[p.reason] = round1(
      (byReason[p.reason] ?? 0) + ((p.endedAt ?? now) - p.startedAt) / 1000,
    );
  const overLimitPauses = pauses.filter(
    (p) => p.overLimit || (p.endedAt ?? now) - p.startedAt > p.limitSeconds * 1000,
  ).length;
  if (overLimitPauses > 0) flags.push('pause-over-limit');

  const day: DayAttendance = {
    ...empty,
    status: 'scheduled',
    loginDue,
    logoutDue,
    ...(firstLoginAt !== undefined ? { firstLoginAt } : {}),
    ...(lastLogoutAt !== undefined ? { lastLogoutAt } : {}),
    loggedIn,
    lateSeconds,
    earlySeconds,
    lateClass,
    earlyClass,
    overLimitPauses,
    pauseSeconds: round1(Object.values(byReason).reduce((s, v) => s + v, 0)),
    pauseSecondsByReason: byReason,
    flags,
  };
  return excuse(day, input.exceptions ?? []);
}

/** Removes the flags the exceptions of the day turn off, and recounts the absence. */
export function excuse(
  day: DayAttendance,
  exceptions: readonly AttendanceException[],
): DayAttendance {
  const mine = exceptions.filter((e) => e.agentId === day.agentId && e.day === day.day);
  const flags: AttendanceFlag[] = [];
  const excused = [...day.excused];
  for (const flag of day.flags) {
    const e = mine.find((x) => x.flag === flag || x.flag === 'all');
    if (e) excused.push({ flag, reason: e.reason, by: e.by });
    else flags.push(flag);
  }
  return { ...day, flags, excused, absenceDays: absenceOf(day, flags) };
}

function absenceOf(day: DayAttendance, flags: readonly AttendanceFlag[]): number {
  if (flags.includes('no-show') || flags.includes('monthly-incidents')) return 1;
  const late = flags.includes('late-absence') ? ABSENCE[day.lateClass] : 0;
  const early = flags.includes('early-absence') ? ABSENCE[day.earlyClass] : 0;
  return Math.min(1, late + early);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
