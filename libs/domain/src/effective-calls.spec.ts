import { AgentDirectory } from './agent-directory';
import { isEffective } from './effective-rule';
import { outboundCall, queueCall } from './testing/call-scripts';
import { Scenario } from './testing/scenario';
import { DAY0, testConfig } from './testing/test-config';

describe('the effective-call threshold', () => {
  it('counts a call of exactly minTalkSeconds, not one 1 ms shorter', () => {
    const sc = new Scenario();
    outboundCall(sc, 0, { agentId: '1001', number: '13700000001', talkSeconds: 30 });
    outboundCall(sc, 100, { agentId: '1001', number: '13700000002', talkSeconds: 29.999 });
    const [exact, short] = sc.legs('1001');
    expect(exact).toMatchObject({ talkSeconds: 30, effective: true });
    expect(short).toMatchObject({ talkSeconds: 29.999, effective: false });
    expect(sc.agentSummary('1001')).toMatchObject({
      outboundEffective: 1,
      effectiveTotal: 1,
      effectiveCounted: 1,
    });
  });

  it('applies the same boundary to inbound queue calls', () => {
    const sc = new Scenario();
    sc.login('1001', 'support');
    queueCall(sc, 0, { number: '13800000001', agentId: '1001', talkSeconds: 30 });
    queueCall(sc, 100, { number: '13800000002', agentId: '1001', talkSeconds: 29.999 });
    expect(sc.legs('1001').map((l) => l.effective)).toEqual([true, false]);
    expect(sc.agentSummary('1001')).toMatchObject({ inboundAnswered: 2, inboundEffective: 1 });
  });

  it('never counts an unanswered leg, whatever its duration', () => {
    const rules = testConfig().rules;
    expect(isEffective({ direction: 'outbound', answered: false, talkSeconds: 120 }, rules)).toBe(
      false,
    );
    expect(isEffective({ direction: 'outbound', answered: true, talkSeconds: 30 }, rules)).toBe(
      true,
    );
  });
});

describe('counted directions', () => {
  it('with outbound only, a long inbound call is not effective and an outbound one is', () => {
    const sc = new Scenario(testConfig({ effective: { directions: ['outbound'] } }));
    sc.login('1001', 'support');
    queueCall(sc, 0, { number: '13800000001', agentId: '1001', talkSeconds: 300 });
    outboundCall(sc, 400, { agentId: '1001', number: '13700000001', talkSeconds: 60 });
    const [inbound, outbound] = sc.legs('1001');
    expect(inbound).toMatchObject({ direction: 'inbound', talkSeconds: 300, effective: false });
    expect(outbound).toMatchObject({ direction: 'outbound', effective: true });
    expect(sc.agentSummary('1001')).toMatchObject({
      inboundEffective: 0,
      outboundEffective: 1,
      effectiveCounted: 1,
    });
  });

  it('with inbound only, outbound calls do not count', () => {
    const sc = new Scenario(testConfig({ effective: { directions: ['inbound'] } }));
    outboundCall(sc, 0, { agentId: '1002', number: '13700000001', talkSeconds: 60 });
    expect(sc.leg('1002').effective).toBe(false);
  });
});

describe('one number once per agent and day', () => {
  function threeCalls(uniqueNumberPerAgentDay: boolean) {
    const sc = new Scenario(testConfig({ effective: { uniqueNumberPerAgentDay } }));
    outboundCall(sc, 0, { agentId: '1001', number: '13700000001', talkSeconds: 40 });
    outboundCall(sc, 100, { agentId: '1001', number: '13700000001', talkSeconds: 50 });
    outboundCall(sc, 200, { agentId: '1001', number: '13700000002', talkSeconds: 35 });
    outboundCall(sc, 300, { agentId: '1002', number: '13700000001', talkSeconds: 35 });
    return sc;
  }

  it('counts the same number twice once toward the quota when the rule says so', () => {
    const sc = threeCalls(true);
    expect(sc.legs('1001').every((l) => l.effective)).toBe(true);
    expect(sc.core.days.progress('1001', DAY0)).toEqual({ quota: 50, counted: 2, met: false });
    expect(sc.agentSummary('1001')).toMatchObject({
      effectiveTotal: 3,
      effectiveUniqueNumbers: 2,
      effectiveCounted: 2,
      outboundEffectiveUniqueNumbers: 2,
    });
    // Another agent calling the same number counts for that agent.
    expect(sc.core.days.progress('1002', DAY0).counted).toBe(1);
  });

  it('counts every effective call otherwise', () => {
    const sc = threeCalls(false);
    expect(sc.core.days.progress('1001', DAY0).counted).toBe(3);
    expect(sc.agentSummary('1001')).toMatchObject({
      effectiveTotal: 3,
      effectiveUniqueNumbers: 2,
      effectiveCounted: 3,
    });
  });
});

describe('daily quota', () => {
  const quotaOn = (hireDate: string, day = DAY0, patch: { quota?: number } = {}) =>
    new AgentDirectory(testConfig({ agents: { '1003': { hireDate, ...patch } } })).quotaFor(
      '1003',
      day,
    );

  it('is 30 for a hire under 15 days and 50 from the 15th day', () => {
    expect(quotaOn('2026-03-10')).toBe(30);
    expect(quotaOn('2026-02-24')).toBe(30); // 14 days
    expect(quotaOn('2026-02-23')).toBe(50); // 15 days
    expect(quotaOn('2025-06-01')).toBe(50);
  });

  it('follows the day asked about, not today', () => {
    expect(quotaOn('2026-03-01', '2026-03-15')).toBe(30);
    expect(quotaOn('2026-03-01', '2026-03-16')).toBe(50);
  });

  it('takes the per-agent override over both', () => {
    expect(quotaOn('2026-03-05', DAY0, { quota: 12 })).toBe(12);
    expect(quotaOn('2020-01-01', DAY0, { quota: 70 })).toBe(70);
  });

  it('shows in the day summary, met once the counted calls reach it', () => {
    const sc = new Scenario(testConfig({ agents: { '1002': { quota: 2 } } }));
    outboundCall(sc, 0, { agentId: '1002', number: '13700000001', talkSeconds: 40 });
    expect(sc.agentSummary('1002')).toMatchObject({
      quota: 2,
      effectiveCounted: 1,
      quotaMet: false,
    });
    outboundCall(sc, 100, { agentId: '1002', number: '13700000002', talkSeconds: 40 });
    expect(sc.agentSummary('1002')).toMatchObject({
      quota: 2,
      effectiveCounted: 2,
      quotaMet: true,
    });
    expect(sc.summary().agents.map((a) => [a.agentId, a.quota])).toEqual([
      ['1001', 50],
      ['1002', 2],
      ['1003', 30],
    ]);
  });
});
