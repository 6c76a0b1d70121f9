import { CallCenterCore } from '@cti/domain';
import { CoreLiveSource } from './core-live-source';
import { CloseCode, type ServerMessage } from './protocol';
import { BoardModel, expectedBoard } from './testing/board-model';
import { fixtureConfig, PbxScript } from './testing/call-center-fixture';
import { FakeSocket } from './testing/fake-socket';
import { ManualClock } from './testing/manual-clock';
import { schemaErrors } from './testing/schema-check';
import { WallboardHub, type WallboardHubOptions } from './wallboard-hub';

const T0 = Date.parse('2026-11-27T02:00:00Z'); // 10:00 in Shanghai

function setup(options: WallboardHubOptions = {}) {
  const time = new ManualClock(T0);
  const config = fixtureConfig({ pauseLimits: { 小休: 60 } });
  const core = new CallCenterCore(config, (o) => hub.onCoreOutput(o));
  const source = new CoreLiveSource(core, config);
  const script = new PbxScript(core, time.clock);
  const hub = new WallboardHub(source, {
    clock: time.clock,
    schedule: time.schedule,
    initialLink: { fresh: true },
    ...options,
  });
  hub.start();
  return { time, core, source, script, hub };
}

function ofType<T extends ServerMessage['type']>(
  ms: ServerMessage[],
  type: T,
): Extract<ServerMessage, { type: T }>[] {
  return ms.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);
}

