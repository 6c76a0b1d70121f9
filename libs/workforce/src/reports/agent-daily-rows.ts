import { type AgentConfig, type AgentLeg } from '@cti/domain';
import { type DayAttendance, type LedgerEntry, type StayLate, stayLateMinutes } from '@cti/domain';
import { type FollowUpRecord } from '../ports/stores';
import { type AgentDailyRecord } from './report-types';

export interface AgentDayInputs {
  readonly agent: AgentConfig;
  readonly entry: LedgerEntry;
  /** The agent's legs of the work day. */
  readonly legs: readonly AgentLeg[];
  readonly attendance?: DayAttendance;
  readonly followUps: readonly FollowUpRecord[];
  readonly stay?: StayLate;
  readonly now: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The daily work record of one agent, from the day's ledger, calls, attendance and records. */
export function agentDailyRecord(i: AgentDayInputs): AgentDailyRecord {
  const legs = i.legs;
  const a = i.attendance;
  return {
    agentId: i.agent.id,
    name: i.agent.name,
    team: i.agent.team ?? null,
    day: i.entry.day,
    status: i.entry.status,
    ruleVersion: i.entry.ruleVersion,
    calls: legs.length,
    answered: legs.filter((l) => l.outcome === 'answered').length,
    inboundAnswered: legs.filter((l) => l.direction === 'inbound' && l.outcome === 'answered')
      .length,
    outboundDials: legs.filter((l) => l.direction === 'outbound').length,
    outboundAnswered: legs.filter((l) => l.direction === 'outbound' && l.outcome === 'answered')
      .length,
    effective: i.entry.effective,
    quota: i.entry.quota,
    met: i.entry.met,
    remaining: i.entry.remaining,
    talkSeconds: round1(legs.reduce((s, l) => s + l.talkSeconds, 0)),
    pauseSeconds: a?.pauseSeconds ?? 0,
    pauseSecondsByReason: a?.pauseSecondsByReason ?? {},
    overLimitPauses: a?.overLimitPauses ?? 0,
    followUpsIntent: i.followUps.filter((f) => f.kind === 'intent').length,
    followUpsDevelopable: i.followUps.filter((f) => f.kind === 'developable').length,
    firstLoginAt: a?.firstLoginAt ?? null,
    lastLogoutAt: a?.lastLogoutAt ?? null,
    lateMinutes: round1((a?.lateSeconds ?? 0) / 60),
    earlyMinutes: round1((a?.earlySeconds ?? 0) / 60),
    attendanceFlags: a?.flags ?? [],
    absenceDays: a?.absenceDays ?? 0,
    stayLateMinutes: i.stay ? stayLateMinutes(i.stay, stayedUntil(i.stay, a, i.now)) : 0,
    stayLateState: i.stay?.state ?? null,
  };
}

/** A stay nobody closed ends, for the minutes, when the agent logged out (never before the shift end). */
export function stayedUntil(stay: StayLate, a: DayAttendance | undefined, now: number): number {
  if (stay.finishedAt !== undefined || !a || a.loggedIn || a.lastLogoutAt === undefined) return now;
  return Math.max(a.lastLogoutAt, stay.shiftEnd);
}

export function teamTotals(rows: readonly AgentDailyRecord[], followUps: number) {
  const sum = (
    k: 'effective' | 'quota' | 'calls' | 'talkSeconds' | 'stayLateMinutes' | 'absenceDays',
  ) => round1(rows.reduce((s, r) => s + r[k], 0));
  return {
    agents: rows.length,
    working: rows.filter((r) => r.status === 'working').length,
    met: rows.filter((r) => r.status === 'working' && r.met).length,
    effective: sum('effective'),
    quota: sum('quota'),
    calls: sum('calls'),
    talkSeconds: sum('talkSeconds'),
    followUps,
    stayLateMinutes: sum('stayLateMinutes'),
    absenceDays: sum('absenceDays'),
  };
}
