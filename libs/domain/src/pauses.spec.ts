import {
  agentHangsUp,
  answerMember,
  incoming,
  queueCall,
  ringMember,
} from './testing/call-scripts';
import { Scenario } from './testing/scenario';

/** 1001 is a member of support and sales: one agent, whatever the number of queues. */
function twoQueueAgent() {
  const sc = new Scenario();
  sc.at(0).login('1001', 'support', 'sales');
  return sc;
}

describe('pauses of an agent in two queues', () => {
  it('QueuePause in all queues (one event per queue) gives one pause with its reason', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'lunch');
    expect(sc.of('pause-started').map((o) => o.pause)).toEqual([
      {
        agentId: '1001',
        reason: 'lunch',
        startedAt: sc.time(100),
        endedAt: undefined,
        limitSeconds: 1800,
        overLimit: false,
      },
    ]);
    expect(sc.state('1001')).toMatchObject({
      status: 'paused',
      pauseReason: 'lunch',
      since: sc.time(100),
      loggedIn: true,
    });
  });

  it('an unpause with an empty reason ends it and keeps the reason', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'lunch');
    sc.at(700).unpause('1001');
    expect(sc.of('pause-ended').map((o) => o.pause)).toEqual([
      {
        agentId: '1001',
        reason: 'lunch',
        startedAt: sc.time(100),
        endedAt: sc.time(700),
        limitSeconds: 1800,
        overLimit: false,
      },
    ]);
    expect(sc.statuses('1001')).toEqual(['available', 'paused(lunch)', 'available']);
    expect(sc.agentSummary('1001')).toMatchObject({
      pauses: [expect.objectContaining({ reason: 'lunch', seconds: 600, overLimit: false })],
      pauseSecondsTotal: 600,
      overLimitPauses: 0,
    });
  });

  it('paused in one queue only is still taking calls', () => {
    const sc = twoQueueAgent();
    sc.at(100).memberEvent('1001', { paused: true, pausedReason: 'break' }, ['sales']);
    expect(sc.of('pause-started')).toEqual([]);
    expect(sc.label('1001')).toBe('available');
    sc.at(110).memberEvent('1001', { paused: true, pausedReason: 'break' }, ['support']);
    expect(sc.of('pause-started').map((o) => o.pause.startedAt)).toEqual([sc.time(110)]);
  });

  it('repeated pause events (a second QueuePause, status changes) do not restart the pause', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'break');
    sc.at(200).pause('1001', 'break');
    sc.at(210).memberStatus('1001', 1);
    expect(sc.of('pause-started')).toHaveLength(1);
    expect(sc.state('1001').since).toBe(sc.time(100));
  });

  it('an after-call-work pause shows as wrap-up with its reason', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'acw');
    expect(sc.state('1001')).toMatchObject({ status: 'wrap-up', pauseReason: 'acw' });
  });

  it('a pause taken during the wrap-up shows once the wrap-up is over', () => {
    const sc = twoQueueAgent();
    queueCall(sc, 10, { number: '13800000001', agentId: '1001', talkSeconds: 40 });
    sc.at(57).pause('1001', 'break');
    expect(sc.label('1001')).toBe('wrap-up');
    sc.advanceTo(65);
    expect(sc.state('1001')).toMatchObject({
      status: 'paused',
      pauseReason: 'break',
      since: sc.time(65),
    });
  });
});

describe('the pause limit', () => {
  it('raises over-limit once, when advanceTo passes the per-reason limit, not before', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'lunch'); // lunch: 1800 s
    sc.advanceTo(1000);
    sc.advanceTo(1900);
    expect(sc.of('pause-over-limit')).toEqual([]);
    sc.advanceTo(1900.001);
    sc.advanceTo(2500);
    sc.at(2600).memberStatus('1001', 1);
    expect(sc.of('pause-over-limit')).toEqual([
      {
        type: 'pause-over-limit',
        at: sc.time(1900),
        pause: {
          agentId: '1001',
          reason: 'lunch',
          startedAt: sc.time(100),
          endedAt: undefined,
          limitSeconds: 1800,
          overLimit: true,
        },
      },
    ]);
    sc.at(3000).unpause('1001');
    expect(sc.of('pause-over-limit')).toHaveLength(1);
    expect(sc.of('pause-ended')[0].pause).toMatchObject({
      reason: 'lunch',
      endedAt: sc.time(3000),
      overLimit: true,
    });
    expect(sc.agentSummary('1001')).toMatchObject({ overLimitPauses: 1, pauseSecondsTotal: 2900 });
  });

  it('uses the default limit for a reason without its own', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'break'); // default: 900 s
    sc.advanceTo(1000);
    expect(sc.of('pause-over-limit')).toEqual([]);
    sc.advanceTo(1001);
    expect(sc.of('pause-over-limit').map((o) => [o.at, o.pause.limitSeconds])).toEqual([
      [sc.time(1000), 900],
    ]);
  });

  it('a pause ended before its limit raises nothing, even when time moves on', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'break');
    sc.at(999).unpause('1001');
    sc.advanceTo(5000);
    expect(sc.of('pause-over-limit')).toEqual([]);
    expect(sc.of('pause-ended')[0].pause.overLimit).toBe(false);
  });

  it('a pause ended by an event past the limit is over limit, alerted at the limit instant', () => {
    const sc = twoQueueAgent();
    sc.at(100).pause('1001', 'break');
    sc.at(1500).unpause('1001');
    expect(sc.of('pause-over-limit').map((o) => o.at)).toEqual([sc.time(1000)]);
    expect(sc.of('pause-ended')[0].pause.overLimit).toBe(true);
  });
});

describe('login sessions', () => {
  it('one session across both queues, closed when the last membership goes', () => {
    const sc = twoQueueAgent();
    sc.at(500).logout('1001', 'sales');
    expect(sc.label('1001')).toBe('available');
    sc.at(600).logout('1001', 'support');
    expect(sc.of('session').map((o) => o.session)).toEqual([
      { agentId: '1001', loginAt: sc.time(0) },
      { agentId: '1001', loginAt: sc.time(0), logoutAt: sc.time(600) },
    ]);
    expect(sc.state('1001')).toMatchObject({ status: 'logged-out', loggedIn: false });
  });
});

describe('a pause asked for during a call', () => {
  it('shows on the call as pending (reason, since) until the call and wrap-up end', () => {
    const sc = twoQueueAgent();
    sc.at(100);
    const call = incoming(sc, 'support', '13800000001');
    const leg = ringMember(sc, call, '1001');
    sc.at(105);
    answerMember(sc, call, leg);
    const onCallSince = sc.state('1001')!.since;
    sc.at(110).pause('1001', 'break');
    expect(sc.state('1001')).toMatchObject({
      status: 'on-call',
      since: onCallSince,
      pendingPause: { reason: 'break', since: sc.time(110) },
    });
    sc.at(120);
    agentHangsUp(sc, call, leg, 15);
    sc.advanceTo(200);
    expect(sc.state('1001')).toMatchObject({ status: 'paused', pauseReason: 'break' });
    expect(sc.state('1001')!.pendingPause).toBeUndefined();
    expect(sc.of('pause-started').map((o) => o.pause.startedAt)).toEqual([sc.time(110)]);
  });
});