describe('WallboardHub', () => {
  it('sends a snapshot at subscribe, then one coalesced delta per interval', () => {
    const { time, script, hub } = setup();
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'all' }, false);
    const [snap] = s.take();
    expect(snap).toMatchObject({ type: 'snapshot', seq: 0, scope: { kind: 'all' } });
    expect(snap.type === 'snapshot' && snap.agents).toHaveLength(12);
    expect(snap.type === 'snapshot' && snap.teams.map((t) => t.id)).toEqual([
      'inbound-1',
      'inbound-2',
      'outbound',
    ]);

    script.login('8001', ['support']);
    script.login('8002', ['support']);
    time.advance(49);
    expect(s.take()).toEqual([]);
    time.advance(1);
    const deltas = ofType(s.take(), 'delta');
    expect(deltas).toHaveLength(1);
    expect(deltas[0]!.seq).toBe(1);
    expect(deltas[0]!.agents!.map((a) => [a.id, a.status])).toEqual([
      ['8001', 'available'],
      ['8002', 'available'],
    ]);
  });

  it('widens coalescing while the process is under load, and narrows it back after', () => {
    let loaded = true;
    const { time, script, hub } = setup({ underLoad: () => loaded, slowCoalesceMs: 500 });
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'all' }, false);
    s.take();

    script.login('8001', ['support']);
    time.advance(50);
    script.login('8002', ['support']);
    time.advance(449);
    expect(s.take()).toEqual([]);
    time.advance(1);
    const slow = ofType(s.take(), 'delta');
    expect(slow).toHaveLength(1);
    expect(slow[0]!.agents!.map((a) => a.id)).toEqual(['8001', '8002']);

    loaded = false;
    script.login('8003', ['support']);
    time.advance(50);
    expect(ofType(s.take(), 'delta').map((d) => d.agents!.map((a) => a.id))).toEqual([['8003']]);
  });

  it('serialises a delta once per audience: every socket gets the same buffer', () => {
    const { time, script, hub } = setup();
    const [a, b, masked] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    hub.subscribe(a, { kind: 'all' }, false);
    hub.subscribe(b, { kind: 'all' }, false);
    hub.subscribe(masked, { kind: 'all' }, true);
    script.login('8001', ['support']);
    script.answer(script.ring('8001', 'support', script.callerJoins('support', '13812345678')));
    time.advance(50);
    expect(a.raw[1]).toBe(b.raw[1]);
    expect(masked.raw[1]).not.toBe(a.raw[1]);
    const tileOf = (s: FakeSocket) =>
      ofType(s.messages, 'delta')[0]!.agents!.find((t) => t.id === '8001');
    expect(tileOf(a)?.customerNumber).toBe('13812345678');
    expect(tileOf(masked)?.customerNumber).toBe('138****5678');
  });

  it('keeps a queue audience to the queue: agents join with an upsert and leave with a removal', () => {
    const { time, script, hub } = setup();
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'queue', queue: 'sales' }, false);
    const [snap] = s.take();
    expect(
      snap.type === 'snapshot' && [snap.agents.length, snap.queues.map((q) => q.queue)],
    ).toEqual([0, ['sales']]);
    script.login('8009', ['sales']);
    script.login('8001', ['support']);
    time.advance(50);
    expect(ofType(s.take(), 'delta')[0]).toEqual(
      expect.objectContaining({
        agents: [expect.objectContaining({ id: '8009', queues: ['sales'] })],
      }),
    );
    script.logout('8009');
    time.advance(50);
    expect(ofType(s.take(), 'delta')[0]).toMatchObject({ removed: { agents: ['8009'] } });
  });

  it('resumes from the ring, or sends a snapshot when the point is gone or from another stream', () => {
    const { time, script, hub } = setup({ ringEntries: 3 });
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'team', team: 'inbound-1' }, false);
    const model = new BoardModel();
    for (const m of s.take()) model.apply(m);
    script.login('8001', ['support']);
    time.advance(50);
    for (const m of s.take()) model.apply(m);
    hub.unsubscribe(s);
    script.login('8002', ['support']);
    time.advance(50);
    script.pause('8001', '午餐');
    time.advance(50);

    const back = new FakeSocket();
    hub.subscribe(back, { kind: 'team', team: 'inbound-1' }, false, {
      lastSeq: model.seq,
      stream: model.stream!,
    });
    const resumed = back.take();
    expect(resumed.map((m) => m.type)).toEqual(['resumed', 'delta', 'delta']);
    for (const m of resumed) model.apply(m);
    expect(model.agents.get('8001')?.status).toBe('paused');

    for (let i = 0; i < 4; i++) {
      if (i % 2) script.unpause('8002');
      else script.pause('8002', '小休');
      time.advance(50);
    }
    const late = new FakeSocket();
    hub.subscribe(late, { kind: 'team', team: 'inbound-1' }, false, {
      lastSeq: 1,
      stream: model.stream!,
    });
    expect(late.take().map((m) => m.type)).toEqual(['snapshot']);
    const other = new FakeSocket();
    hub.subscribe(other, { kind: 'team', team: 'inbound-1' }, false, {
      lastSeq: 0,
      stream: 'another-stream',
    });
    expect(other.take().map((m) => m.type)).toEqual(['snapshot']);
  });

  it('cuts a socket whose buffer passed the cap with 4008 and keeps serving the others', () => {
    const { time, script, hub } = setup({ bufferCap: 64 * 1024 });
    const [slow, fine] = [new FakeSocket(), new FakeSocket()];
    hub.subscribe(slow, { kind: 'all' }, false);
    hub.subscribe(fine, { kind: 'all' }, false);
    slow.bufferedAmount = 64 * 1024;
    script.login('8001', ['support']);
    time.advance(50);
    expect(slow.closed).toEqual({ code: CloseCode.TooSlow, reason: 'too slow: resync' });
    expect(slow.raw).toHaveLength(1);
    expect(hub.stats.slowClientsCut).toBe(1);
    script.pause('8001', '小休');
    time.advance(50);
    expect(ofType(fine.messages, 'delta')).toHaveLength(2);
  });

  it('tells every board when the link goes stale, and sends the resync before it is fresh again', () => {
    const { time, script, hub } = setup();
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'all' }, false);
    s.take();
    hub.setLinkState({ fresh: false, staleSince: T0 });
    expect(s.take()).toEqual([{ type: 'link', fresh: false, staleSince: T0, at: T0 }]);
    const late = new FakeSocket();
    hub.subscribe(late, { kind: 'all' }, false);
    expect(late.take()[0]).toMatchObject({ type: 'snapshot', stale: { since: T0 } });
    time.advance(5_000);
    script.login('8001', ['support']);
    hub.setLinkState({ fresh: true });
    expect(s.take().map((m) => m.type)).toEqual(['delta', 'link']);
    hub.setLinkState({ fresh: true });
    expect(s.take()).toEqual([]);
  });

  it('raises a pause alert when the limit passes and clears it when the pause ends', () => {
    const { time, script, hub } = setup();
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'all' }, false);
    script.login('8005', ['support']);
    script.pause('8005', '小休');
    time.advance(60_000);
    expect(s.take().flatMap((m) => (m.type === 'delta' ? (m.alerts ?? []) : []))).toEqual([]);
    time.advance(1_000);
    const alerts = s.take().flatMap((m) => (m.type === 'delta' ? (m.alerts ?? []) : []));
    expect(alerts).toEqual([
      {
        id: 'pause-over-limit:8005',
        kind: 'pause-over-limit',
        agentId: '8005',
        name: '刘洋',
        team: 'inbound-2',
        since: T0 + 60_000,
        pauseReason: '小休',
        limitSeconds: 60,
      },
    ]);
    script.unpause('8005');
    time.advance(50);
    expect(ofType(s.take(), 'delta')[0]?.removed).toEqual({ alerts: ['pause-over-limit:8005'] });
  });

  it('raises shift alerts: far behind quota late in the shift, logged in after it', () => {
    const { time, script, hub } = setup({
      shift: { start: '09:00', end: '11:00', timezone: 'Asia/Shanghai', afterShiftGraceMinutes: 5 },
    });
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'agent', agent: '8010' }, false);
    script.login('8010', ['sales']);
    time.advance(30 * 60_000); // 10:30: three quarters in
    const kinds = () =>
      [...model(s).alerts.values()].map(
        (a) => `${a.kind}@${new Date(a.since).toISOString().slice(11, 16)}`,
      );
    expect(kinds()).toEqual(['behind-quota@02:30']);
    time.advance(35 * 60_000); // 11:05
    expect(kinds()).toEqual(['after-shift@03:00']);
  });

  it('forgets an audience nobody watched for the idle time', () => {
    const { time, hub } = setup({ idleAudienceMs: 10_000 });
    const s = new FakeSocket();
    hub.subscribe(s, { kind: 'queue', queue: 'support' }, true);
    expect(hub.stats.audiences).toBe(1);
    hub.unsubscribe(s);
    time.advance(12_000);
    expect(hub.stats.audiences).toBe(0);
  });

  it('gives boards of every scope the live state through snapshot + deltas, whatever happened', () => {
    const { time, script, source, hub } = setup();
    const scopes = [
      { scope: { kind: 'all' } as const, masked: false },
      { scope: { kind: 'all' } as const, masked: true },
      { scope: { kind: 'team', team: 'outbound' } as const, masked: true },
      { scope: { kind: 'queue', queue: 'sales' } as const, masked: false },
      { scope: { kind: 'agent', agent: '8002' } as const, masked: true },
    ];
    const boards = scopes.map(({ scope, masked }) => {
      const s = new FakeSocket();
      hub.subscribe(s, scope, masked);
      return { scope, masked, s };
    });
    script.login('8001', ['support', 'sales']);
    script.login('8002', ['support']);
    script.login('8009', ['sales']);
    time.advance(20);
    script.pause('8002', '小休');
    const call = script.ring('8001', 'sales', script.callerJoins('sales', '13912345678'));
    time.advance(3_000);
    script.answer(call);
    script.callerJoins('support', '02188886666');
    time.advance(70_000);
    script.hangup(call);
    script.answer(script.dial('8009', '18600001234'));
    script.logout('8001');
    time.advance(10);
    hub.flush();
    for (const { scope, masked, s } of boards) {
      const m = new BoardModel();
      for (const msg of s.messages) m.apply(msg);
      for (const msg of s.messages) expect(schemaErrors(`server-${msg.type}`, msg)).toEqual([]);
      expect(m.view()).toEqual(expectedBoard(source, scope, masked, time.now));
    }
  });
});

function model(s: FakeSocket): BoardModel {
  const m = new BoardModel();
  for (const msg of s.messages) m.apply(msg);
  return m;
}
