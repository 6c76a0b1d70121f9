import {
  type AttendanceException,
  type AttendanceRules,
  type DayAttendance,
  excuse,
} from './attendance';

export interface MonthAttendance {
  readonly agentId: string;
  readonly month: string;
  readonly days: readonly DayAttendance[];
  readonly scheduledDays: number;
  readonly leaveDays: number;
  readonly lates: number;
  readonly earlies: number;
  /** Late and early incidents (minor ones: longer ones are absences already). */
  readonly incidents: number;
  readonly noShows: number;
  readonly stillLoggedIn: number;
  readonly overLimitPauses: number;
  readonly absenceDays: number;
}

/**
 * One agent's month: more late/early incidents than the limit make the incident that passes it a
 * day of absence (every later one too with 'each'), unless that flag is excused.
 */
export function monthAttendance(
  agentId: string,
  month: string,
  days: readonly DayAttendance[],
  rules: AttendanceRules,
  exceptions: readonly AttendanceException[] = [],
): MonthAttendance {
  const sorted = days
    .filter((d) => d.agentId === agentId && d.day.startsWith(month))
    .sort((a, b) => a.day.localeCompare(b.day));
  let incidents = 0;
  let penalised = false;
  const judged = sorted.map((d) => {
    const before = incidents;
    incidents += d.flags.filter((f) => f === 'late' || f === 'early').length;
    const passes = before <= rules.maxIncidentsPerMonth && incidents > rules.maxIncidentsPerMonth;
    const beyond = incidents > rules.maxIncidentsPerMonth && incidents > before;
    if (
      (rules.monthlyPenalty === 'once' && passes && !penalised) ||
      (rules.monthlyPenalty === 'each' && beyond)
    ) {
      penalised = true;
      return excuse({ ...d, flags: [...d.flags, 'monthly-incidents'] }, exceptions);
    }
    return d;
  });
  const count = (f: DayAttendance['flags'][number]) =>
    judged.filter((d) => d.flags.includes(f)).length;
  return {
    agentId,
    month,
    days: judged,
    scheduledDays: judged.filter((d) => d.status === 'scheduled').length,
    leaveDays: judged.filter((d) => d.status === 'leave').length,
    lates: count('late'),
    earlies: count('early'),
    incidents,
    noShows: count('no-show'),
    stillLoggedIn: count('still-logged-in'),
    overLimitPauses: judged.reduce((s, d) => s + d.overLimitPauses, 0),
    absenceDays: judged.reduce((s, d) => s + d.absenceDays, 0),
  };
}
