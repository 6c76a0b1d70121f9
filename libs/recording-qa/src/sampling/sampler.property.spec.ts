import fc from 'fast-check';
import {
  candidateKey,
  type CandidateCall,
  drawWeek,
  isJudgeable,
  type SamplePick,
  type ShiftDraw,
} from '@cti/domain';
import { type GeneratedWeek, weekArbitrary } from '../testing/week-arbitrary';

/*
 * Properties of the QA sampler over generated weeks (fast-check): the center's rules (every
 * agent at least N a week, every worked shift covered, fair and reproducible draws) must hold
 * for any schedule and any call pattern, not only for the examples in sampler.spec.ts.
 */
const RUNS = { numRuns: 400 };

function judgeable(w: GeneratedWeek): CandidateCall[] {
  const seen = new Set<string>();
  return w.calls.filter(
    (c) => isJudgeable(c, w.rules) && !seen.has(candidateKey(c)) && seen.add(candidateKey(c)),
  );
}
const allPicks = (draws: readonly ShiftDraw[]): SamplePick[] => draws.flatMap((d) => d.picks);
const agentsOf = (w: GeneratedWeek): string[] => [...new Set(w.calls.map((c) => c.agentId))];

describe('QA sampler properties (generated weeks)', () => {
  it('meets the weekly minimum whenever the agent had enough judgeable calls, else reports it', () => {
    fc.assert(
      fc.property(weekArbitrary(), (w) => {
        const draws = drawWeek(w);
        const picks = allPicks(draws);
        for (const agentId of agentsOf(w)) {
          const eligible = judgeable(w).filter((c) => c.agentId === agentId).length;
          const picked = picks.filter((p) => p.agentId === agentId).length;
          expect(picked).toBeGreaterThanOrEqual(Math.min(w.rules.minPerWeek, eligible));
          const last = draws[draws.length - 1]!.agents.find((a) => a.agentId === agentId);
          if (eligible < w.rules.minPerWeek && last) {
            expect(last.status).toBe('too-few-calls');
            expect(last.note).toContain(`${agentId}: only ${eligible}`);
          }
        }
      }),
      RUNS,
    );
  });

  it('covers every shift the agent worked with a judgeable call in it', () => {
    fc.assert(
      fc.property(weekArbitrary(), (w) => {
        fc.pre(w.rules.minPerWorkedShift >= 1);
        const picks = allPicks(drawWeek(w));
        for (const shift of w.week.shifts) {
          for (const agentId of agentsOf(w)) {
            const had = judgeable(w).some(
              (c) =>
                c.agentId === agentId && c.answeredAt >= shift.start && c.answeredAt < shift.end,
            );
            const covered = picks.some(
              (p) => p.agentId === agentId && p.shiftId === shift.id && p.callShiftId === shift.id,
            );
            expect(covered).toBe(had);
          }
        }
      }),
      RUNS,
    );
  });

  it('picks only judgeable calls, each at most once per agent', () => {
    fc.assert(
      fc.property(weekArbitrary(), (w) => {
        const picks = allPicks(drawWeek(w));
        const ok = new Set(judgeable(w).map(candidateKey));
        expect(picks.every((p) => ok.has(candidateKey(p)))).toBe(true);
        expect(new Set(picks.map(candidateKey)).size).toBe(picks.length);
      }),
      RUNS,
    );
  });

  it('gives the same picks for the same seed and inputs, in any input order', () => {
    fc.assert(
      fc.property(weekArbitrary(), fc.integer(), (w, salt) => {
        const once = drawWeek(w);
        const shuffled = [...w.calls].sort(
          (a, b) => hash(a.recordingId + salt) - hash(b.recordingId + salt),
        );
        expect(drawWeek({ ...w, calls: shuffled })).toEqual(once);
        expect(drawWeek(w)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it("spreads an agent's picks evenly over its scheduled shifts when calls are plentiful", () => {
    fc.assert(
      fc.property(weekArbitrary(), (w) => {
        fc.pre(w.week.schedule !== undefined);
        const picks = allPicks(drawWeek(w));
        for (const [agentId, shifts] of Object.entries(w.schedule)) {
          if (shifts.length === 0) continue;
          const mine = judgeable(w).filter((c) => c.agentId === agentId);
          const plentiful = w.week.shifts.every((s) => {
            const n = mine.filter((c) => c.answeredAt >= s.start && c.answeredAt < s.end).length;
            return shifts.includes(s.id)
              ? n >= w.rules.minPerWeek + w.rules.minPerWorkedShift
              : n === 0;
          });
          const overtime = Object.entries(w.worked).some(
            ([id, who]) => who.includes(agentId) && !shifts.includes(id),
          );
          if (!plentiful || overtime) continue;
          const perShift = shifts.map(
            (id) => picks.filter((p) => p.agentId === agentId && p.shiftId === id).length,
          );
          expect(Math.max(...perShift) - Math.min(...perShift)).toBeLessThanOrEqual(1);
          expect(picks.some((p) => p.agentId === agentId && p.catchUp)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
