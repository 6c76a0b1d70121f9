import {
  agentHangsUp,
  answerMember,
  answerOut,
  dialOut,
  hangUpOut,
  incoming,
  ringMember,
} from './testing/call-scripts';
import { Scenario } from './testing/scenario';

describe('hold and unhold', () => {
  function inboundCall() {
    const sc = new Scenario();
    sc.at(0).login('1001', 'support');
    const call = incoming(sc, 'support', '13800138000');
    const leg = ringMember(sc, call, '1001');
    sc.at(10);
    answerMember(sc, call, leg);
    return { sc, call, leg };
  }

  it('counts each hold of the agent phone with its seconds; talk runs on during the hold', () => {
    const { sc, call, leg } = inboundCall();
    sc.at(30).hold(leg.phone);
    sc.at(42).unhold(leg.phone);
    sc.at(50).hold(leg.phone);
    sc.at(55.5).unhold(leg.phone);
    sc.at(100);
    agentHangsUp(sc, call, leg, 90);
    expect(sc.leg('1001')).toMatchObject({ holds: 2, holdSeconds: 17.5, talkSeconds: 90 });
    expect(sc.agentSummary('1001')).toMatchObject({ holds: 2, holdSeconds: 17.5 });
  });

  it('shows the agent on hold while the phone holds the call', () => {
    const { sc, leg } = inboundCall();
    const before = sc.outputs.length;
    sc.at(30).hold(leg.phone);
    expect(sc.state('1001')).toMatchObject({
      status: 'on-call',
      direction: 'inbound',
      held: true,
      since: sc.time(30),
    });
    sc.at(42).unhold(leg.phone);
    expect(sc.state('1001')).toMatchObject({ status: 'on-call', held: false, since: sc.time(42) });
    expect(sc.statuses('1001', before)).toEqual(['on-call(inbound,held)', 'on-call(inbound)']);
  });

  it('ignores an Unhold without a Hold before it (sent before a blind transfer)', () => {
    const { sc, call, leg } = inboundCall();
    const before = sc.outputs.length;
    sc.at(20).unhold(leg.phone).unhold(leg.one);
    expect(sc.statuses('1001', before)).toEqual([]);
    sc.at(70);
    agentHangsUp(sc, call, leg, 60);
    expect(sc.leg('1001')).toMatchObject({ holds: 0, holdSeconds: 0 });
  });

  it('counts a repeated Hold once, from the first', () => {
    const { sc, call, leg } = inboundCall();
    sc.at(20).hold(leg.phone);
    sc.at(25).hold(leg.phone);
    sc.at(30).unhold(leg.phone).unhold(leg.phone);
    sc.at(70);
    agentHangsUp(sc, call, leg, 60);
    expect(sc.leg('1001')).toMatchObject({ holds: 1, holdSeconds: 10 });
  });

  it('closes a hold still open when the call ends', () => {
    const { sc, call, leg } = inboundCall();
    sc.at(60).hold(leg.phone);
    sc.at(64);
    // The customer gives up while on hold: the hold ends with the call.
    sc.agentCompleted('support', '1001', call.customer, 54, 'caller');
    sc.leave(call.bridge, call.customer).hangup(call.customer);
    sc.leave(call.bridge, leg.one).hangup(leg.one).leave(leg.bridge, leg.two).hangup(leg.two);
    sc.leave(leg.bridge, leg.phone).hangup(leg.phone);
    expect(sc.leg('1001')).toMatchObject({ talkSeconds: 54, holds: 1, holdSeconds: 4 });
    expect(sc.label('1001')).toBe('wrap-up');
  });

  it('counts holds on outbound calls too', () => {
    const sc = new Scenario();
    const call = dialOut(sc, '1002', '13700137000');
    sc.at(5);
    answerOut(sc, call);
    sc.at(20).hold(call.phone);
    expect(sc.label('1002')).toBe('on-call(outbound,held)');
    sc.at(26).unhold(call.phone);
    sc.at(65);
    hangUpOut(sc, call);
    expect(sc.leg('1002')).toMatchObject({
      direction: 'outbound',
      holds: 1,
      holdSeconds: 6,
      talkSeconds: 60,
    });
  });
});
