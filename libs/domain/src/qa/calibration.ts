import { compareText } from './compare';
import { round2, type ScoreResult } from './scoring';

export interface CalibrationScore {
  readonly reviewerId: string;
  readonly result: ScoreResult;
}

export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly range: number;
  /** Population standard deviation. */
  readonly stdDev: number;
}

export interface CalibrationReport {
  readonly recordingId: string;
  readonly reviewers: readonly string[];
  readonly total: Spread;
  /** Reviewers disagree on whether a critical item failed the call. */
  readonly criticalDisagreement: boolean;
  /** Per item, on the 0-100 scale of value/max; items some reviewer marked n/a keep the others. */
  readonly items: readonly (Spread & {
    readonly itemId: string;
    readonly failedBy: number;
    readonly scoredBy: number;
  })[];
  /** The total's range is within the tolerance and the critical verdicts agree. */
  readonly consistent: boolean;
}

/**
 * How far apart several reviewers' scores of one call are: the calibration session's report.
 * Scores of different scorecard versions cannot be compared and are refused.
 */
export function calibrationSpread(
  recordingId: string,
  scores: readonly CalibrationScore[],
  toleranceRange = 10,
): CalibrationReport {
  if (scores.length === 0) throw new RangeError('calibration needs at least one score');
  const first = scores[0]!.result;
  if (
    scores.some(
      (s) =>
        s.result.scorecardId !== first.scorecardId ||
        s.result.scorecardVersion !== first.scorecardVersion,
    )
  ) {
    throw new RangeError('calibration scores must use the same scorecard version');
  }
  const sorted = [...scores].sort((a, b) => compareText(a.reviewerId, b.reviewerId));
  const total = spread(sorted.map((s) => s.result.total));
  const criticalVerdicts = new Set(sorted.map((s) => s.result.criticalFail));
  const items = first.items.map((template) => {
    const values: number[] = [];
    let failedBy = 0;
    for (const s of sorted) {
      const item = s.result.items.find((i) => i.itemId === template.itemId);
      if (item?.fraction === null || item === undefined) continue;
      values.push(item.fraction * 100);
      if (item.failed) failedBy++;
    }
    const sp = values.length ? spread(values) : { min: 0, max: 0, mean: 0, range: 0, stdDev: 0 };
    return { itemId: template.itemId, ...sp, failedBy, scoredBy: values.length };
  });
  const criticalDisagreement = criticalVerdicts.size > 1;
  return {
    recordingId,
    reviewers: sorted.map((s) => s.reviewerId),
    total,
    criticalDisagreement,
    items,
    consistent: !criticalDisagreement && total.range <= toleranceRange,
  };
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return {
    min: round2(min),
    max: round2(max),
    mean: round2(mean),
    range: round2(max - min),
    stdDev: round2(Math.sqrt(variance)),
  };
}
