import { compareText } from './compare';
import { SeededRandom, subSeed } from './prng';
import {
  type AgentSamplingStatus,
  type AgentShiftReport,
  type CandidateCall,
  type SamplePick,
  type SamplingRules,
  type SamplingWeek,
  type ShiftDraw,
  type ShiftDrawInput,
  type ShiftSlot,
} from './sampling-types';

/**
 * One shift's draw. Per agent: at least `minPerWorkedShift` of the shift's own judgeable calls
 * (every worked shift covered), and as many as the weekly minimum still needs spread over the
 * agent's remaining shifts (catch-up, from any unpicked call of the week so far). The agent's
 * random stream depends only on seed, week, shift and agent, and candidates are put in a
 * canonical order first: the same inputs in any order give the same picks.
 */
export function drawShift(input: ShiftDrawInput): ShiftDraw {
  const { week, rules } = input;
  const index = week.shifts.findIndex((s) => s.id === input.shiftId);
  if (index < 0) throw new RangeError(`shift ${input.shiftId} is not in week ${week.id}`);
  validateRules(rules);
  const shift = week.shifts[index]!;
  const weekStart = week.shifts[0]!.start;
  const pickedIds = new Set(input.previousPicks.map(candidateKey));
  const judgeable = canonicalCalls(input.calls).filter(
    (c) => isJudgeable(c, rules) && c.answeredAt >= weekStart && c.answeredAt < shift.end,
  );
  const byAgent = groupBy(judgeable, (c) => c.agentId);
  const agents = [...new Set([...byAgent.keys(), ...input.workedAgents])].sort();
  const worked = new Set(input.workedAgents);
  const picks: SamplePick[] = [];
  const reports: AgentShiftReport[] = [];
  for (const agentId of agents) {
    const calls = byAgent.get(agentId) ?? [];
    const open = calls.filter((c) => !pickedIds.has(candidateKey(c)));
    const inShift = open.filter((c) => c.answeredAt >= shift.start);
    const earlier = open.filter((c) => c.answeredAt < shift.start);
    const pickedBefore = input.previousPicks.filter((p) => p.agentId === agentId).length;
    const need = Math.max(0, rules.minPerWeek - pickedBefore);
    const workedHere = worked.has(agentId) || calls.some((c) => c.answeredAt >= shift.start);
    const here = workedHere || isScheduled(week, agentId, shift.id);
    const after = shiftsAfter(week, agentId, index);
    const base = workedHere && inShift.length > 0 ? rules.minPerWorkedShift : 0;
    // Spread what is still needed over the agent's remaining shifts; the agent's last shift (or
    // the week's last draw, for overtime) takes all of it, reaching back to earlier calls.
    const spreadTarget = here
      ? after === 0
        ? need
        : Math.ceil(need / (after + 1))
      : after === 0
        ? need
        : 0;
    const target = Math.max(base, spreadTarget);
    const rng = new SeededRandom(subSeed(input.seed, week.id, shift.id, agentId));
    const fromShift = rng.sample(inShift, target);
    const fromEarlier = rng.sample(earlier, target - fromShift.length);
    for (const c of fromShift) picks.push(pickOf(c, shift.id, shift.id, false));
    for (const c of fromEarlier) picks.push(pickOf(c, shift.id, shiftOf(week, c.answeredAt), true));
    const pickedThisShift = fromShift.length + fromEarlier.length;
    const pickedThisWeek = pickedBefore + pickedThisShift;
    const status = statusOf(pickedThisWeek, rules.minPerWeek, after);
    reports.push({
      agentId,
      pickedThisShift,
      pickedThisWeek,
      required: rules.minPerWeek,
      eligibleThisWeek: calls.length,
      status,
      shiftUncovered: workedHere && !calls.some((c) => c.answeredAt >= shift.start),
      note: noteFor(agentId, status, calls.length, pickedThisWeek, rules.minPerWeek),
    });
  }
  picks.sort(
    (a, b) =>
      compareText(a.agentId, b.agentId) ||
      a.answeredAt - b.answeredAt ||
      compareText(a.recordingId, b.recordingId),
  );
  return { weekId: week.id, shiftId: shift.id, seed: input.seed, picks, agents: reports };
}

