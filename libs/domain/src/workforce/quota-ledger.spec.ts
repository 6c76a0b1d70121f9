import {
  computeDayLedger,
  countEffective,
  effectiveUnder,
  type LedgerLeg,
  ledgerEntry,
  mustStayList,
  NoRuleForDayError,
  paceAt,
} from './quota-ledger';
import {
  addRuleSet,
  quotaUnder,
  ruleSetFor,
  ruleSetProblems,
  type WorkforceRuleSet,
} from './rule-set';
import { planDay, type ScheduleConfig } from './schedule';
import { at, leg, RULES_V1, SCHEDULE } from '../testing/workforce-fixtures';

const V2: WorkforceRuleSet = {
  ...RULES_V1,
  version: 'v2',
  effectiveFrom: '2026-12-01',
  effective: { ...RULES_V1.effective, minTalkSeconds: 60 },
};
const agent = { id: '1001', team: 'sales', hireDate: '2025-01-01' };

describe('effective verdict under a rule version', () => {
  it.each([
    [{ talkSeconds: 29.999 }, false],
    [{ talkSeconds: 30 }, true],
    [{ talkSeconds: 300, outcome: 'noanswer' as const }, false],
    [{ talkSeconds: 300, answeredAt: undefined }, false],
    [{ talkSeconds: 300, direction: 'inbound' as const }, true],
  ])('%o → %s', (facts, effective) => {
    expect(
      effectiveUnder({ ...leg('1001', at('2026-12-01', '10:00'), 0), ...facts }, RULES_V1),
    ).toBe(effective);
  });

  it('counts directions and unique numbers as the version says', () => {
    const legs = [
      leg('1001', 1, 40, { customerNumber: '1' }),
      leg('1001', 2, 40, { customerNumber: '1' }),
      leg('1001', 3, 40, { direction: 'inbound' }),
    ];
    expect(countEffective(legs, RULES_V1)).toBe(3);
    expect(
      countEffective(legs, {
        ...RULES_V1,
        effective: { ...RULES_V1.effective, uniqueNumberPerAgentDay: true },
      }),
    ).toBe(2);
    expect(
      countEffective(legs, {
        ...RULES_V1,
        effective: { ...RULES_V1.effective, directions: ['outbound'] },
      }),
    ).toBe(2);
  });
});

describe('quota by hire date, team rule and per-agent override', () => {
  const rules: WorkforceRuleSet = {
    ...RULES_V1,
    quota: {
      ...RULES_V1.quota,
      byTeam: { sales: { default: 60 }, care: { newHire: 20 } },
      byAgent: { '1009': 12 },
    },
  };
  it.each([
    ['14 days after hire: new hire', { id: 'x', hireDate: '2026-11-17' }, 30],
    ['15 days after hire: full quota', { id: 'x', hireDate: '2026-11-16' }, 50],
    ['team default', { id: 'x', team: 'sales', hireDate: '2025-01-01' }, 60],
    [
      'team keeps the general new-hire quota it does not replace',
      { id: 'x', team: 'sales', hireDate: '2026-11-30' },
      30,
    ],
    ['team new-hire quota', { id: 'x', team: 'care', hireDate: '2026-11-30' }, 20],
    [
      "the agent's own quota from the call-center config",
      { id: 'x', team: 'sales', hireDate: '2025-01-01', quota: 45 },
      45,
    ],
    [
      "the rule set's per-agent quota wins",
      { id: '1009', team: 'sales', hireDate: '2025-01-01', quota: 45 },
      12,
    ],
  ])('%s', (_name, a, quota) => {
    expect(quotaUnder(rules, a, '2026-12-01')).toBe(quota);
  });
});

