import fc from 'fast-check';
import {
  type CandidateCall,
  type SamplingRules,
  type SamplingWeek,
  type WeekDrawInput,
} from '@cti/domain';

/** Monday 2026-03-09 08:00 Asia/Shanghai. */
export const WEEK_START = Date.UTC(2026, 2, 9, 0, 0, 0);
const HOUR = 3_600_000;

export interface GeneratedWeek extends WeekDrawInput {
  readonly schedule: Readonly<Record<string, readonly string[]>>;
}

/** Shifts of 8 h every 12 h (day and night), 1..14 of them. */
export function weekOf(
  shiftCount: number,
  withSchedule?: Readonly<Record<string, readonly string[]>>,
): SamplingWeek {
  const shifts = Array.from({ length: shiftCount }, (_, i) => ({
    id: `s${String(i).padStart(2, '0')}`,
    start: WEEK_START + i * 12 * HOUR,
    end: WEEK_START + i * 12 * HOUR + 8 * HOUR,
  }));
  return { id: '2026-W11', shifts, ...(withSchedule ? { schedule: withSchedule } : {}) };
}

const rulesArb: fc.Arbitrary<SamplingRules> = fc.record({
  minPerWeek: fc.integer({ min: 0, max: 6 }),
  minPerWorkedShift: fc.integer({ min: 0, max: 2 }),
  minTalkSeconds: fc.constantFrom(0, 10, 30, 60),
});

interface GenCall {
  readonly offsetMinutes: number;
  readonly talkSeconds: number;
  readonly answered: boolean;
  readonly recorded: boolean;
}

const callArb: fc.Arbitrary<GenCall> = fc.record({
  offsetMinutes: fc.integer({ min: 0, max: 8 * 60 - 1 }),
  talkSeconds: fc.integer({ min: 0, max: 600 }),
  answered: fc.integer({ min: 0, max: 99 }).map((n) => n < 85),
  recorded: fc.integer({ min: 0, max: 99 }).map((n) => n < 80),
});

/**
 * A generated week: 1..14 shifts, 1..6 agents each scheduled on a random subset, 0..8 calls in
 * each scheduled shift (answered/recorded/length random), sometimes overtime calls in other
 * shifts; the schedule is given to the sampler or not.
 */
export function weekArbitrary(): fc.Arbitrary<GeneratedWeek> {
  return fc
    .record({
      shiftCount: fc.integer({ min: 1, max: 14 }),
      agentCount: fc.integer({ min: 1, max: 6 }),
      rules: rulesArb,
      seed: fc.string({ minLength: 1, maxLength: 12 }),
      giveSchedule: fc.boolean(),
      plan: fc.array(
        fc.record({
          shiftMask: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
          calls: fc.array(fc.array(callArb, { maxLength: 8 }), { minLength: 14, maxLength: 14 }),
          overtime: fc.array(fc.record({ shift: fc.integer({ min: 0, max: 13 }), call: callArb }), {
            maxLength: 2,
          }),
        }),
        { minLength: 6, maxLength: 6 },
      ),
    })
    .map(({ shiftCount, agentCount, rules, seed, giveSchedule, plan }) => {
      const base = weekOf(shiftCount);
      const schedule: Record<string, string[]> = {};
      const worked: Record<string, string[]> = {};
      const calls: CandidateCall[] = [];
      for (let a = 0; a < agentCount; a++) {
        const agentId = `10${a + 1}`.padStart(4, '0');
        const p = plan[a]!;
        schedule[agentId] = base.shifts.filter((_, i) => p.shiftMask[i]).map((s) => s.id);
        const add = (shiftIndex: number, c: GenCall, n: number): void => {
          const shift = base.shifts[shiftIndex]!;
          calls.push({
            recordingId: `r-${agentId}-${shiftIndex}-${n}`,
            agentId,
            teamId: a % 2 === 0 ? 'north' : 'south',
            answeredAt: shift.start + c.offsetMinutes * 60_000,
            talkSeconds: c.talkSeconds,
            answered: c.answered,
            recorded: c.recorded,
          });
        };
        base.shifts.forEach((shift, i) => {
          if (!p.shiftMask[i]) return;
          (worked[shift.id] ??= []).push(agentId);
          p.calls[i]!.forEach((c, n) => add(i, c, n));
        });
        p.overtime.forEach((o, n) => {
          if (o.shift < shiftCount && !p.shiftMask[o.shift]) {
            (worked[base.shifts[o.shift]!.id] ??= []).push(agentId);
            add(o.shift, o.call, 100 + n);
          }
        });
      }
      const week = giveSchedule ? { ...base, schedule } : base;
      return { seed, week, rules, calls, worked, schedule };
    });
}
