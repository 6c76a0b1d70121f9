import { localDay } from '../local-day';
import { addDays, isoWeekday } from './calendar';
import { parseTimeOfDay, wallTimeOf, zonedInstant } from './zoned-time';

/** A working period in wall time; an end at or before the start runs into the next day. */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

/** One day's shift as written: working periods (breaks are the gaps) and system login/logout. */
export interface ShiftPattern {
  readonly periods: readonly TimeRange[];
  /** When agents must be logged in to the phone system; default: the first period's start. */
  readonly login?: string;
  /** When agents may log out; default: the last period's end. */
  readonly logout?: string;
}

/** A season starts on a calendar date (MM-DD) every year and lasts until the next one starts. */
export interface SeasonSwitch {
  readonly name: string;
  readonly from: string;
}

/** Working weekdays, with the pattern to work by season ('*' for every season). */
export interface WeeklySchedule {
  readonly kind: 'weekly';
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly workdays: readonly number[];
  readonly patterns: Readonly<Record<string, string>>;
}

/** A repeating cycle of days from an anchor date (24-hour shifts: one on, two off). */
export interface RotationSchedule {
  readonly kind: 'rotation';
  readonly anchor: string;
  /** Pattern id per day of the cycle; null is a day off. */
  readonly cycle: readonly (string | null)[];
}

export type WorkSchedule = WeeklySchedule | RotationSchedule;

/** One day changed for an agent, a team or (neither given) the whole center. */
export interface DayOverride {
  readonly day: string;
  readonly agentId?: string;
  readonly teamId?: string;
  /** leave: on leave, no quota, no attendance; off: no shift; work: this pattern instead. */
  readonly kind: 'leave' | 'off' | 'work';
  readonly pattern?: string;
  readonly reason: string;
}

export interface ScheduleConfig {
  /** IANA zone: shifts are wall times there. */
  readonly timezone: string;
  readonly patterns: Readonly<Record<string, ShiftPattern>>;
  /** Empty: one season, '*'. */
  readonly seasons: readonly SeasonSwitch[];
  readonly defaultSchedule: WorkSchedule;
  readonly teams: Readonly<Record<string, WorkSchedule>>;
  readonly agents: Readonly<Record<string, WorkSchedule>>;
  readonly overrides: readonly DayOverride[];
  /** A shift that runs past midnight keeps the calls answered up to this long after its end. */
  readonly crossMidnightClaimHours: number;
}

export interface ShiftInstants {
  readonly periods: readonly { readonly start: number; readonly end: number }[];
  readonly start: number;
  readonly end: number;
  readonly loginAt: number;
  readonly logoutAt: number;
  /** Working time: the periods without the breaks. */
  readonly workMs: number;
}

export interface ScheduledAgent {
  readonly id: string;
  readonly team?: string;
}

export type DayPlan =
  | {
      readonly kind: 'shift';
      readonly agentId: string;
      readonly day: string;
      readonly patternId: string;
      readonly season: string;
      readonly shift: ShiftInstants;
      readonly override?: DayOverride;
    }
  | {
      readonly kind: 'leave' | 'off';
      readonly agentId: string;
      readonly day: string;
      readonly override?: DayOverride;
    };

const HALF_DAY_MIN = 720;

/** The instants of a pattern worked on `day` (DST aware: a period keeps its wall times). */
export function shiftInstants(pattern: ShiftPattern, day: string, timezone: string): ShiftInstants {
  const minutes: { start: number; end: number }[] = [];
  let cursor = -Infinity;
  for (const p of pattern.periods) {
    let s = parseTimeOfDay(p.start);
    while (s < cursor) s += 1440;
    let e = parseTimeOfDay(p.end);
    while (e <= s) e += 1440;
    minutes.push({ start: s, end: e });
    cursor = e;
  }
  const first = minutes[0]!.start;
  const last = minutes[minutes.length - 1]!.end;
  // Login is the occurrence nearest the first start (08:45 before 09:00, 23:45 before a 00:00 start).
  const login = nearest(pattern.login ? parseTimeOfDay(pattern.login) : first, first);
  const logout = nearest(pattern.logout ? parseTimeOfDay(pattern.logout) : last, last);
  const at = (m: number) => zonedInstant(day, m, timezone);
  const periods = minutes.map((m) => ({ start: at(m.start), end: at(m.end) }));
  return {
    periods,
    start: periods[0]!.start,
    end: periods[periods.length - 1]!.end,
    loginAt: at(login),
    logoutAt: at(logout),
    workMs: periods.reduce((s, p) => s + (p.end - p.start), 0),
  };
}

