import {
  agentHangsUp,
  answerMember,
  customerHangsUp,
  incoming,
  ringMember,
} from './testing/call-scripts';
import { Scenario, UP } from './testing/scenario';
import { testConfig } from './testing/test-config';

describe('an inbound queue call to a PJSIP phone behind a Local member', () => {
  function callUp() {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    sc.at(12);
    const leg = ringMember(sc, call, '1001');
    sc.at(20);
    answerMember(sc, call, leg, 10);
    return { sc, call, leg };
  }

  it('measures the talk through the Local pair, from answer to hang-up', () => {
    const { sc, call, leg } = callUp();
    sc.at(80);
    agentHangsUp(sc, call, leg, 60);
    const done = sc.leg('1001');
    expect(done).toMatchObject({
      direction: 'inbound',
      via: 'queue',
      queue: 'support',
      customerNumber: '13800138000',
      customerUniqueid: call.customer.uniqueid,
      answeredAt: sc.time(20),
      endedAt: sc.time(80),
      outcome: 'answered',
      talkSeconds: 60,
      effective: true,
      transferredIn: false,
      ruleVersion: 'test-rules-1',
      day: '2026-03-10',
    });
    expect(done.gap).toBeUndefined();
    expect(sc.agentSummary('1001')).toMatchObject({
      inboundAnswered: 1,
      inboundEffective: 1,
      inboundTalkSeconds: 60,
    });
    expect(sc.core.legs.openCount).toBe(0);
  });

  it('goes available → ringing → on-call(inbound) → wrap-up, and available once the wrap-up has passed', () => {
    const { sc, call, leg } = callUp();
    expect(sc.statuses('1001')).toEqual(['available', 'ringing', 'on-call(inbound)']);
    expect(sc.state('1001').since).toBe(sc.time(20));
    sc.at(80);
    agentHangsUp(sc, call, leg, 60);
    expect(sc.state('1001')).toMatchObject({
      status: 'wrap-up',
      since: sc.time(80),
      wrapUpUntil: sc.time(90),
      loggedIn: true,
    });
    // No event ends a wrap-up: only the clock does.
    sc.advanceTo(89.999);
    expect(sc.label('1001')).toBe('wrap-up');
    sc.advanceTo(90);
    expect(sc.state('1001')).toMatchObject({ status: 'available', since: sc.time(90) });
    expect(sc.statuses('1001')).toEqual([
      'available',
      'ringing',
      'on-call(inbound)',
      'wrap-up',
      'available',
    ]);
  });

  it('uses the member wrap-up override over the queue one', () => {
    const { sc, call, leg } = callUp();
    sc.memberEvent('1001', { wrapupTime: 25 });
    sc.at(80);
    agentHangsUp(sc, call, leg, 60);
    expect(sc.state('1001').wrapUpUntil).toBe(sc.time(105));
  });

  it('ends the same way when the customer hangs up first', () => {
    const { sc, call, leg } = callUp();
    sc.at(50);
    customerHangsUp(sc, call, leg, 30);
    expect(sc.leg('1001')).toMatchObject({
      talkSeconds: 30,
      endedAt: sc.time(50),
      effective: true,
    });
    expect(sc.statuses('1001')).toEqual(['available', 'ringing', 'on-call(inbound)', 'wrap-up']);
    const support = sc.summary().queues.find((q) => q.queue === 'support')!;
    expect(support).toMatchObject({
      offered: 1,
      answered: 1,
      completed: 1,
      totalTalkSeconds: 30,
      answeredWithinServiceLevel: 1,
    });
  });

  it('publishes the phone as ringing while it rings, even before the queue says so', () => {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    expect(sc.label('1001')).toBe('available');
    sc.at(12);
    ringMember(sc, call, '1001');
    expect(sc.state('1001')).toMatchObject({ status: 'ringing', since: sc.time(12) });
  });
});

describe('Local channel optimisation', () => {
  // 1003's member `Local/1003@agents` may be optimised away: the PJSIP phone replaces ;1 in
  // the caller's bridge (BridgeEnter with SwapUniqueid), then both Local halves leave and hang up.
  function optimisedCall() {
    const sc = new Scenario(testConfig());
    sc.at(0).login('1003', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13900139000');
    const leg = ringMember(sc, call, '1003');
    sc.at(15);
    answerMember(sc, call, leg);
    sc.at(16);
    const before = sc.outputs.length;
    sc.leave(leg.bridge, leg.phone).enter(call.bridge, leg.phone, leg.one);
    sc.leave(call.bridge, leg.one).leave(leg.bridge, leg.two);
    sc.hangup(leg.one).hangup(leg.two);
    return { sc, call, leg, before };
  }

  it('keeps the leg: talk runs on through the swap, one leg only', () => {
    const { sc, call, leg } = optimisedCall();
    sc.at(75);
    sc.agentCompleted('support', '1003', call.customer, 60, 'caller');
    sc.leave(call.bridge, call.customer)
      .hangup(call.customer)
      .leave(call.bridge, leg.phone)
      .hangup(leg.phone);
    expect(sc.legs()).toHaveLength(1);
    expect(sc.leg('1003')).toMatchObject({
      via: 'queue',
      queue: 'support',
      answeredAt: sc.time(15),
      endedAt: sc.time(75),
      talkSeconds: 60,
      effective: true,
    });
  });

  it('does not change the agent state during the swap', () => {
    const { sc, before } = optimisedCall();
    expect(sc.statuses('1003', before)).toEqual([]);
    expect(sc.label('1003')).toBe('on-call(inbound)');
    expect(sc.core.legs.openCount).toBe(1);
  });

  it('ends the leg when the phone, now in the caller bridge, hangs up', () => {
    const { sc, call, leg } = optimisedCall();
    sc.at(46);
    sc.agentCompleted('support', '1003', call.customer, 31, 'agent');
    sc.leave(call.bridge, leg.phone)
      .hangup(leg.phone)
      .leave(call.bridge, call.customer)
      .hangup(call.customer);
    expect(sc.leg('1003')).toMatchObject({ talkSeconds: 31, endedAt: sc.time(46) });
    expect(sc.label('1003')).toBe('wrap-up');
    expect(leg.phone.state).toBe(UP);
  });
});
