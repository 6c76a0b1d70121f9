import {
  agentHangsUp,
  answerMember,
  incoming,
  type MemberLeg,
  type QueueCall,
  ringMember,
} from './testing/call-scripts';
import { INUSE, NOT_INUSE, Scenario } from './testing/scenario';

/**
 * The link drops at t=100 and comes back; the core rebuilds from what the PBX reports
 * (QueueStatus, CoreShowChannels) at t=110, then the buffered live events are applied on top.
 */
function callUpThenGap() {
  const sc = new Scenario();
  sc.at(0).login('1001', 'support');
  sc.at(10);
  const call = incoming(sc, 'support', '13800138000');
  const leg = ringMember(sc, call, '1001');
  sc.at(20);
  answerMember(sc, call, leg);
  return { sc, call, leg };
}

/** The PBX's view of a call still up: its four channels in their two bridges. */
function liveChannels(call: QueueCall, leg: MemberLeg) {
  return [
    { ch: call.customer, bridgeId: call.bridge, createdAt: 10 },
    { ch: leg.one, bridgeId: call.bridge, createdAt: 10 },
    { ch: leg.two, bridgeId: leg.bridge, createdAt: 10 },
    { ch: leg.phone, bridgeId: leg.bridge, createdAt: 10 },
  ];
}