function nearest(minute: number, anchor: number): number {
  let m = minute % 1440;
  while (m - anchor > HALF_DAY_MIN) m -= 1440;
  while (anchor - m > HALF_DAY_MIN) m += 1440;
  return m;
}

/** The season a day falls in: the last switch on or before its MM-DD, else last year's last. */
export function seasonOf(seasons: readonly SeasonSwitch[], day: string): string {
  if (seasons.length === 0) return '*';
  const sorted = [...seasons].sort((a, b) => a.from.localeCompare(b.from));
  const md = day.slice(5);
  let current = sorted[sorted.length - 1]!;
  for (const s of sorted) if (s.from <= md) current = s;
  return current.name;
}

/** The override that applies: the agent's, else the team's, else the center's. */
export function overrideFor(
  config: ScheduleConfig,
  agent: ScheduledAgent,
  day: string,
): DayOverride | undefined {
  const today = config.overrides.filter((o) => o.day === day);
  return (
    today.find((o) => o.agentId === agent.id) ??
    today.find(
      (o) => o.agentId === undefined && o.teamId !== undefined && o.teamId === agent.team,
    ) ??
    today.find((o) => o.agentId === undefined && o.teamId === undefined)
  );
}

/** What `agent` works on `day`: a shift, leave or a day off. */
export function planDay(config: ScheduleConfig, agent: ScheduledAgent, day: string): DayPlan {
  const override = overrideFor(config, agent, day);
  const season = seasonOf(config.seasons, day);
  if (override && override.kind !== 'work')
    return { kind: override.kind, agentId: agent.id, day, override };
  const schedule =
    config.agents[agent.id] ??
    (agent.team ? config.teams[agent.team] : undefined) ??
    config.defaultSchedule;
  const patternId = override?.pattern ?? scheduledPattern(schedule, season, day);
  const pattern = patternId === undefined ? undefined : config.patterns[patternId];
  if (patternId === undefined || !pattern) return { kind: 'off', agentId: agent.id, day, override };
  const shift = shiftInstants(pattern, day, config.timezone);
  return {
    kind: 'shift',
    agentId: agent.id,
    day,
    patternId,
    season,
    shift,
    ...(override ? { override } : {}),
  };
}

function scheduledPattern(schedule: WorkSchedule, season: string, day: string): string | undefined {
  if (schedule.kind === 'weekly') {
    if (!schedule.workdays.includes(isoWeekday(day))) return undefined;
    return schedule.patterns[season] ?? schedule.patterns['*'];
  }
  const n = schedule.cycle.length;
  const offset = Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${schedule.anchor}T00:00:00Z`)) / 86_400_000,
  );
  return schedule.cycle[((offset % n) + n) % n] ?? undefined;
}

/**
 * The work day an instant counts on for an agent: its calendar day, except that the part of a
 * shift past midnight (night and 24-hour shifts), and staying late after it, count on the day the
 * shift began. A day shift's call answered before midnight and ended after stays on its day,
 * since the instant judged is the answer.
 */
export function workDayOf(config: ScheduleConfig, agent: ScheduledAgent, instant: number): string {
  const calendar = localDay(instant, config.timezone);
  const previous = planDay(config, agent, addDays(calendar, -1));
  if (previous.kind !== 'shift') return calendar;
  const endsOn = wallTimeOf(previous.shift.end, config.timezone).day;
  const today = planDay(config, agent, calendar);
  // The claim never reaches into the agent's next shift.
  const claimUntil = Math.min(
    previous.shift.end + config.crossMidnightClaimHours * 3_600_000,
    today.kind === 'shift' ? Math.min(today.shift.loginAt, today.shift.start) : Infinity,
  );
  return endsOn > previous.day && instant < claimUntil ? previous.day : calendar;
}

/**
 * The local times the schedule's shifts start (each pattern's first period), distinct and
 * sorted: the default sampling shifts of QA, so every worked shift is its own draw.
 */
export function scheduleShiftStarts(config: ScheduleConfig): string[] {
  const starts = Object.values(config.patterns)
    .map((p) => p.periods[0]?.start)
    .filter((s): s is string => s !== undefined);
  return [...new Set(starts)].sort();
}
