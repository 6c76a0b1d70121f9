import { compareText } from './compare';
import { round2 } from './scoring';

/** One scored call as the summaries see it (amended totals already applied). */
export interface EvaluationFact {
  readonly evaluationId: string;
  readonly recordingId: string;
  readonly agentId: string;
  readonly teamId?: string;
  readonly scorecardId: string;
  readonly scorecardVersion: number;
  readonly total: number;
  readonly criticalFail: boolean;
  /** Calibration copies are compared, not counted: only the primary score enters summaries. */
  readonly calibration: boolean;
  readonly items: readonly {
    readonly itemId: string;
    readonly text: string;
    readonly critical: boolean;
    /** 0..1, null when not applicable. */
    readonly fraction: number | null;
    readonly failed: boolean;
  }[];
}

/** Lower bounds of the score bands: [0,60) [60,70) [70,80) [80,90) [90,100]. */
export const DEFAULT_BANDS: readonly number[] = [0, 60, 70, 80, 90];

export interface ScoreGroup {
  readonly key: string;
  readonly evaluations: number;
  readonly average: number;
  readonly min: number;
  readonly max: number;
  /** Count per band, aligned with `bands`. */
  readonly distribution: readonly number[];
  readonly criticalFails: number;
}

export interface ItemSummary {
  readonly scorecardId: string;
  readonly itemId: string;
  readonly text: string;
  readonly critical: boolean;
  /** Times the item was applicable. */
  readonly scored: number;
  /** Average of value/max, 0-100. */
  readonly average: number;
  readonly failures: number;
  /** failures / scored, 0-1 (4 decimals). */
  readonly failRate: number;
}

export interface MonthlySummary {
  readonly month: string;
  readonly bands: readonly number[];
  readonly overall: ScoreGroup;
  readonly perAgent: readonly (ScoreGroup & { readonly teamId?: string })[];
  readonly perTeam: readonly ScoreGroup[];
  readonly perItem: readonly ItemSummary[];
  /** Items failing most often: what trainers should work on, worst first. */
  readonly trainingNeeds: readonly ItemSummary[];
}

export interface SummaryOptions {
  readonly bands?: readonly number[];
  /** Items scored fewer times are not ranked as training needs (too little evidence). */
  readonly minScoredForTraining?: number;
  readonly trainingNeedsTop?: number;
}

const NO_TEAM = '(no team)';

export function monthlySummary(
  month: string,
  facts: readonly EvaluationFact[],
  options: SummaryOptions = {},
): MonthlySummary {
  const bands = options.bands ?? DEFAULT_BANDS;
  const counted = facts.filter((f) => !f.calibration);
  const perAgent = groupScores(counted, (f) => f.agentId, bands).map((g) => {
    const teamId = counted.find((f) => f.agentId === g.key)?.teamId;
    return teamId === undefined ? g : { ...g, teamId };
  });
  const perTeam = groupScores(counted, (f) => f.teamId ?? NO_TEAM, bands);
  const perItem = itemSummaries(counted);
  const minScored = options.minScoredForTraining ?? 3;
  const trainingNeeds = perItem
    .filter((i) => i.failures > 0 && i.scored >= minScored)
    .sort(
      (a, b) =>
        b.failRate - a.failRate || b.failures - a.failures || compareText(a.itemId, b.itemId),
    )
    .slice(0, options.trainingNeedsTop ?? 10);
  return {
    month,
    bands,
    overall: scoreGroup('all', counted, bands),
    perAgent,
    perTeam,
    perItem,
    trainingNeeds,
  };
}

export function bandOf(total: number, bands: readonly number[]): number {
  let index = 0;
  bands.forEach((lower, i) => {
    if (total >= lower) index = i;
  });
  return index;
}

function groupScores(
  facts: readonly EvaluationFact[],
  key: (f: EvaluationFact) => string,
  bands: readonly number[],
): ScoreGroup[] {
  const groups = new Map<string, EvaluationFact[]>();
  for (const f of facts) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, list]) => scoreGroup(k, list, bands));
}

function scoreGroup(
  key: string,
  facts: readonly EvaluationFact[],
  bands: readonly number[],
): ScoreGroup {
  const distribution = bands.map(() => 0);
  for (const f of facts) distribution[bandOf(f.total, bands)]!++;
  const totals = facts.map((f) => f.total);
  return {
    key,
    evaluations: facts.length,
    average: facts.length ? round2(totals.reduce((a, b) => a + b, 0) / facts.length) : 0,
    min: facts.length ? Math.min(...totals) : 0,
    max: facts.length ? Math.max(...totals) : 0,
    distribution,
    criticalFails: facts.filter((f) => f.criticalFail).length,
  };
}

function itemSummaries(facts: readonly EvaluationFact[]): ItemSummary[] {
  const acc = new Map<
    string,
    {
      scorecardId: string;
      itemId: string;
      text: string;
      critical: boolean;
      scored: number;
      sum: number;
      failures: number;
    }
  >();
  for (const f of facts) {
    for (const item of f.items) {
      if (item.fraction === null) continue;
      const k = JSON.stringify([f.scorecardId, item.itemId]);
      const a = acc.get(k) ?? {
        scorecardId: f.scorecardId,
        itemId: item.itemId,
        text: item.text,
        critical: item.critical,
        scored: 0,
        sum: 0,
        failures: 0,
      };
      a.scored++;
      a.sum += item.fraction;
      if (item.failed) a.failures++;
      acc.set(k, a);
    }
  }
  return [...acc.values()]
    .sort((a, b) => compareText(a.scorecardId, b.scorecardId) || compareText(a.itemId, b.itemId))
    .map((a) => ({
      scorecardId: a.scorecardId,
      itemId: a.itemId,
      text: a.text,
      critical: a.critical,
      scored: a.scored,
      average: round2((a.sum / a.scored) * 100),
      failures: a.failures,
      failRate: Math.round((a.failures / a.scored) * 10_000) / 10_000,
    }));
}

export interface CoverageRow {
  readonly agentId: string;
  readonly picked: number;
  readonly scored: number;
  readonly required: number;
  readonly met: boolean;
  readonly shiftsWorked: number;
  readonly shiftsCovered: number;
  readonly note?: string;
}

/** Weekly coverage: picks and scores per agent against the minimum, worked shifts covered. */
export function weeklyCoverage(
  agents: readonly {
    readonly agentId: string;
    readonly picked: number;
    readonly scored: number;
    readonly shiftsWorked: number;
    readonly shiftsCovered: number;
    readonly note?: string;
  }[],
  required: number,
): CoverageRow[] {
  return [...agents]
    .sort((a, b) => compareText(a.agentId, b.agentId))
    .map((a) => ({ ...a, required, met: a.picked >= required }));
}
