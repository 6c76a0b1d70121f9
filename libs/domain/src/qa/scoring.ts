import { allItems, itemFails, maxOf, type Scorecard, type ScorecardItem } from './scorecard';

/** A reviewer's answer per item: the points given (yes = 1, no = 0) or 'na'. */
export type ItemAnswer = number | 'na';

/** A remark pinned to a moment of the recording, so the agent can hear what it is about. */
export interface TimedComment {
  readonly atSeconds: number;
  readonly text: string;
  readonly itemId?: string;
}

export interface ItemResult {
  readonly itemId: string;
  readonly sectionId: string;
  readonly critical: boolean;
  /** null when not applicable. */
  readonly value: number | null;
  readonly max: number;
  /** value / max, null when not applicable. */
  readonly fraction: number | null;
  readonly failed: boolean;
}

export interface ScoreResult {
  readonly scorecardId: string;
  readonly scorecardVersion: number;
  /** 0-100, two decimals; 0 when a critical item failed. */
  readonly total: number;
  /** The weighted score before a critical failure zeroes it (shown to trainers). */
  readonly rawTotal: number;
  readonly criticalFail: boolean;
  readonly passed: boolean;
  readonly sections: readonly { readonly sectionId: string; readonly score: number | null }[];
  readonly items: readonly ItemResult[];
}

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_COMMENTS = 200;

/** Every problem with a set of answers and comments (empty when they can be scored). */
export function answerProblems(
  card: Scorecard,
  answers: Readonly<Record<string, ItemAnswer>>,
  comments: readonly TimedComment[] = [],
  durationSeconds?: number,
): string[] {
  const problems: string[] = [];
  const items = allItems(card);
  const known = new Set(items.map((i) => i.id));
  for (const key of Object.keys(answers))
    if (!known.has(key))
      problems.push(`answers.${key}: not an item of ${card.id} v${card.version}`);
  for (const item of items) {
    const a = answers[item.id];
    if (a === undefined) problems.push(`answers.${item.id}: missing`);
    else if (a === 'na') {
      if (!item.allowNa) problems.push(`answers.${item.id}: cannot be not-applicable`);
    } else if (!Number.isInteger(a) || a < 0 || a > maxOf(item))
      problems.push(`answers.${item.id}: a whole number 0..${maxOf(item)}`);
  }
  if (comments.length > MAX_COMMENTS) problems.push(`comments: at most ${MAX_COMMENTS}`);
  comments.forEach((c, i) => {
    const limit = durationSeconds ?? Number.POSITIVE_INFINITY;
    if (
      typeof c.atSeconds !== 'number' ||
      !Number.isFinite(c.atSeconds) ||
      c.atSeconds < 0 ||
      c.atSeconds > limit
    ) {
      problems.push(`comments[${i}].atSeconds: 0..${durationSeconds ?? '∞'}`);
    }
    if (typeof c.text !== 'string' || !c.text.trim() || c.text.length > MAX_COMMENT_LENGTH)
      problems.push(`comments[${i}].text: 1..${MAX_COMMENT_LENGTH} characters`);
    if (c.itemId !== undefined && !known.has(c.itemId))
      problems.push(`comments[${i}].itemId: not an item`);
  });
  return problems;
}

export class ScoringError extends Error {
  readonly code = 'QA_INVALID_ANSWERS';
  constructor(readonly problems: readonly string[]) {
    super(`answers cannot be scored: ${problems.join('; ')}`);
    this.name = 'ScoringError';
  }
}

/**
 * Weighted score: each item counts value/max times its weight within its section, each section
 * its weight within the card; not-applicable items (and sections with nothing applicable) are
 * left out of both sums. A failed critical item makes the total 0.
 */
export function scoreAnswers(
  card: Scorecard,
  answers: Readonly<Record<string, ItemAnswer>>,
): ScoreResult {
  const problems = answerProblems(card, answers);
  if (problems.length) throw new ScoringError(problems);
  const items: ItemResult[] = [];
  const sections: { sectionId: string; score: number | null }[] = [];
  let weighted = 0;
  let weights = 0;
  for (const section of card.sections) {
    let sum = 0;
    let w = 0;
    for (const item of section.items) {
      const r = itemResult(item, section.id, answers[item.id]!);
      items.push(r);
      if (r.fraction === null) continue;
      sum += r.fraction * item.weight;
      w += item.weight;
    }
    const score = w > 0 ? sum / w : null;
    sections.push({ sectionId: section.id, score: score === null ? null : round2(score * 100) });
    if (score === null) continue;
    weighted += score * section.weight;
    weights += section.weight;
  }
  const rawTotal = weights > 0 ? round2((weighted / weights) * 100) : 0;
  const criticalFail = items.some((i) => i.critical && i.failed);
  const total = criticalFail ? 0 : rawTotal;
  return {
    scorecardId: card.id,
    scorecardVersion: card.version,
    total,
    rawTotal,
    criticalFail,
    passed: !criticalFail && total >= card.passMark,
    sections,
    items,
  };
}

function itemResult(item: ScorecardItem, sectionId: string, answer: ItemAnswer): ItemResult {
  const max = maxOf(item);
  if (answer === 'na')
    return {
      itemId: item.id,
      sectionId,
      critical: item.critical === true,
      value: null,
      max,
      fraction: null,
      failed: false,
    };
  return {
    itemId: item.id,
    sectionId,
    critical: item.critical === true,
    value: answer,
    max,
    fraction: answer / max,
    failed: itemFails(item, answer),
  };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
