import { AgentDirectory } from './agent-directory';
import { daysBetween, localDay, nextLocalMidnight } from './local-day';
import {
  answerOut,
  dialOut,
  failOut,
  hangUpOut,
  outboundCall,
  queueCall,
} from './testing/call-scripts';
import { Scenario } from './testing/scenario';
import { testConfig } from './testing/test-config';

describe('a call across midnight (Asia/Shanghai)', () => {
  // t0 = 2026-03-10 23:59:50 +08:00
  const t0 = Date.UTC(2026, 2, 10, 15, 59, 50);

  it('answered 23:59:50 and ended 00:01:10 counts on the first day', () => {
    const sc = new Scenario(testConfig(), t0);
    sc.at(-30).login('1001', 'support');
    queueCall(sc, -10, {
      number: '13800000001',
      agentId: '1001',
      ringSeconds: 10,
      talkSeconds: 80,
    });
    const leg = sc.leg('1001');
    expect(localDay(leg.endedAt, 'Asia/Shanghai')).toBe('2026-03-11');
    expect(leg).toMatchObject({
      day: '2026-03-10',
      answeredAt: t0,
      talkSeconds: 80,
      effective: true,
    });
    expect(sc.agentSummary('1001', '2026-03-10')).toMatchObject({
      inboundAnswered: 1,
      effectiveCounted: 1,
      inboundTalkSeconds: 80,
    });
    expect(sc.agentSummary('1001', '2026-03-11')).toMatchObject({
      inboundAnswered: 0,
      effectiveCounted: 0,
    });
    expect(sc.summary('2026-03-11').calls).toEqual([]);
  });

  it('dialed before midnight and answered after counts on the second day', () => {
    const sc = new Scenario(testConfig(), t0);
    outboundCall(sc, 0, {
      agentId: '1002',
      number: '13700000001',
      ringSeconds: 15,
      talkSeconds: 40,
    });
    expect(sc.leg('1002')).toMatchObject({ day: '2026-03-11', startedAt: t0 });
    expect(sc.agentSummary('1002', '2026-03-11')).toMatchObject({
      outboundAnswered: 1,
      effectiveCounted: 1,
    });
    expect(sc.agentSummary('1002', '2026-03-10').outboundDials).toBe(0);
  });

  it('an unanswered dial belongs to the day it started', () => {
    const sc = new Scenario(testConfig(), t0);
    const call = dialOut(sc.at(9), '1002', '13700000001');
    sc.at(40);
    failOut(sc, call, 'NOANSWER');
    expect(sc.leg('1002').day).toBe('2026-03-10');
  });

  it('counts effective calls toward the quota of their own day', () => {
    const sc = new Scenario(testConfig({ agents: { '1001': { quota: 1 } } }), t0);
    outboundCall(sc, -100, { agentId: '1001', number: '13700000001', talkSeconds: 40 });
    outboundCall(sc, 60, { agentId: '1001', number: '13700000002', talkSeconds: 40 });
    expect(sc.core.days.progress('1001', '2026-03-10')).toEqual({
      quota: 1,
      counted: 1,
      met: true,
    });
    expect(sc.core.days.progress('1001', '2026-03-11')).toEqual({
      quota: 1,
      counted: 1,
      met: true,
    });
  });
});

describe('local days in a DST zone (Europe/Berlin)', () => {
  const zone = 'Europe/Berlin';

  it('puts instants on the local calendar day on both sides of the spring change', () => {
    // 2026-03-29: 02:00 CET → 03:00 CEST, a 23-hour day.
    expect(localDay(Date.UTC(2026, 2, 28, 22, 59, 59), zone)).toBe('2026-03-28'); // 23:59:59 CET
    expect(localDay(Date.UTC(2026, 2, 28, 23, 0, 0), zone)).toBe('2026-03-29'); // 00:00 CET
    expect(localDay(Date.UTC(2026, 2, 29, 21, 59, 59), zone)).toBe('2026-03-29'); // 23:59:59 CEST
    expect(localDay(Date.UTC(2026, 2, 29, 22, 0, 0), zone)).toBe('2026-03-30'); // 00:00 CEST
  });

  it('and on both sides of the autumn change', () => {
    // 2026-10-25: 03:00 CEST → 02:00 CET, a 25-hour day.
    expect(localDay(Date.UTC(2026, 9, 24, 21, 59, 59), zone)).toBe('2026-10-24');
    expect(localDay(Date.UTC(2026, 9, 24, 22, 0, 0), zone)).toBe('2026-10-25'); // 00:00 CEST
    expect(localDay(Date.UTC(2026, 9, 25, 22, 59, 59), zone)).toBe('2026-10-25'); // 23:59:59 CET
    expect(localDay(Date.UTC(2026, 9, 25, 23, 0, 0), zone)).toBe('2026-10-26');
  });

  it('counts whole calendar days across 23- and 25-hour days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-10-25', '2026-10-26')).toBe(1);
    expect(daysBetween('2026-03-15', '2026-10-30')).toBe(229);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });

  it('ends the new-hire quota on the 15th calendar day across the change', () => {
    const directory = new AgentDirectory(
      testConfig({ timezone: zone, agents: { '1003': { hireDate: '2026-03-15' } } }),
    );
    expect(directory.quotaFor('1003', '2026-03-29')).toBe(30);
    expect(directory.quotaFor('1003', '2026-03-30')).toBe(50);
  });

  it('keeps a call answered 23:59:50 on the 23-hour day on that day', () => {
    const t0 = Date.UTC(2026, 2, 29, 21, 59, 50); // 23:59:50 CEST
    const sc = new Scenario(testConfig({ timezone: zone }), t0);
    const call = dialOut(sc.at(-5), '1001', '4930123456');
    sc.at(0);
    answerOut(sc, call);
    sc.at(80);
    hangUpOut(sc, call);
    expect(sc.leg('1001')).toMatchObject({ day: '2026-03-29', talkSeconds: 80 });
    expect(sc.agentSummary('1001', '2026-03-29').outboundAnswered).toBe(1);
  });

  it('keeps a call answered in the repeated hour of the 25-hour day on that day', () => {
    const t0 = Date.UTC(2026, 9, 25, 1, 30, 0); // 02:30 CET, the second 02:30 of the night
    const sc = new Scenario(testConfig({ timezone: zone }), t0);
    outboundCall(sc, 0, { agentId: '1001', number: '4930123456', talkSeconds: 45 });
    expect(sc.leg('1001').day).toBe('2026-10-25');
  });
});

describe('nextLocalMidnight', () => {
  it('is the exact first millisecond of the next local day, across time zones and DST', () => {
    // 2026-11-28 10:00 in Shanghai (UTC+8): next midnight is 2026-11-28T16:00:00Z.
    expect(nextLocalMidnight(Date.parse('2026-11-28T02:00:00Z'), 'Asia/Shanghai')).toBe(
      Date.parse('2026-11-28T16:00:00Z'),
    );
    // Berlin, the night clocks go forward (2026-03-29): that day has 23 hours.
    expect(nextLocalMidnight(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-03-29T22:00:00Z'),
    );
    // Berlin, the night clocks go back (2026-10-25): 25 hours.
    expect(nextLocalMidnight(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-10-25T23:00:00Z'),
    );
    // A moment before midnight belongs to the day that is ending.
    expect(nextLocalMidnight(Date.parse('2026-11-28T15:59:59.999Z'), 'Asia/Shanghai')).toBe(
      Date.parse('2026-11-28T16:00:00Z'),
    );
  });
});
