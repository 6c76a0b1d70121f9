import { type MonthAttendance } from './attendance-month';
import { type LedgerEntry } from './quota-ledger';
import { type StayLate, stayLateMinutes } from './stay-late';

export interface MonthlyAgentRow {
  readonly agentId: string;
  readonly name: string;
  readonly team?: string;
  /** Effective calls per day of the month (days without calls are 0). */
  readonly effectiveByDay: Readonly<Record<string, number>>;
  readonly effectiveTotal: number;
  /** Days with a quota (working, not on leave). */
  readonly workingDays: number;
  readonly daysMet: number;
  /** daysMet / workingDays, 0-1 with 3 decimals; null without working days. */
  readonly quotaHitRate: number | null;
  readonly stayLateDays: number;
  readonly stayLateMinutes: number;
  readonly lates: number;
  readonly earlies: number;
  readonly noShows: number;
  readonly leaveDays: number;
  readonly overLimitPauses: number;
  readonly absenceDays: number;
  /** Average QA score of the month when QA scored the agent. */
  readonly qaAverage: number | null;
  readonly ruleVersions: readonly string[];
}

export interface MonthlyTeamRow {
  readonly team: string;
  readonly agents: number;
  readonly effectiveTotal: number;
  readonly workingDays: number;
  readonly daysMet: number;
  readonly quotaHitRate: number | null;
  readonly stayLateMinutes: number;
  readonly absenceDays: number;
  readonly qaAverage: number | null;
}

export interface MonthlyAgentInput {
  readonly agentId: string;
  readonly name: string;
  readonly team?: string;
  readonly days: readonly string[];
  readonly ledger: readonly LedgerEntry[];
  readonly stays: readonly StayLate[];
  readonly attendance: MonthAttendance;
  readonly qaScores?: readonly number[];
  readonly now: number;
}

const rate = (met: number, of: number) => (of > 0 ? Math.round((met / of) * 1000) / 1000 : null);
const avg = (xs: readonly number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null;

export function monthlyAgentRow(input: MonthlyAgentInput): MonthlyAgentRow {
  const mine = input.ledger.filter((e) => e.agentId === input.agentId);
  const byDay: Record<string, number> = {};
  for (const d of input.days) byDay[d] = mine.find((e) => e.day === d)?.effective ?? 0;
  const working = mine.filter((e) => e.status === 'working' && e.quota > 0);
  const met = working.filter((e) => e.met).length;
  const stays = input.stays.filter((s) => s.agentId === input.agentId);
  const a = input.attendance;
  return {
    agentId: input.agentId,
    name: input.name,
    ...(input.team !== undefined ? { team: input.team } : {}),
    effectiveByDay: byDay,
    effectiveTotal: Object.values(byDay).reduce((s, n) => s + n, 0),
    workingDays: working.length,
    daysMet: met,
    quotaHitRate: rate(met, working.length),
    stayLateDays: stays.length,
    stayLateMinutes: stays.reduce((s, x) => s + stayLateMinutes(x, input.now), 0),
    lates: a.lates,
    earlies: a.earlies,
    noShows: a.noShows,
    leaveDays: a.leaveDays,
    overLimitPauses: a.overLimitPauses,
    absenceDays: a.absenceDays,
    qaAverage: avg(input.qaScores ?? []),
    ruleVersions: [...new Set(mine.map((e) => e.ruleVersion))].sort(),
  };
}

/** Team totals; the QA average is over the agents' averages that exist. */
export function monthlyTeamRows(rows: readonly MonthlyAgentRow[]): MonthlyTeamRow[] {
  const teams = [...new Set(rows.map((r) => r.team ?? ''))].sort();
  return teams.map((team) => {
    const of = rows.filter((r) => (r.team ?? '') === team);
    const sum = (
      k: 'effectiveTotal' | 'workingDays' | 'daysMet' | 'stayLateMinutes' | 'absenceDays',
    ) => of.reduce((s, r) => s + r[k], 0);
    return {
      team,
      agents: of.length,
      effectiveTotal: sum('effectiveTotal'),
      workingDays: sum('workingDays'),
      daysMet: sum('daysMet'),
      quotaHitRate: rate(sum('daysMet'), sum('workingDays')),
      stayLateMinutes: sum('stayLateMinutes'),
      absenceDays: sum('absenceDays'),
      qaAverage: avg(of.map((r) => r.qaAverage).filter((q): q is number => q !== null)),
    };
  });
}
