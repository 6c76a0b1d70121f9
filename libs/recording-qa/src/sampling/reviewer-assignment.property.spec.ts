import fc from 'fast-check';
import { assignReviewers, mayReview, type QaReviewer } from '@cti/domain';

const pickArb = fc.record({
  agent: fc.integer({ min: 1, max: 8 }),
  team: fc.constantFrom('north', 'south'),
});
const reviewerArb = fc.record({
  agent: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  teams: fc.option(fc.subarray(['north', 'south'], { minLength: 1 }), { nil: undefined }),
});

const scenario = fc
  .record({
    picks: fc.array(pickArb, { maxLength: 60 }),
    reviewers: fc.array(reviewerArb, { minLength: 1, maxLength: 6 }),
    calibrationEvery: fc.integer({ min: 0, max: 7 }),
    seed: fc.string({ maxLength: 8 }),
  })
  .map(({ picks, reviewers, calibrationEvery, seed }) => ({
    seed,
    picks: picks.map((p, i) => ({
      recordingId: `r${i}`,
      agentId: `10${String(p.agent).padStart(2, '0')}`,
      teamId: p.team,
    })),
    reviewers: reviewers.map((r, i): QaReviewer => ({
      id: `qa${i}`,
      ...(r.agent !== undefined ? { agentId: `10${String(r.agent).padStart(2, '0')}` } : {}),
      ...(r.teams !== undefined ? { teams: r.teams } : {}),
    })),
    calibration: calibrationEvery
      ? picks.map((_, i) => `r${i}`).filter((_, i) => i % calibrationEvery === 0)
      : [],
  }));

describe('reviewer assignment properties', () => {
  it('never gives a reviewer their own calls, assigns every assignable pick, and is even', () => {
    fc.assert(
      fc.property(scenario, ({ seed, picks, reviewers, calibration }) => {
        const { assignments, unassigned } = assignReviewers(picks, reviewers, {
          seed,
          calibrationRecordingIds: calibration,
        });
        const byId = new Map(reviewers.map((r) => [r.id, r]));
        const pickOf = new Map(picks.map((p) => [p.recordingId, p]));
        for (const a of assignments)
          expect(mayReview(byId.get(a.reviewerId)!, pickOf.get(a.recordingId)!)).toBe(true);
        for (const p of picks) {
          const allowed = reviewers.filter((r) => mayReview(r, p)).length;
          const got = assignments.filter((a) => a.recordingId === p.recordingId);
          expect(new Set(got.map((a) => a.reviewerId)).size).toBe(got.length);
          expect(got.length).toBe(
            allowed === 0 ? 0 : calibration.includes(p.recordingId) ? Math.min(2, allowed) : 1,
          );
          expect(unassigned.some((u) => u.recordingId === p.recordingId)).toBe(allowed === 0);
        }
        // Even: no assignment could move to an allowed reviewer whose load is 2 or more lower.
        const load = new Map(
          reviewers.map((r) => [r.id, assignments.filter((a) => a.reviewerId === r.id).length]),
        );
        for (const a of assignments) {
          const holders = new Set(
            assignments.filter((x) => x.recordingId === a.recordingId).map((x) => x.reviewerId),
          );
          for (const r of reviewers) {
            if (holders.has(r.id) || !mayReview(r, pickOf.get(a.recordingId)!)) continue;
            expect(load.get(r.id)! + 1).toBeGreaterThanOrEqual(load.get(a.reviewerId)!);
          }
        }
        const free = reviewers.every((r) => r.agentId === undefined && r.teams === undefined);
        if (free && calibration.length === 0) {
          const loads = [...load.values()];
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is reproducible: same seed and inputs in any order give the same assignments', () => {
    fc.assert(
      fc.property(scenario, ({ seed, picks, reviewers, calibration }) => {
        const a = assignReviewers(picks, reviewers, { seed, calibrationRecordingIds: calibration });
        const b = assignReviewers([...picks].reverse(), [...reviewers].reverse(), {
          seed,
          calibrationRecordingIds: [...calibration].reverse(),
        });
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
