import {
  answerMember,
  cancelMember,
  dialOut,
  incoming,
  type MemberLeg,
  type QueueCall,
  ringMember,
} from './testing/call-scripts';
import { INUSE, NOT_INUSE, Scenario, UP } from './testing/scenario';

/**
 * Queue events, device states and channel events travel on different Stasis topics and
 * interleave freely; ringall cancels can repeat; members in N queues produce N events.
 */
describe('events out of order and duplicates', () => {
  function callUp(queues: string[] = ['support']) {
    const sc = new Scenario();
    sc.at(0)
      .login('1001', ...queues)
      .login('1002', ...queues);
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    const leg = ringMember(sc, call, '1001');
    sc.at(20);
    answerMember(sc, call, leg);
    return { sc, call, leg };
  }

  /** The phone side and ;1 hang up, with the queue's events left to the test. */
  function channelsEnd(sc: Scenario, call: QueueCall, leg: MemberLeg): void {
    sc.leave(leg.bridge, leg.phone).hangup(leg.phone).leave(leg.bridge, leg.two).hangup(leg.two);
    sc.leave(call.bridge, leg.one)
      .hangup(leg.one)
      .leave(call.bridge, call.customer)
      .hangup(call.customer);
  }

  function expectCountedOnce(sc: Scenario) {
    expect(sc.legs()).toHaveLength(1);
    expect(sc.agentSummary('1001')).toMatchObject({
      inboundAnswered: 1,
      inboundEffective: 1,
      inboundTalkSeconds: 60,
    });
    expect(sc.summary().queues.find((q) => q.queue === 'support')).toMatchObject({
      offered: 1,
      answered: 1,
      completed: 1,
    });
    expect(sc.core.legs.openCount).toBe(0);
  }

  it('AgentComplete after the agent channel hung up: one leg, wrap-up from the AgentComplete', () => {
    const { sc, call, leg } = callUp();
    sc.at(80);
    channelsEnd(sc, call, leg);
    expect(sc.leg('1001')).toMatchObject({ talkSeconds: 60, endedAt: sc.time(80) });
    sc.at(80.2).agentCompleted('support', '1001', call.customer, 60, 'agent');
    expect(sc.state('1001')).toMatchObject({ status: 'wrap-up', wrapUpUntil: sc.time(90.2) });
    expectCountedOnce(sc);
  });

  it('AgentComplete without channel fields closes the member by queue and interface', () => {
    const { sc, call, leg } = callUp();
    sc.at(80);
    channelsEnd(sc, call, leg);
    sc.at(80.1).agentCompleted('support', '1001', undefined, 60, 'caller');
    expect(sc.state('1001')).toMatchObject({ status: 'wrap-up', wrapUpUntil: sc.time(90.1) });
    expectCountedOnce(sc);
  });

  it('QueueMemberStatus (LastCall) in both queues before AgentComplete: the wrap-up published is the queue call one', () => {
    const { sc, call, leg } = callUp(['sales', 'support']);
    sc.at(80);
    channelsEnd(sc, call, leg);
    // shared_lastcall: the member's LastCall shows in every queue, sales (5 s wrap-up) first.
    sc.at(80.3).memberStatus('1001', NOT_INUSE, {
      lastCall: Math.floor(sc.time(80) / 1000),
      inCall: false,
    });
    sc.at(80.4).agentCompleted('support', '1001', call.customer, 60, 'agent');
    expect(sc.state('1001')).toMatchObject({ status: 'wrap-up', wrapUpUntil: sc.time(90.4) });
    const published = sc
      .of('agent-state')
      .filter((o) => o.agentId === '1001')
      .pop()!;
    expect(published.state.wrapUpUntil).toBe(sc.time(90.4));
    sc.advanceTo(86);
    expect(sc.label('1001')).toBe('wrap-up');
    sc.advanceTo(90.4);
    expect(sc.label('1001')).toBe('available');
    expectCountedOnce(sc);
  });

  it('a duplicate DialEnd CANCEL for a ringall loser changes nothing', () => {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support').login('1002', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    const a = ringMember(sc, call, '1001');
    const b = ringMember(sc, call, '1002');
    expect(sc.label('1002')).toBe('ringing');
    sc.at(14);
    answerMember(sc, call, a);
    sc.dialEnd(call.customer, b.one, 'CANCEL');
    const before = sc.outputs.length;
    sc.dialEnd(call.customer, b.one, 'CANCEL');
    expect(sc.outputs.slice(before)).toEqual([]);
    cancelMember(sc, call, b);
    expect(sc.label('1002')).toBe('available');
    expect(sc.legs('1002')).toEqual([]);
    expect(sc.summary().queues.find((q) => q.queue === 'support')).toMatchObject({
      offered: 1,
      answered: 1,
      answeredAfterRingOut: 0,
    });
  });

  it('a DialEnd CANCEL arriving after the loser hung up does not bring its channel back', () => {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support').login('1002', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    const a = ringMember(sc, call, '1001');
    const b = ringMember(sc, call, '1002');
    sc.at(14);
    answerMember(sc, call, a);
    sc.hangup(b.phone, 26).hangup(b.two, 26).hangup(b.one, 26).memberStatus('1002', NOT_INUSE);
    sc.dialEnd(call.customer, b.one, 'CANCEL').dialEnd(b.two, b.phone, 'CANCEL');
    expect(sc.label('1002')).toBe('available');
    sc.advanceTo(600);
    expect(sc.label('1002')).toBe('available');
  });

  it('the caller hanging up as the agent answers (AgentConnect, no bridge) still ends the leg', () => {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support');
    sc.at(10);
    const call = incoming(sc, 'support', '13800138000');
    const leg = ringMember(sc, call, '1001');
    sc.at(20).setState(leg.phone, UP).dialEnd(leg.two, leg.phone, 'ANSWER');
    sc.dialEnd(call.customer, leg.one, 'ANSWER').agentConnected(
      'support',
      '1001',
      call.customer,
      leg.one,
    );
    sc.hangup(call.customer).agentCompleted('support', '1001', call.customer, 0, 'caller');
    sc.hangup(leg.one).hangup(leg.two).hangup(leg.phone).memberStatus('1001', NOT_INUSE);
    expect(sc.leg('1001')).toMatchObject({
      via: 'queue',
      talkSeconds: 0,
      effective: false,
      endedAt: sc.time(20),
    });
    expect(sc.core.legs.openCount).toBe(0);
    expect(sc.label('1001')).toBe('wrap-up');
  });

  it('an answered outbound dial whose callee hangs up before the bridge is still recorded', () => {
    const sc = new Scenario();
    const call = dialOut(sc, '1002', '13700137000');
    sc.at(8).setState(call.customer, UP).dialEnd(call.phone, call.customer, 'ANSWER');
    sc.hangup(call.customer).hangup(call.phone);
    expect(sc.leg('1002')).toMatchObject({
      via: 'dial',
      outcome: 'answered',
      talkSeconds: 0,
      effective: false,
    });
    expect(sc.agentSummary('1002').outboundDials).toBe(1);
    expect(sc.label('1002')).toBe('logged-out');
  });

  it('member events repeated for every queue give one session and no state change', () => {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support', 'sales');
    expect(sc.of('session')).toHaveLength(1);
    const before = sc.outputs.length;
    sc.at(5).memberStatus('1001', NOT_INUSE).memberStatus('1001', NOT_INUSE);
    sc.login('1001', 'support', 'sales');
    expect(sc.outputs.slice(before)).toEqual([]);
    expect(sc.agentSummary('1001').sessions).toEqual([
      { loginAt: sc.time(0), logoutAt: undefined },
    ]);
  });

  it('an agent on a call stays on it while its member status moves in both queues', () => {
    const { sc, call, leg } = callUp(['support', 'sales']);
    const before = sc.outputs.length;
    sc.at(30)
      .memberStatus('1001', INUSE, { inCall: true })
      .memberStatus('1001', INUSE, { inCall: true });
    expect(sc.statuses('1001', before)).toEqual([]);
    sc.at(80);
    sc.agentCompleted('support', '1001', call.customer, 60, 'agent');
    sc.agentCompleted('support', '1001', call.customer, 60, 'agent');
    channelsEnd(sc, call, leg);
    expect(sc.legs()).toHaveLength(1);
  });
});
