import { drawShift, drawWeek } from './sampler';
import { type CandidateCall, DEFAULT_SAMPLING_RULES, type SamplingWeek } from './sampling-types';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 9, 0, 0, 0);
const week = (n: number, schedule?: Record<string, string[]>): SamplingWeek => ({
  id: '2026-W11',
  shifts: Array.from({ length: n }, (_, i) => ({
    id: `d${i + 1}`,
    start: T0 + i * 24 * HOUR,
    end: T0 + i * 24 * HOUR + 8 * HOUR,
  })),
  ...(schedule ? { schedule } : {}),
});
const call = (
  agentId: string,
  day: number,
  n: number,
  talkSeconds = 120,
  extra: Partial<CandidateCall> = {},
): CandidateCall => ({
  recordingId: `${agentId}-${day}-${n}`,
  agentId,
  answeredAt: T0 + (day - 1) * 24 * HOUR + HOUR + n * 60_000,
  talkSeconds,
  answered: true,
  recorded: true,
  ...extra,
});
const rules = { ...DEFAULT_SAMPLING_RULES, minTalkSeconds: 30 };

describe('QA sampler', () => {
  it('covers every worked shift and reaches the weekly minimum', () => {
    const calls = [1, 2, 3, 4, 5].flatMap((d) => [0, 1, 2, 3].map((n) => call('1001', d, n)));
    const draws = drawWeek({ seed: 's', week: week(5), rules, calls, worked: {} });
    expect(draws.map((d) => d.picks.length)).toEqual([1, 1, 1, 1, 1]);
    expect(
      draws.every((d) => d.picks.every((p) => p.shiftId === p.callShiftId && !p.catchUp)),
    ).toBe(true);
  });

  it('never picks calls too short to judge, unanswered or unrecorded', () => {
    const calls = [
      call('1001', 1, 0, 29),
      call('1001', 1, 1, 300, { answered: false }),
      call('1001', 1, 2, 300, { recorded: false }),
      call('1001', 1, 3, 30),
    ];
    const draw = drawShift({
      seed: 's',
      week: week(1),
      shiftId: 'd1',
      rules,
      calls,
      previousPicks: [],
      workedAgents: ['1001'],
    });
    expect(draw.picks.map((p) => p.recordingId)).toEqual(['1001-1-3']);
  });

  it('catches up later in the week when the agent had few calls early, with a known schedule', () => {
    const schedule = { '1002': ['d1', 'd2', 'd3', 'd4', 'd5'] };
    const calls = [4, 5].flatMap((d) => [0, 1, 2, 3, 4].map((n) => call('1002', d, n)));
    const draws = drawWeek({
      seed: 'x',
      week: week(5, schedule),
      rules,
      calls,
      worked: { d1: ['1002'], d2: ['1002'], d3: ['1002'], d4: ['1002'], d5: ['1002'] },
    });
    expect(draws.map((d) => d.picks.length)).toEqual([0, 0, 0, 2, 1]);
    expect(
      draws
        .slice(0, 3)
        .every((d) => d.agents[0]!.shiftUncovered && d.agents[0]!.status === 'on-track'),
    ).toBe(true);
    expect(draws[4]!.agents[0]).toMatchObject({ pickedThisWeek: 3, status: 'met' });
  });

  it('reaches back to earlier calls when the agent has no call in its last shift', () => {
    const calls = [0, 1, 2, 3].map((n) => call('1003', 1, n));
    const draws = drawWeek({
      seed: 'y',
      week: week(3, { '1003': ['d1', 'd3'] }),
      rules,
      calls,
      worked: { d1: ['1003'], d3: ['1003'] },
    });
    const picks = draws.flatMap((d) => d.picks);
    expect(picks).toHaveLength(3);
    expect(
      picks.filter((p) => p.catchUp).every((p) => p.callShiftId === 'd1' && p.shiftId === 'd3'),
    ).toBe(true);
  });

  it('says plainly when an agent had too few calls to meet the minimum', () => {
    const calls = [call('1005', 1, 0), call('1005', 2, 0, 10)];
    const draws = drawWeek({
      seed: 'z',
      week: week(2),
      rules,
      calls,
      worked: { d1: ['1005'], d2: ['1005'] },
    });
    const last = draws[1]!.agents.find((a) => a.agentId === '1005')!;
    expect(last).toMatchObject({
      status: 'too-few-calls',
      pickedThisWeek: 1,
      eligibleThisWeek: 1,
      required: 3,
      shiftUncovered: true,
    });
    expect(last.note).toBe(
      '1005: only 1 judgeable recorded call(s) this week, 1 sampled; 3 required',
    );
  });

  it('is reproducible from its seed and inputs, whatever the input order', () => {
    const calls = [1, 2].flatMap((d) =>
      Array.from({ length: 20 }, (_, n) => call(n % 2 ? '1001' : '1002', d, n)),
    );
    const a = drawWeek({ seed: 'seed-1', week: week(2), rules, calls, worked: {} });
    const b = drawWeek({
      seed: 'seed-1',
      week: week(2),
      rules,
      calls: [...calls].reverse(),
      worked: {},
    });
    expect(b).toEqual(a);
    const seeds = new Set(
      Array.from({ length: 20 }, (_, i) =>
        JSON.stringify(
          drawWeek({ seed: `seed-${i}`, week: week(2), rules, calls, worked: {} }).map(
            (d) => d.picks,
          ),
        ),
      ),
    );
    expect(seeds.size).toBeGreaterThan(10);
  });

  it('gives every judgeable call of a shift the same chance', () => {
    const calls = Array.from({ length: 5 }, (_, n) => call('1001', 1, n));
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const draw = drawShift({
        seed: `u${i}`,
        week: week(1),
        shiftId: 'd1',
        rules: { ...rules, minPerWeek: 1 },
        calls,
        previousPicks: [],
        workedAgents: [],
      });
      for (const p of draw.picks) counts.set(p.recordingId, (counts.get(p.recordingId) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('lets a transferred call be a candidate of each agent who talked on it', () => {
    const calls = [call('1001', 1, 0), { ...call('1006', 1, 0), recordingId: '1001-1-0' }];
    const draw = drawShift({
      seed: 't',
      week: week(1),
      shiftId: 'd1',
      rules,
      calls,
      previousPicks: [],
      workedAgents: [],
    });
    expect(draw.picks.map((p) => [p.agentId, p.recordingId])).toEqual([
      ['1001', '1001-1-0'],
      ['1006', '1001-1-0'],
    ]);
  });

  it('refuses an unknown shift and bad rules', () => {
    expect(() =>
      drawShift({
        seed: 's',
        week: week(1),
        shiftId: 'nope',
        rules,
        calls: [],
        previousPicks: [],
        workedAgents: [],
      }),
    ).toThrow(RangeError);
    expect(() =>
      drawShift({
        seed: 's',
        week: week(1),
        shiftId: 'd1',
        rules: { ...rules, minPerWeek: 1.5 },
        calls: [],
        previousPicks: [],
        workedAgents: [],
      }),
    ).toThrow(RangeError);
  });
});
