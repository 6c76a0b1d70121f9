import { answerMember, ringMember } from './testing/call-scripts';
import { RING, RINGING, Scenario, UP } from './testing/scenario';

/**
 * A Local pair that belongs to no agent joins two bridges: a 'wire'. The agent and the
 * customer never share a bridge, yet they talk, and the leg must be the one the dial or the
 * queue started, with the customer on the far side of the wire.
 */
describe('talk through a Local wire', () => {
  it('an outbound call routed through Local/<number>@outbound is one outbound leg', () => {
    const sc = new Scenario();
    const phone = sc.phone('1001', { state: RING, callerNum: '1001', exten: '13700137000' });
    const wire = sc.localPair('13700137000@outbound', { linkedid: phone.linkedid });
    const customer = sc.trunk('13700137000', { linkedid: phone.linkedid });
    sc.created(phone, wire.one, wire.two).localBridge(wire).dialBegin(phone, wire.one);
    sc.created(customer)
      .dialBegin(wire.two, customer)
      .setState(customer, RINGING)
      .setState(wire.one, RINGING);
    expect(sc.label('1001')).toBe('dialing');
    sc.at(6).setState(customer, UP).dialEnd(wire.two, customer, 'ANSWER').setState(wire.two, UP);
    sc.enter('b-trunk', wire.two).enter('b-trunk', customer);
    sc.setState(wire.one, UP).dialEnd(phone, wire.one, 'ANSWER').setState(phone, UP);
    sc.enter('b-phone', phone).enter('b-phone', wire.one);
    expect(sc.label('1001')).toBe('on-call(outbound)');
    sc.at(56)
      .leave('b-trunk', customer)
      .hangup(customer)
      .leave('b-trunk', wire.two)
      .hangup(wire.two);
    sc.leave('b-phone', wire.one).hangup(wire.one).leave('b-phone', phone).hangup(phone);
    expect(sc.leg('1001')).toMatchObject({
      direction: 'outbound',
      via: 'dial',
      outcome: 'answered',
      customerNumber: '13700137000',
      customerUniqueid: customer.uniqueid,
      answeredAt: sc.time(6),
      talkSeconds: 50,
      effective: true,
    });
    expect(sc.agentSummary('1001')).toMatchObject({
      outboundDials: 1,
      outboundAnswered: 1,
      outboundEffective: 1,
      inboundAnswered: 0,
    });
  });

  it('a caller that reaches the queue through a Local wire is one inbound queue leg', () => {
    const sc = new Scenario();
    sc.login('1002', 'support');
    // The trunk is answered by an IVR that sends it on through Local/4000@queues; ;2 queues.
    const trunk = sc.trunk('13800138000', { state: RING });
    const wire = sc.localPair('4000@queues', {
      linkedid: trunk.linkedid,
      callerNum: '13800138000',
    });
    sc.created(trunk)
      .setState(trunk, UP)
      .created(wire.one, wire.two)
      .localBridge(wire)
      .dialBegin(trunk, wire.one);
    sc.setState(wire.two, UP).setState(wire.one, UP).dialEnd(trunk, wire.one, 'ANSWER');
    sc.enter('b-ivr', trunk).enter('b-ivr', wire.one).joined('support', wire.two);
    const call = { queue: 'support', customer: wire.two, bridge: 'b-queue' };
    sc.at(3);
    const leg = ringMember(sc, call, '1002');
    sc.at(9);
    answerMember(sc, call, leg);
    sc.at(49).agentCompleted('support', '1002', wire.two, 40, 'caller');
    sc.leave('b-ivr', trunk).hangup(trunk).leave('b-ivr', wire.one).hangup(wire.one);
    sc.leave('b-queue', wire.two).hangup(wire.two).leave('b-queue', leg.one).hangup(leg.one);
    sc.leave(leg.bridge, leg.two).hangup(leg.two).leave(leg.bridge, leg.phone).hangup(leg.phone);
    expect(sc.leg('1002')).toMatchObject({
      direction: 'inbound',
      via: 'queue',
      queue: 'support',
      customerNumber: '13800138000',
      answeredAt: sc.time(9),
      endedAt: sc.time(49),
      talkSeconds: 40,
      effective: true,
    });
    expect(sc.agentSummary('1002')).toMatchObject({ inboundAnswered: 1, inboundEffective: 1 });
    expect(sc.label('1002')).toBe('wrap-up');
  });
});
