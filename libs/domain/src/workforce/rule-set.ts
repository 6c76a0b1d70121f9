import { type CountedDirection } from '../call-center-config';
import { daysBetween } from '../local-day';
import { isIsoDay } from './calendar';

/**
 * The quota day's rules as of a date. A change is a new version effective from a day: days before
 * it keep the version they were judged under, so recomputing a past day gives the same result.
 */
export interface WorkforceRuleSet {
  readonly version: string;
  /** First local day (YYYY-MM-DD) the version applies to. */
  readonly effectiveFrom: string;
  readonly effective: {
    readonly minTalkSeconds: number;
    readonly directions: readonly CountedDirection[];
    readonly uniqueNumberPerAgentDay: boolean;
  };
  readonly quota: {
    readonly default: number;
    readonly newHire: number;
    /** Calendar days since hire under which the new-hire quota applies. */
    readonly newHireDays: number;
    /** Team rules: replace the default and/or new-hire quota for a team's agents. */
    readonly byTeam?: Readonly<
      Record<string, { readonly default?: number; readonly newHire?: number }>
    >;
    /** Per-agent quotas (工号 → quota): win over every other rule. */
    readonly byAgent?: Readonly<Record<string, number>>;
  };
}

export interface QuotaAgent {
  readonly id: string;
  readonly team?: string;
  readonly hireDate: string;
  /** The agent's own quota from the call-center configuration. */
  readonly quota?: number;
}

/** The version in force on `day`: the latest one effective on or before it. */
export function ruleSetFor(
  sets: readonly WorkforceRuleSet[],
  day: string,
): WorkforceRuleSet | undefined {
  let found: WorkforceRuleSet | undefined;
  for (const s of sets)
    if (s.effectiveFrom <= day && (!found || s.effectiveFrom > found.effectiveFrom)) found = s;
  return found;
}

/** Quota by precedence: the rule set's per-agent quota, the agent's own, the team rule, the default. */
export function quotaUnder(rules: WorkforceRuleSet, agent: QuotaAgent, day: string): number {
  const own = rules.quota.byAgent?.[agent.id];
  if (own !== undefined) return own;
  if (agent.quota !== undefined) return agent.quota;
  const team = agent.team !== undefined ? rules.quota.byTeam?.[agent.team] : undefined;
  const newHire = daysBetween(agent.hireDate, day) < rules.quota.newHireDays;
  return newHire ? (team?.newHire ?? rules.quota.newHire) : (team?.default ?? rules.quota.default);
}

/** Every problem of a list of versions, as 'path: message' lines (empty when valid). */
export function ruleSetProblems(sets: readonly WorkforceRuleSet[], path = 'ruleSets'): string[] {
  const problems: string[] = [];
  const versions = new Set<string>();
  const dates = new Set<string>();
  sets.forEach((s, i) => {
    const at = `${path}[${i}]`;
    if (!s.version) problems.push(`${at}.version: is required`);
    else if (versions.has(s.version)) problems.push(`${at}.version: '${s.version}' is used twice`);
    versions.add(s.version);
    if (!isIsoDay(s.effectiveFrom)) problems.push(`${at}.effectiveFrom: must be a date YYYY-MM-DD`);
    else if (dates.has(s.effectiveFrom))
      problems.push(`${at}.effectiveFrom: two versions start on ${s.effectiveFrom}`);
    dates.add(s.effectiveFrom);
    const count = (v: unknown, p: string) => {
      if (!Number.isInteger(v) || (v as number) < 0)
        problems.push(`${at}.${p}: must be a whole number ≥ 0`);
    };
    count(s.effective.minTalkSeconds, 'effective.minTalkSeconds');
    if (s.effective.directions.length === 0)
      problems.push(`${at}.effective.directions: must not be empty`);
    for (const d of s.effective.directions)
      if (d !== 'inbound' && d !== 'outbound')
        problems.push(`${at}.effective.directions: '${String(d)}' is not inbound or outbound`);
    count(s.quota.default, 'quota.default');
    count(s.quota.newHire, 'quota.newHire');
    count(s.quota.newHireDays, 'quota.newHireDays');
    for (const [team, q] of Object.entries(s.quota.byTeam ?? {})) {
      if (q.default !== undefined) count(q.default, `quota.byTeam.${team}.default`);
      if (q.newHire !== undefined) count(q.newHire, `quota.byTeam.${team}.newHire`);
    }
    for (const [agent, q] of Object.entries(s.quota.byAgent ?? {}))
      count(q, `quota.byAgent.${agent}`);
  });
  return problems;
}

export type RuleChangeRefusal = 'invalid' | 'past-day' | 'version-taken' | 'date-taken';

/**
 * Adds a version, refusing what would rewrite a judged day: it must start today or later, and
 * may not replace a version that already started. Returns the new list or the refusal.
 */
export function addRuleSet(
  sets: readonly WorkforceRuleSet[],
  next: WorkforceRuleSet,
  today: string,
):
  | { readonly ok: true; readonly sets: WorkforceRuleSet[] }
  | { readonly ok: false; readonly refusal: RuleChangeRefusal; readonly problems: string[] } {
  const problems = ruleSetProblems([next], 'ruleSet');
  if (problems.length > 0) return { ok: false, refusal: 'invalid', problems };
  if (next.effectiveFrom < today)
    return {
      ok: false,
      refusal: 'past-day',
      problems: [
        `ruleSet.effectiveFrom: ${next.effectiveFrom} is before today (${today}): earlier days are never rewritten`,
      ],
    };
  if (sets.some((s) => s.version === next.version))
    return {
      ok: false,
      refusal: 'version-taken',
      problems: [`ruleSet.version: '${next.version}' exists`],
    };
  if (sets.some((s) => s.effectiveFrom === next.effectiveFrom))
    return {
      ok: false,
      refusal: 'date-taken',
      problems: [`ruleSet.effectiveFrom: a version already starts on ${next.effectiveFrom}`],
    };
  return {
    ok: true,
    sets: [...sets, next].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
  };
}
