import { answerMember, incoming, ringMember } from './testing/call-scripts';
import { NOT_INUSE, RINGING, Scenario, UP } from './testing/scenario';

/** 1001 answers a support call at t=20 (customer 13800138000) and transfers it to 1002. */
function firstAgentOnCall() {
  const sc = new Scenario();
  sc.at(0).login('1001', 'support').login('1002', 'support');
  sc.at(10);
  const call = incoming(sc, 'support', '13800138000');
  const a = ringMember(sc, call, '1001');
  sc.at(20);
  answerMember(sc, call, a);
  return { sc, call, a };
}

describe('blind transfer', () => {
  // BlindTransfer on 1001's member leg: an Unhold without Hold, the transfer, AgentComplete
  // (transfer), 1001's channels leave and hang up; the customer's channel, now in context xfer,
  // dials 1002's phone itself and bridges with it.
  function blindTransfer() {
    const { sc, call, a } = firstAgentOnCall();
    sc.at(50).unhold(a.one).transfer('blind', a.one);
    sc.agentCompleted('support', '1001', call.customer, 30, 'transfer');
    sc.leave(call.bridge, a.one).hangup(a.one).leave(a.bridge, a.two).hangup(a.two);
    sc.leave(a.bridge, a.phone)
      .hangup(a.phone)
      .memberStatus('1001', NOT_INUSE, { lastCall: Math.floor(sc.now / 1000) });
    call.customer.context = 'xfer';
    const b = sc.phone('1002', {
      linkedid: call.customer.linkedid,
      callerNum: call.customer.callerNum,
    });
    sc.at(51).created(b).dialBegin(call.customer, b).setState(b, RINGING);
    sc.at(58).setState(b, UP).dialEnd(call.customer, b, 'ANSWER');
    sc.enter('bridge-b', call.customer).enter('bridge-b', b);
    return { sc, call, a, b };
  }

  it('gives two legs: 1001 transferred out blind, 1002 transferred in', () => {
    const { sc, call, b } = blindTransfer();
    sc.at(120)
      .leave('bridge-b', b)
      .hangup(b)
      .leave('bridge-b', call.customer)
      .hangup(call.customer);
    expect(sc.legs()).toHaveLength(2);
    expect(sc.leg('1001')).toMatchObject({
      via: 'queue',
      queue: 'support',
      transferredOut: 'blind',
      transferredIn: false,
      answeredAt: sc.time(20),
      endedAt: sc.time(50),
      talkSeconds: 30,
      effective: true,
    });
    expect(sc.leg('1002')).toMatchObject({
      direction: 'inbound',
      via: 'transfer',
      transferredIn: true,
      customerNumber: '13800138000',
      customerUniqueid: call.customer.uniqueid,
      answeredAt: sc.time(58),
      endedAt: sc.time(120),
      talkSeconds: 62,
      effective: true,
    });
    expect(sc.leg('1002').transferredOut).toBeUndefined();
    expect(sc.agentSummary('1001')).toMatchObject({
      transfersOut: 1,
      transfersOutBlind: 1,
      inboundAnswered: 1,
      holds: 0,
    });
    expect(sc.agentSummary('1002')).toMatchObject({
      transfersIn: 1,
      transferredInDirect: 1,
      transferredInDirectEffective: 1,
      transferredInDirectTalkSeconds: 62,
    });
    expect(sc.summary().queues.find((q) => q.queue === 'support')).toMatchObject({
      answered: 1,
      completed: 1,
      transferredOut: 1,
    });
  });

  it('puts 1001 in wrap-up at the transfer and shows 1002 ringing, then on the inbound call', () => {
    const { sc } = blindTransfer();
    expect(sc.statuses('1001')).toEqual(['available', 'ringing', 'on-call(inbound)', 'wrap-up']);
    expect(sc.state('1001').wrapUpUntil).toBe(sc.time(60));
    expect(sc.statuses('1002')).toEqual(['available', 'ringing', 'on-call(inbound)']);
    expect(sc.state('1002').since).toBe(sc.time(58));
  });
});

describe('attended transfer', () => {
  // Atxfer on 1001's member leg: Hold (never unheld), a consultation channel to 1002's phone
  // enters a new bridge while still ringing, 1001's leg leaves the customer's bridge for it;
  // 1002 answers; 1001 hangs up, which moves 1002 into the customer's bridge.
  function attendedTransfer() {
    const { sc, call, a } = firstAgentOnCall();
    const b = sc.phone('1002', { callerNum: '1002' });
    sc.at(40).hold(a.one).created(b).setState(b, RINGING).enter('consult', b);
    sc.at(40.5).leave(call.bridge, a.one).enter('consult', a.one);
    const consulting = { a: sc.label('1001'), b: sc.label('1002') };
    sc.at(45).setState(b, UP).dialEnd(undefined, b, 'ANSWER');
    const talking = { a: sc.label('1001'), b: sc.label('1002') };
    sc.at(60).leave('consult', b).enter(call.bridge, b).transfer('attended', a.one);
    sc.agentCompleted('support', '1001', call.customer, 40, 'transfer');
    sc.leave('consult', a.one)
      .hangup(a.one)
      .leave(a.bridge, a.two)
      .hangup(a.two)
      .leave(a.bridge, a.phone)
      .hangup(a.phone);
    const afterTransfer = {
      a: sc.label('1001'),
      b: sc.label('1002'),
      wrapUpUntil: sc.state('1001').wrapUpUntil,
    };
    sc.at(100)
      .leave(call.bridge, b)
      .hangup(b)
      .leave(call.bridge, call.customer)
      .hangup(call.customer);
    return { sc, call, a, b, consulting, talking, afterTransfer };
  }

  it("ends 1001's talk when it left the customer's bridge, without counting the consultation hold", () => {
    const { sc } = attendedTransfer();
    expect(sc.legs()).toHaveLength(2);
    expect(sc.leg('1001')).toMatchObject({
      via: 'queue',
      transferredOut: 'attended',
      answeredAt: sc.time(20),
      endedAt: sc.time(40.5),
      talkSeconds: 20.5,
      holds: 0,
      holdSeconds: 0,
    });
    expect(sc.agentSummary('1001')).toMatchObject({
      transfersOutAttended: 1,
      holds: 0,
      holdSeconds: 0,
    });
  });

  it("starts 1002's leg at 1002's answer, consultation included", () => {
    const { sc, call } = attendedTransfer();
    expect(sc.leg('1002')).toMatchObject({
      via: 'transfer',
      transferredIn: true,
      customerUniqueid: call.customer.uniqueid,
      startedAt: sc.time(45),
      answeredAt: sc.time(45),
      endedAt: sc.time(100),
      talkSeconds: 55,
      holds: 0,
      effective: true,
    });
    expect(sc.agentSummary('1002')).toMatchObject({
      transfersIn: 1,
      transferredInDirect: 1,
      transferredInDirectTalkSeconds: 55,
    });
  });

  it('shows 1002 ringing until it answers the consultation, then both on an internal call', () => {
    const { sc, consulting, talking, afterTransfer } = attendedTransfer();
    expect(consulting).toEqual({ a: 'on-call(internal)', b: 'ringing' });
    expect(talking).toEqual({ a: 'on-call(internal)', b: 'on-call(internal)' });
    expect(afterTransfer).toEqual({
      a: 'wrap-up',
      b: 'on-call(inbound)',
      wrapUpUntil: sc.time(70),
    });
    expect(sc.statuses('1001').pop()).toBe('available');
    expect(sc.label('1002')).toBe('available');
  });
});
