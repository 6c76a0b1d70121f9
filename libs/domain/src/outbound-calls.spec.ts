import {
  answerOut,
  dialColleague,
  dialOut,
  failOut,
  hangUpOut,
  outboundCall,
} from './testing/call-scripts';
import { Scenario } from './testing/scenario';
import { type DialStatus } from './telephony-event';

describe('outbound dials from the agent phone', () => {
  it.each<[DialStatus, string]>([
    ['NOANSWER', 'noanswer'],
    ['BUSY', 'busy'],
    ['CONGESTION', 'congestion'],
    ['CHANUNAVAIL', 'failed'],
  ])('DialEnd %s gives a %s leg, never effective', (status, outcome) => {
    const sc = new Scenario();
    const call = dialOut(sc, '1001', '13700137000');
    sc.at(25);
    failOut(sc, call, status);
    expect(sc.leg('1001')).toMatchObject({
      direction: 'outbound',
      via: 'dial',
      outcome,
      customerNumber: '13700137000',
      startedAt: sc.time(0),
      endedAt: sc.time(25),
      talkSeconds: 0,
      effective: false,
    });
    expect(sc.leg('1001').answeredAt).toBeUndefined();
  });

  it('DialEnd ANSWER gives an answered leg measured from the bridge', () => {
    const sc = new Scenario();
    outboundCall(sc, 0, {
      agentId: '1001',
      number: '13700137000',
      ringSeconds: 8,
      talkSeconds: 45,
    });
    expect(sc.leg('1001')).toMatchObject({
      outcome: 'answered',
      answeredAt: sc.time(8),
      endedAt: sc.time(53),
      talkSeconds: 45,
      effective: true,
    });
  });

  it('sums every outcome in the day summary', () => {
    const sc = new Scenario();
    outboundCall(sc, 0, { agentId: '1001', number: '13700000001', talkSeconds: 40 });
    (['NOANSWER', 'BUSY', 'CONGESTION', 'CHANUNAVAIL'] as const).forEach((status, i) => {
      const call = dialOut(sc.at(100 + i * 60), '1001', `1370000001${i}`);
      sc.at(120 + i * 60);
      failOut(sc, call, status);
    });
    expect(sc.agentSummary('1001')).toMatchObject({
      outboundDials: 5,
      outboundAnswered: 1,
      outboundNoAnswer: 1,
      outboundBusy: 1,
      outboundCongestion: 1,
      outboundFailed: 1,
      outboundEffective: 1,
      outboundTalkSeconds: 40,
      effectiveTotal: 1,
    });
  });

  it('still records the outcome when DialEnd comes after the callee hung up', () => {
    const sc = new Scenario();
    const call = dialOut(sc, '1001', '13700137000');
    sc.at(30)
      .hangup(call.customer, 19)
      .dialEnd(call.phone, call.customer, 'NOANSWER')
      .hangup(call.phone);
    expect(sc.leg('1001')).toMatchObject({ outcome: 'noanswer', endedAt: sc.time(30) });
    expect(sc.core.legs.openCount).toBe(0);
  });

  it('shows the agent dialing, then on an outbound call, then available (no wrap-up after outbound)', () => {
    const sc = new Scenario();
    sc.login('1001', 'support');
    const call = dialOut(sc.at(1), '1001', '13700137000');
    expect(sc.state('1001')).toMatchObject({ status: 'dialing', since: sc.time(1) });
    sc.at(6);
    answerOut(sc, call);
    expect(sc.state('1001')).toMatchObject({
      status: 'on-call',
      direction: 'outbound',
      since: sc.time(6),
    });
    sc.at(50);
    hangUpOut(sc, call);
    expect(sc.statuses('1001')).toEqual(['available', 'dialing', 'on-call(outbound)', 'available']);
  });
});

describe('an agent calling a colleague', () => {
  function internalCall() {
    const sc = new Scenario();
    sc.login('1001', 'support').login('1002', 'support');
    const call = dialColleague(sc.at(1), '1001', '1002');
    const ringing = { a: sc.label('1001'), b: sc.label('1002') };
    sc.at(5);
    answerOut(sc, call);
    const talking = { a: sc.label('1001'), b: sc.label('1002') };
    sc.at(125);
    hangUpOut(sc, call);
    return { sc, ringing, talking };
  }

  it('is an internal call, never an effective one, however long', () => {
    const { sc } = internalCall();
    expect(sc.legs()).toEqual([]);
    expect(sc.agentSummary('1001')).toMatchObject({
      internalCalls: 1,
      outboundDials: 0,
      effectiveTotal: 0,
      effectiveCounted: 0,
    });
    expect(sc.agentSummary('1002')).toMatchObject({
      internalCalls: 0,
      inboundAnswered: 0,
      effectiveTotal: 0,
    });
    expect(sc.core.days.get('1001', '2026-03-10')?.internalCalls).toEqual([
      expect.objectContaining({ agentId: '1001', calleeAgentId: '1002', startedAt: sc.time(1) }),
    ]);
  });

  it('shows the caller dialing and the colleague ringing, then both on an internal call', () => {
    const { sc, ringing, talking } = internalCall();
    expect(ringing).toEqual({ a: 'dialing', b: 'ringing' });
    expect(talking).toEqual({ a: 'on-call(internal)', b: 'on-call(internal)' });
    expect(sc.statuses('1002')).toEqual(['available', 'ringing', 'on-call(internal)', 'available']);
  });
});

describe('an agent logged out of every queue', () => {
  it('shows on-call with loggedIn false while on an outbound call', () => {
    const sc = new Scenario();
    expect(sc.state('1003')).toMatchObject({ status: 'logged-out', loggedIn: false });
    const call = dialOut(sc.at(1), '1003', '13700137000');
    expect(sc.state('1003')).toMatchObject({ status: 'dialing', loggedIn: false });
    sc.at(4);
    answerOut(sc, call);
    expect(sc.state('1003')).toMatchObject({
      status: 'on-call',
      direction: 'outbound',
      loggedIn: false,
    });
    sc.at(64);
    hangUpOut(sc, call);
    expect(sc.state('1003')).toMatchObject({ status: 'logged-out', loggedIn: false });
    expect(sc.leg('1003')).toMatchObject({ effective: true, talkSeconds: 60 });
  });

  it('logged out in the middle of a call: on-call, then logged-out at the hang-up', () => {
    const sc = new Scenario();
    sc.login('1001', 'support', 'sales');
    const call = dialOut(sc.at(1), '1001', '13700137000');
    sc.at(4);
    answerOut(sc, call);
    sc.at(10).logout('1001');
    expect(sc.state('1001')).toMatchObject({ status: 'on-call', loggedIn: false });
    expect(sc.of('session').map((o) => o.session)).toEqual([
      { agentId: '1001', loginAt: sc.time(0) },
      { agentId: '1001', loginAt: sc.time(0), logoutAt: sc.time(10) },
    ]);
    sc.at(40);
    hangUpOut(sc, call);
    expect(sc.statuses('1001')).toEqual([
      'available',
      'dialing',
      'on-call(outbound)',
      'on-call(outbound)',
      'logged-out',
    ]);
  });
});