export interface WeekDrawInput {
  readonly seed: string;
  readonly week: SamplingWeek;
  readonly rules: SamplingRules;
  readonly calls: readonly CandidateCall[];
  /** Agents logged in per shift id. */
  readonly worked: Readonly<Record<string, readonly string[]>>;
}

/** Every shift of the week drawn in order, each seeing the picks before it: what the service does live. */
export function drawWeek(input: WeekDrawInput): ShiftDraw[] {
  const draws: ShiftDraw[] = [];
  const previousPicks: SamplePick[] = [];
  for (const shift of input.week.shifts) {
    const draw = drawShift({
      seed: input.seed,
      week: input.week,
      shiftId: shift.id,
      rules: input.rules,
      calls: input.calls,
      previousPicks,
      workedAgents: input.worked[shift.id] ?? [],
    });
    draws.push(draw);
    previousPicks.push(...draw.picks);
  }
  return draws;
}

export function isJudgeable(c: CandidateCall, rules: SamplingRules): boolean {
  return c.answered && c.recorded && c.talkSeconds >= rules.minTalkSeconds;
}

export function validateRules(rules: SamplingRules): void {
  const ok = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;
  if (!ok(rules.minPerWeek, 0) || !ok(rules.minPerWorkedShift, 0) || !(rules.minTalkSeconds >= 0)) {
    throw new RangeError(
      'sampling rules: minPerWeek and minPerWorkedShift are whole numbers >= 0, minTalkSeconds >= 0',
    );
  }
}

/** The id of the week's shift an instant falls in (the nearest earlier one between shifts). */
export function shiftOf(week: SamplingWeek, at: number): string {
  let found: ShiftSlot = week.shifts[0]!;
  for (const s of week.shifts) if (s.start <= at) found = s;
  return found.id;
}

function isScheduled(week: SamplingWeek, agentId: string, shiftId: string): boolean {
  return week.schedule?.[agentId]?.includes(shiftId) ?? false;
}

/** The agent's shifts after `index`: scheduled ones when a schedule exists, else all left in the week. */
function shiftsAfter(week: SamplingWeek, agentId: string, index: number): number {
  const later = week.shifts.slice(index + 1);
  const scheduled = week.schedule?.[agentId];
  if (!week.schedule) return later.length;
  if (!scheduled) return 0;
  const own = new Set(scheduled);
  return later.filter((s) => own.has(s.id)).length;
}

function statusOf(picked: number, required: number, shiftsLeft: number): AgentSamplingStatus {
  if (picked >= required) return 'met';
  return shiftsLeft === 0 ? 'too-few-calls' : 'on-track';
}

function noteFor(
  agentId: string,
  status: AgentSamplingStatus,
  eligible: number,
  picked: number,
  required: number,
): string | undefined {
  if (status !== 'too-few-calls') return undefined;
  return `${agentId}: only ${eligible} judgeable recorded call(s) this week, ${picked} sampled; ${required} required`;
}

/** A recording can be a candidate of several agents (a transferred call): one per agent. */
export function candidateKey(c: {
  readonly agentId: string;
  readonly recordingId: string;
}): string {
  return JSON.stringify([c.agentId, c.recordingId]);
}

function pickOf(
  c: CandidateCall,
  shiftId: string,
  callShiftId: string,
  catchUp: boolean,
): SamplePick {
  return {
    recordingId: c.recordingId,
    agentId: c.agentId,
    ...(c.teamId !== undefined ? { teamId: c.teamId } : {}),
    shiftId,
    callShiftId,
    answeredAt: c.answeredAt,
    catchUp,
  };
}

/** Sorted by time then ids, duplicates dropped: input order never matters. */
function canonicalCalls(calls: readonly CandidateCall[]): CandidateCall[] {
  const sorted = [...calls].sort(
    (a, b) =>
      a.answeredAt - b.answeredAt ||
      compareText(a.recordingId, b.recordingId) ||
      compareText(a.agentId, b.agentId),
  );
  const seen = new Set<string>();
  return sorted.filter((c) => !seen.has(candidateKey(c)) && seen.add(candidateKey(c)));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
