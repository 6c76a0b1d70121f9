import { type AgentLeg } from '../outputs';
import { type QuotaAgent, ruleSetFor, quotaUnder, type WorkforceRuleSet } from './rule-set';
import {
  type DayPlan,
  planDay,
  type ScheduleConfig,
  type ShiftInstants,
  workDayOf,
} from './schedule';

/** The facts of a stored call the ledger judges; the stored verdict itself is not trusted. */
export type LedgerLeg = Pick<
  AgentLeg,
  | 'id'
  | 'agentId'
  | 'direction'
  | 'outcome'
  | 'answeredAt'
  | 'startedAt'
  | 'endedAt'
  | 'talkSeconds'
  | 'customerNumber'
>;

export type LedgerStatus = 'working' | 'leave' | 'off';

/** One agent's quota day: what the supervisor's page, the must-stay list and reports read. */
export interface LedgerEntry {
  readonly agentId: string;
  readonly day: string;
  readonly ruleVersion: string;
  readonly status: LedgerStatus;
  /** 0 on leave and days off: no quota that day. */
  readonly quota: number;
  readonly effective: number;
  readonly remaining: number;
  readonly met: boolean;
  /** Effective calls projected at the shift's end at the rate so far (absent before it starts). */
  readonly pace?: number;
  readonly onPace?: boolean;
  readonly shiftStart?: number;
  readonly shiftEnd?: number;
}

export interface MustStay {
  readonly agentId: string;
  readonly quota: number;
  readonly effective: number;
  readonly shortfall: number;
}

/** Thrown when a day has no rule version in force (configuration starts later). */
export class NoRuleForDayError extends Error {
  readonly code = 'NO_RULE_FOR_DAY';
  constructor(readonly day: string) {
    super(`no quota rule version is in force on ${day}`);
    this.name = 'NoRuleForDayError';
  }
}

/** The effective verdict under a rule version: answered, counted direction, talk ≥ threshold. */
export function effectiveUnder(leg: LedgerLeg, rules: WorkforceRuleSet): boolean {
  return (
    leg.outcome === 'answered' &&
    leg.answeredAt !== undefined &&
    rules.effective.directions.includes(leg.direction) &&
    leg.talkSeconds >= rules.effective.minTalkSeconds
  );
}

/** Effective calls as the rule counts them (each customer number once when it says so). */
export function countEffective(legs: readonly LedgerLeg[], rules: WorkforceRuleSet): number {
  const effective = legs.filter((l) => effectiveUnder(l, rules));
  return rules.effective.uniqueNumberPerAgentDay
    ? new Set(effective.map((l) => l.customerNumber)).size
    : effective.length;
}

/** Working time done by `now` (breaks excluded). */
export function workedMs(shift: ShiftInstants, now: number): number {
  return shift.periods.reduce(
    (s, p) => s + Math.min(Math.max(now - p.start, 0), p.end - p.start),
    0,
  );
}

/** Effective calls at the shift's end if the rate so far holds; the count itself once it ended. */
export function paceAt(effective: number, shift: ShiftInstants, now: number): number | undefined {
  if (now >= shift.end) return effective;
  const worked = workedMs(shift, now);
  if (worked <= 0) return undefined;
  return Math.floor((effective * shift.workMs) / worked);
}

export interface LedgerInput {
  readonly agent: QuotaAgent;
  readonly day: string;
  readonly rules: WorkforceRuleSet;
  readonly plan: DayPlan;
  /** The agent's legs of this work day. */
  readonly legs: readonly LedgerLeg[];
  readonly now: number;
}

export function ledgerEntry(input: LedgerInput): LedgerEntry {
  const { agent, day, rules, plan, now } = input;
  const effective = countEffective(input.legs, rules);
  const status: LedgerStatus = plan.kind === 'shift' ? 'working' : plan.kind;
  const quota = status === 'working' ? quotaUnder(rules, agent, day) : 0;
  const base = {
    agentId: agent.id,
    day,
    ruleVersion: rules.version,
    status,
    quota,
    effective,
    remaining: Math.max(0, quota - effective),
    met: effective >= quota,
  };
  if (plan.kind !== 'shift') return base;
  const pace = paceAt(effective, plan.shift, now);
  return {
    ...base,
    ...(pace !== undefined ? { pace, onPace: pace >= quota } : {}),
    shiftStart: plan.shift.start,
    shiftEnd: plan.shift.end,
  };
}

export interface DayLedgerInput {
  readonly agents: readonly QuotaAgent[];
  readonly day: string;
  readonly ruleSets: readonly WorkforceRuleSet[];
  readonly schedule: ScheduleConfig;
  /** Legs of the day and of the next (a shift past midnight claims some of those). */
  readonly legs: readonly LedgerLeg[];
  readonly now: number;
}

export interface DayLedger {
  readonly day: string;
  readonly ruleVersion: string;
  readonly entries: readonly LedgerEntry[];
}

/** The legs that count on `day` for the agent: by work day of the answer (else start) instant. */
export function legsOfWorkDay<L extends LedgerLeg>(
  schedule: ScheduleConfig,
  agent: QuotaAgent,
  day: string,
  legs: readonly L[],
): L[] {
  return legs.filter(
    (l) =>
      l.agentId === agent.id && workDayOf(schedule, agent, l.answeredAt ?? l.startedAt) === day,
  );
}

/**
 * Computes (or recomputes) a day's ledger from its stored calls under the rule version in force
 * that day: a past day gives the result it gave then, and says which version it used.
 */
export function computeDayLedger(input: DayLedgerInput): DayLedger {
  const rules = ruleSetFor(input.ruleSets, input.day);
  if (!rules) throw new NoRuleForDayError(input.day);
  const entries = input.agents.map((agent) =>
    ledgerEntry({
      agent,
      day: input.day,
      rules,
      plan: planDay(input.schedule, agent, input.day),
      // As of `now`: a call counts once it ended (a replay or a past instant sees what was known then).
      legs: legsOfWorkDay(input.schedule, agent, input.day, input.legs).filter(
        (l) => l.endedAt <= input.now,
      ),
      now: input.now,
    }),
  );
  return { day: input.day, ruleVersion: rules.version, entries };
}

/** Agents below quota on a working day, the furthest behind first. */
export function mustStayList(entries: readonly LedgerEntry[]): MustStay[] {
  return entries
    .filter((e) => e.status === 'working' && !e.met)
    .map((e) => ({
      agentId: e.agentId,
      quota: e.quota,
      effective: e.effective,
      shortfall: e.quota - e.effective,
    }))
    .sort((a, b) => b.shortfall - a.shortfall || a.agentId.localeCompare(b.agentId));
}
