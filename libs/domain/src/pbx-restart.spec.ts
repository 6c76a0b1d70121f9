import { answerMember, dialOut, incoming, ringMember } from './testing/call-scripts';
import { Scenario } from './testing/scenario';

/** 1001 talks with a support caller since t=20; 1002 is dialing a customer since t=50. */
function busyCenter() {
  const sc = new Scenario();
  sc.at(0).booted(3600).login('1001', 'support').login('1002', 'support');
  sc.at(10);
  const call = incoming(sc, 'support', '13800138000');
  const leg = ringMember(sc, call, '1001');
  sc.at(20);
  answerMember(sc, call, leg);
  sc.at(30).hold(leg.phone);
  const dial = dialOut(sc.at(50), '1002', '13700137000');
  return { sc, call, leg, dial };
}

describe('the PBX restarting mid-call', () => {
  it('a FullyBooted with a later boot instant closes every known call with gap pbx-restart', () => {
    const { sc, call } = busyCenter();
    sc.at(60).booted(3);
    expect(sc.of('pbx-restarted')).toEqual([{ type: 'pbx-restarted', at: sc.time(60) }]);
    expect(sc.leg('1001')).toMatchObject({
      gap: 'pbx-restart',
      customerUniqueid: call.customer.uniqueid,
      answeredAt: sc.time(20),
      endedAt: sc.time(60),
      talkSeconds: 40,
      outcome: 'answered',
      effective: true,
      holds: 1,
      holdSeconds: 30,
    });
    expect(sc.leg('1002')).toMatchObject({
      gap: 'pbx-restart',
      via: 'dial',
      outcome: 'failed',
      endedAt: sc.time(60),
      effective: false,
    });
    expect(sc.core.legs.openCount).toBe(0);
  });

  it('re-derives the agent states: nobody is on a call any more', () => {
    const { sc } = busyCenter();
    expect(sc.label('1001')).toBe('on-call(inbound,held)');
    expect(sc.label('1002')).toBe('dialing');
    sc.at(60).booted(3);
    expect(sc.state('1001')).toMatchObject({ status: 'available', since: sc.time(60) });
    expect(sc.state('1002')).toMatchObject({ status: 'available', since: sc.time(60) });
    expect(sc.core.graph.channels.size).toBe(0);
  });

  it('a Shutdown does the same', () => {
    const { sc } = busyCenter();
    sc.at(60).shutdown();
    expect(sc.legs().map((l) => [l.agentId, l.gap, l.endedAt])).toEqual([
      ['1001', 'pbx-restart', sc.time(60)],
      ['1002', 'pbx-restart', sc.time(60)],
    ]);
    expect(sc.label('1001')).toBe('available');
    expect(sc.label('1002')).toBe('available');
  });

  it('counts each call once when the shutdown is followed by the boot', () => {
    const { sc } = busyCenter();
    sc.at(60).shutdown();
    sc.at(90).booted(5);
    expect(sc.legs()).toHaveLength(2);
    expect(sc.of('pbx-restarted')).toHaveLength(2);
  });

  it('ignores the end events of calls that died with the PBX', () => {
    const { sc, call, leg, dial } = busyCenter();
    sc.at(60).shutdown();
    sc.at(61)
      .leave(call.bridge, call.customer)
      .hangup(call.customer)
      .leave(call.bridge, leg.one)
      .hangup(leg.one);
    sc.dialEnd(dial.phone, dial.customer, 'CANCEL').hangup(dial.customer).hangup(dial.phone);
    sc.setState(leg.phone, 6).unhold(leg.phone);
    expect(sc.legs()).toHaveLength(2);
    expect(sc.label('1001')).toBe('available');
    expect(sc.label('1002')).toBe('available');
    expect(sc.core.graph.channels.size).toBe(0);
  });

  it('a FullyBooted of the same boot (a reconnect, or within the tolerance) closes nothing', () => {
    const { sc } = busyCenter();
    sc.at(60).booted(3660);
    sc.at(70).booted(3672); // the boot instant moved by 2 s: clock jitter, not a restart
    expect(sc.of('pbx-restarted')).toEqual([]);
    expect(sc.legs()).toEqual([]);
    expect(sc.label('1001')).toBe('on-call(inbound,held)');
  });
});