describe('rule versions', () => {
  it('the version in force is the latest effective on or before the day', () => {
    const sets = [V2, RULES_V1];
    expect(ruleSetFor(sets, '2025-12-31')).toBeUndefined();
    expect(ruleSetFor(sets, '2026-11-30')?.version).toBe('v1');
    expect(ruleSetFor(sets, '2026-12-01')?.version).toBe('v2');
  });

  it('a change applies from today or later and never replaces a version', () => {
    expect(
      addRuleSet([RULES_V1], { ...V2, effectiveFrom: '2026-11-29' }, '2026-11-30'),
    ).toMatchObject({ ok: false, refusal: 'past-day' });
    expect(addRuleSet([RULES_V1], { ...V2, version: 'v1' }, '2026-11-30')).toMatchObject({
      ok: false,
      refusal: 'version-taken',
    });
    expect(addRuleSet([RULES_V1, V2], { ...V2, version: 'v3' }, '2026-11-30')).toMatchObject({
      ok: false,
      refusal: 'date-taken',
    });
    expect(
      addRuleSet([RULES_V1], { ...V2, quota: { ...V2.quota, default: -1 } }, '2026-11-30'),
    ).toMatchObject({ ok: false, refusal: 'invalid' });
    const added = addRuleSet([V2], { ...RULES_V1, effectiveFrom: '2026-11-30' }, '2026-11-30');
    expect(added.ok && added.sets.map((s) => s.version)).toEqual(['v1', 'v2']);
  });

  it('lists every problem of a configuration', () => {
    const bad = {
      ...RULES_V1,
      effectiveFrom: '2026-02-30',
      effective: { ...RULES_V1.effective, directions: [] },
    };
    expect(ruleSetProblems([RULES_V1, { ...bad, version: 'v1' }])).toEqual([
      "ruleSets[1].version: 'v1' is used twice",
      'ruleSets[1].effectiveFrom: must be a date YYYY-MM-DD',
      'ruleSets[1].effective.directions: must not be empty',
    ]);
  });
});

describe('the ledger: quota, effective, remaining, pace', () => {
  const day = '2026-12-01';
  const plan = planDay(SCHEDULE, agent, day);
  const calls = (n: number) =>
    Array.from({ length: n }, (_, i) => leg('1001', at(day, '09:00') + i * 60_000, 45));

  it.each([
    ['before the shift: no pace yet', '08:50', 0, undefined],
    ['10:30, 9 calls in 1.5 h of 7 h', '10:30', 9, 42],
    ['at lunch 12:30, 15 calls in 3 h', '12:30', 15, 35],
    ['16:00, 36 calls in 6 h', '16:00', 36, 42],
    ['after the shift: the count itself', '17:10', 49, 49],
  ])('%s', (_name, hhmm, n, pace) => {
    const e = ledgerEntry({
      agent,
      day,
      rules: RULES_V1,
      plan,
      legs: calls(n),
      now: at(day, hhmm),
    });
    expect(e).toMatchObject({
      quota: 50,
      effective: n,
      remaining: 50 - n,
      met: false,
      ruleVersion: 'v1',
      status: 'working',
    });
    expect(e.pace).toBe(pace);
    if (pace !== undefined) expect(e.onPace).toBe(pace >= 50);
  });

  it('an agent on leave has no quota that day', () => {
    const leave: ScheduleConfig = {
      ...SCHEDULE,
      overrides: [{ day, agentId: '1001', kind: 'leave', reason: '病假' }],
    };
    const e = ledgerEntry({
      agent,
      day,
      rules: RULES_V1,
      plan: planDay(leave, agent, day),
      legs: calls(2),
      now: at(day, '18:00'),
    });
    expect(e).toEqual({
      agentId: '1001',
      day,
      ruleVersion: 'v1',
      status: 'leave',
      quota: 0,
      effective: 2,
      remaining: 0,
      met: true,
    });
  });

  it('pace on a 24-hour shift counts the hours after midnight', () => {
    const heating = { id: '2001', team: 'heating', hireDate: '2025-01-01' };
    const p = planDay(SCHEDULE, heating, '2026-11-02');
    if (p.kind !== 'shift') throw new Error('shift expected');
    expect(paceAt(10, p.shift, at('2026-11-03', '02:00'))).toBe(13);
  });
});

