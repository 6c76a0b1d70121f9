import { compareText } from './compare';
import { SeededRandom, subSeed } from './prng';

export interface QaReviewer {
  readonly id: string;
  /** Set when the reviewer also takes calls: never given their own. */
  readonly agentId?: string;
  /** Teams the reviewer may review; all teams when absent. */
  readonly teams?: readonly string[];
}

export interface AssignablePick {
  readonly recordingId: string;
  readonly agentId: string;
  readonly teamId?: string;
}

export interface ReviewAssignment {
  readonly recordingId: string;
  readonly agentId: string;
  readonly reviewerId: string;
  /** One of several reviewers scoring the same call to compare them. */
  readonly calibration: boolean;
}

export interface AssignmentOptions {
  readonly seed: string;
  /** Recordings every chosen reviewer scores for calibration. */
  readonly calibrationRecordingIds?: readonly string[];
  /** Reviewers per calibration call (default 2). */
  readonly calibrationReviewers?: number;
  /** Work already given this period, so that evenness holds across draws. */
  readonly existingLoad?: Readonly<Record<string, number>>;
}

export interface AssignmentResult {
  readonly assignments: readonly ReviewAssignment[];
  /** Picks no reviewer may take (e.g. the only reviewer is the agent), said plainly. */
  readonly unassigned: readonly {
    readonly recordingId: string;
    readonly agentId: string;
    readonly reason: string;
  }[];
}

export function mayReview(r: QaReviewer, p: AssignablePick): boolean {
  if (r.agentId !== undefined && r.agentId === p.agentId) return false;
  return r.teams === undefined || (p.teamId !== undefined && r.teams.includes(p.teamId));
}

/**
 * Spreads picks evenly over reviewers, never to a reviewer for their own calls. Most
 * constrained picks first, each to the least-loaded reviewer allowed (ties broken by the seeded
 * order), then single moves while one lowers the spread: in the result no pick could move to
 * an allowed reviewer with a load at least two lower.
 */
export function assignReviewers(
  picks: readonly AssignablePick[],
  reviewers: readonly QaReviewer[],
  options: AssignmentOptions,
): AssignmentResult {
  const rng = new SeededRandom(subSeed(options.seed, 'reviewers'));
  const order = new Map(
    rng.shuffle([...reviewers].sort((a, b) => compareText(a.id, b.id))).map((r, i) => [r.id, i]),
  );
  const load = new Map(reviewers.map((r) => [r.id, options.existingLoad?.[r.id] ?? 0]));
  const calibration = new Set(options.calibrationRecordingIds ?? []);
  const perCalibration = Math.max(1, options.calibrationReviewers ?? 2);
  const sortedPicks = rng.shuffle(
    [...picks].sort(
      (a, b) => compareText(a.recordingId, b.recordingId) || compareText(a.agentId, b.agentId),
    ),
  );
  const allowed = (p: AssignablePick): QaReviewer[] => reviewers.filter((r) => mayReview(r, p));
  sortedPicks.sort((a, b) => allowed(a).length - allowed(b).length);
  const slots: { pick: AssignablePick; reviewerId: string; calibration: boolean }[] = [];
  const unassigned: { recordingId: string; agentId: string; reason: string }[] = [];
  const leastLoaded = (candidates: readonly QaReviewer[]): QaReviewer | undefined =>
    [...candidates].sort(
      (a, b) => load.get(a.id)! - load.get(b.id)! || order.get(a.id)! - order.get(b.id)!,
    )[0];
  for (const pick of sortedPicks) {
    const candidates = allowed(pick);
    if (candidates.length === 0) {
      unassigned.push({
        recordingId: pick.recordingId,
        agentId: pick.agentId,
        reason: `no reviewer may review agent ${pick.agentId}'s calls`,
      });
      continue;
    }
    const copies = calibration.has(pick.recordingId)
      ? Math.min(perCalibration, candidates.length)
      : 1;
    const taken = new Set<string>();
    for (let i = 0; i < copies; i++) {
      const r = leastLoaded(candidates.filter((c) => !taken.has(c.id)))!;
      taken.add(r.id);
      load.set(r.id, load.get(r.id)! + 1);
      slots.push({ pick, reviewerId: r.id, calibration: copies > 1 });
    }
  }
  rebalance(slots, reviewers, load);
  const assignments = slots
    .map((s) => ({
      recordingId: s.pick.recordingId,
      agentId: s.pick.agentId,
      reviewerId: s.reviewerId,
      calibration: s.calibration,
    }))
    .sort(
      (a, b) =>
        compareText(a.recordingId, b.recordingId) ||
        compareText(a.agentId, b.agentId) ||
        compareText(a.reviewerId, b.reviewerId),
    );
  return { assignments, unassigned };
}

/** Moves single assignments from a reviewer to an allowed one with a load at least 2 lower. */
function rebalance(
  slots: { pick: AssignablePick; reviewerId: string }[],
  reviewers: readonly QaReviewer[],
  load: Map<string, number>,
): void {
  // Each move lowers the sum of squared loads, so this ends.
  for (let moved = true; moved;) {
    moved = false;
    for (const slot of slots) {
      const holders = new Set(slots.filter((s) => s.pick === slot.pick).map((s) => s.reviewerId));
      const target = reviewers
        .filter(
          (r) =>
            !holders.has(r.id) &&
            mayReview(r, slot.pick) &&
            load.get(r.id)! + 1 < load.get(slot.reviewerId)!,
        )
        .sort((a, b) => load.get(a.id)! - load.get(b.id)! || compareText(a.id, b.id))[0];
      if (!target) continue;
      load.set(slot.reviewerId, load.get(slot.reviewerId)! - 1);
      load.set(target.id, load.get(target.id)! + 1);
      slot.reviewerId = target.id;
      moved = true;
    }
  }
}