describe('resync after a link gap', () => {
  describe('a call that ended during the gap', () => {
    function endedInGap() {
      const { sc, call, leg } = callUpThenGap();
      const lastCall = Math.floor(sc.time(105) / 1000);
      sc.at(110).snapshot({
        linkDownAt: 100,
        channels: [],
        members: [sc.member('1001', 'support', { lastCall, inCall: false })],
      });
      return { sc, call, leg };
    }

    it('is closed once, at the link loss, with gap link-gap', () => {
      const { sc } = endedInGap();
      expect(sc.leg('1001')).toMatchObject({
        gap: 'link-gap',
        via: 'queue',
        answeredAt: sc.time(20),
        endedAt: sc.time(100),
        talkSeconds: 80,
        effective: true,
      });
      expect(sc.core.legs.openCount).toBe(0);
    });

    it('is not counted again when its end events never come, nor when they come late', () => {
      const { sc, call, leg } = endedInGap();
      sc.at(111);
      sc.leave(leg.bridge, leg.phone).hangup(leg.phone).leave(leg.bridge, leg.two).hangup(leg.two);
      sc.leave(call.bridge, leg.one)
        .hangup(leg.one)
        .leave(call.bridge, call.customer)
        .hangup(call.customer);
      sc.setState(leg.phone, 6)
        .enter(call.bridge, call.customer)
        .dialEnd(call.customer, leg.one, 'ANSWER');
      sc.advanceTo(4000);
      expect(sc.legs()).toHaveLength(1);
      expect(sc.core.days.progress('1001', '2026-03-10').counted).toBe(1);
      expect(sc.agentSummary('1001')).toMatchObject({ inboundAnswered: 1, effectiveTotal: 1 });
      expect(sc.label('1001')).toBe('available');
    });

    it('leaves the agent in the wrap-up the PBX reports (LastCall), flagged as a resync', () => {
      const { sc } = endedInGap();
      const last = sc.of('agent-state').pop()!;
      expect(last).toMatchObject({
        agentId: '1001',
        resync: true,
        state: { status: 'wrap-up', wrapUpUntil: sc.time(115) },
      });
      sc.advanceTo(115);
      expect(sc.state('1001')).toMatchObject({ status: 'available', since: sc.time(115) });
    });
  });

  describe('a call still up', () => {
    function stillUp() {
      const { sc, call, leg } = callUpThenGap();
      sc.at(90).hold(leg.phone);
      const before = sc.outputs.length;
      sc.at(110).snapshot({
        linkDownAt: 100,
        channels: liveChannels(call, leg),
        members: [sc.member('1001', 'support')],
      });
      return { sc, call, leg, before };
    }

    it('keeps its talk and its hold across the reconnect', () => {
      const { sc, call, leg } = stillUp();
      expect(sc.legs()).toEqual([]);
      sc.at(120).unhold(leg.phone);
      sc.at(200);
      agentHangsUp(sc, call, leg, 180);
      expect(sc.leg('1001')).toMatchObject({
        answeredAt: sc.time(20),
        endedAt: sc.time(200),
        talkSeconds: 180,
        holds: 1,
        holdSeconds: 30,
      });
      expect(sc.leg('1001').gap).toBeUndefined();
    });

    it('publishes no state change for an agent whose state did not change', () => {
      const { sc, before } = stillUp();
      expect(sc.of('agent-state').slice(before)).toEqual([]);
      expect(sc.state('1001')).toMatchObject({
        status: 'on-call',
        direction: 'inbound',
        held: true,
        since: sc.time(90),
      });
    });

    it('changes nothing when the buffered events already in the snapshot are applied again', () => {
      const { sc, call, leg } = stillUp();
      const before = sc.outputs.length;
      const figures = sc.core.queues.figures('support');
      sc.at(110.5);
      sc.enter(call.bridge, call.customer).enter(call.bridge, leg.one).enter(leg.bridge, leg.phone);
      sc.setState(leg.phone, 6)
        .dialEnd(leg.two, leg.phone, 'ANSWER')
        .dialEnd(call.customer, leg.one, 'ANSWER');
      sc.hold(leg.phone).memberStatus('1001', INUSE).login('1001', 'support');
      sc.agentConnected('support', '1001', call.customer, leg.one);
      // Only the hint to re-read the queue's figures, which are unchanged.
      expect(sc.outputs.slice(before).filter((o) => o.type !== 'queue-changed')).toEqual([]);
      expect(sc.core.queues.figures('support')).toEqual(figures);
      sc.at(200);
      agentHangsUp(sc, call, leg, 180);
      expect(sc.leg('1001')).toMatchObject({ talkSeconds: 180, holdSeconds: 110, holds: 1 });
    });
  });

  describe('queue members', () => {
    it('are replaced by the snapshot: logins, logouts and pauses that happened in the gap', () => {
      const sc = new Scenario();
      sc.at(0).login('1001', 'support', 'sales').login('1002', 'support');
      const before = sc.outputs.length;
      sc.at(50).snapshot({
        linkDownAt: 40,
        channels: [],
        members: [
          sc.member('1001', 'sales', { paused: true, pausedReason: 'break' }),
          sc.member('1003', 'support', { status: NOT_INUSE }),
        ],
      });
      expect([...sc.core.agentPresence('1001')!.memberships.keys()]).toEqual(['sales']);
      expect(sc.outputs.slice(before).filter((o) => o.type === 'agent-state')).toEqual([
        {
          type: 'agent-state',
          agentId: '1001',
          resync: true,
          state: { status: 'paused', loggedIn: true, pauseReason: 'break', since: sc.time(50) },
        },
        {
          type: 'agent-state',
          agentId: '1002',
          resync: true,
          state: { status: 'logged-out', loggedIn: false, since: sc.time(50) },
        },
        {
          type: 'agent-state',
          agentId: '1003',
          resync: true,
          state: { status: 'available', loggedIn: true, since: sc.time(50) },
        },
      ]);
      expect(
        sc
          .of('session')
          .map((o) => o.session)
          .slice(-2),
      ).toEqual([
        { agentId: '1002', loginAt: sc.time(0), logoutAt: sc.time(50) },
        { agentId: '1003', loginAt: sc.time(50) },
      ]);
      expect(sc.of('pause-started').map((o) => [o.pause.agentId, o.pause.reason])).toEqual([
        ['1001', 'break'],
      ]);
    });

    it('replace the waiting callers', () => {
      const sc = new Scenario();
      sc.at(0).login('1001', 'support');
      sc.at(10);
      incoming(sc, 'support', '13800000001');
      sc.at(50).snapshot({
        linkDownAt: 40,
        channels: [],
        members: [],
        waiting: [{ queue: 'support', uniqueid: 'x.1', waitSeconds: 12 }],
      });
      expect(sc.core.queues.figures('support')).toMatchObject({
        waiting: 1,
        oldestWaitSince: sc.time(38),
      });
    });
  });
});

describe('agents already logged in when we connect', () => {
  it('take their login time from the PBX, not from the moment of the snapshot', () => {
    const sc = new Scenario();
    sc.at(600).snapshot({
      channels: [],
      members: [sc.member('1001', 'support', { loginTime: Math.floor(sc.time(100) / 1000) })],
    });
    expect(sc.of('session')).toEqual([
      { type: 'session', session: { agentId: '1001', loginAt: sc.time(100) } },
    ]);
  });
});

describe('agents already paused when we connect', () => {
  it('start the pause at the PBX’s LastPause, so the limit alert comes on time', () => {
    const sc = new Scenario();
    const paused = {
      paused: true,
      pausedReason: 'lunch',
      lastPause: Math.floor(sc.time(100) / 1000),
    };
    sc.at(600).snapshot({
      channels: [],
      members: [sc.member('1001', 'support', paused), sc.member('1001', 'sales', paused)],
    });
    expect(sc.of('pause-started')[0]?.pause).toMatchObject({
      reason: 'lunch',
      startedAt: sc.time(100),
    });
  });
});