describe('a day from stored calls under the rule of that day', () => {
  const agents = [agent, { id: '1002', team: 'sales', hireDate: '2026-11-25' }];
  const legsOn = (day: string): LedgerLeg[] => [
    leg('1001', at(day, '10:00'), 45),
    leg('1001', at(day, '10:05'), 75),
    leg('1002', at(day, '10:10'), 61),
    leg('1002', at(day, '10:20'), 20),
  ];

  it('recomputing a past day after a rule change gives the old result under the old version', () => {
    const legs = [...legsOn('2026-11-30'), ...legsOn('2026-12-01')];
    const input = {
      agents,
      ruleSets: [RULES_V1, V2],
      schedule: SCHEDULE,
      legs,
      now: at('2026-12-02', '09:00'),
    };
    const before = computeDayLedger({ ...input, day: '2026-11-30' });
    const after = computeDayLedger({ ...input, day: '2026-12-01' });
    expect(before.ruleVersion).toBe('v1');
    expect(before.entries.map((e) => [e.agentId, e.effective, e.quota, e.ruleVersion])).toEqual([
      ['1001', 2, 50, 'v1'],
      ['1002', 1, 30, 'v1'],
    ]);
    expect(after.ruleVersion).toBe('v2');
    expect(after.entries.map((e) => [e.agentId, e.effective, e.quota, e.ruleVersion])).toEqual([
      ['1001', 1, 50, 'v2'],
      ['1002', 1, 30, 'v2'],
    ]);
    // The same day recomputed under the old rules alone still gives the old result.
    expect(computeDayLedger({ ...input, ruleSets: [RULES_V1], day: '2026-11-30' })).toEqual(before);
  });

  it('a call answered before midnight and ended after counts on the first day', () => {
    const late = leg('1001', at('2026-12-01', '23:59', 50), 50);
    expect(late.endedAt).toBe(at('2026-12-02', '00:00', 40));
    const input = {
      agents: [agent],
      ruleSets: [RULES_V1],
      schedule: SCHEDULE,
      legs: [late],
      now: at('2026-12-02', '09:00'),
    };
    expect(computeDayLedger({ ...input, day: '2026-12-01' }).entries[0]!.effective).toBe(1);
    expect(computeDayLedger({ ...input, day: '2026-12-02' }).entries[0]!.effective).toBe(0);
  });

  it('a day without a version in force is an error, not a guess', () => {
    expect(() =>
      computeDayLedger({
        agents,
        day: '2025-06-01',
        ruleSets: [RULES_V1],
        schedule: SCHEDULE,
        legs: [],
        now: 0,
      }),
    ).toThrow(NoRuleForDayError);
  });
});

describe('the must-stay list', () => {
  it('holds working agents below quota, furthest behind first, not those on leave or done', () => {
    const base = { day: '2026-12-01', ruleVersion: 'v1', remaining: 0 };
    const list = mustStayList([
      { ...base, agentId: 'a', status: 'working', quota: 50, effective: 48, met: false },
      { ...base, agentId: 'b', status: 'working', quota: 50, effective: 50, met: true },
      { ...base, agentId: 'c', status: 'leave', quota: 0, effective: 0, met: true },
      { ...base, agentId: 'd', status: 'working', quota: 30, effective: 12, met: false },
      { ...base, agentId: 'e', status: 'working', quota: 50, effective: 48, met: false },
    ]);
    expect(list).toEqual([
      { agentId: 'd', quota: 30, effective: 12, shortfall: 18 },
      { agentId: 'a', quota: 50, effective: 48, shortfall: 2 },
      { agentId: 'e', quota: 50, effective: 48, shortfall: 2 },
    ]);
  });
});
