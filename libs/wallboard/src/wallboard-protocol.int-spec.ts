import { type Scope } from './protocol';
import { WallboardStayLateAlerts } from './stay-late-alerts';
import { BoardModel, expectedBoard } from './testing/board-model';
import { schemaErrors } from './testing/schema-check';
import { TestServer, TEST_USERS } from './testing/test-server';
import { TestClient } from './testing/ws-test-client';

/**
 * The protocol end to end: a real core driven by telephony events, the hub with its real
 * 50 ms coalescing, real `ws` clients rebuilding the board from snapshot + deltas only.
 */
describe('wallboard protocol (real core, real sockets)', () => {
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start({ hub: { bufferCap: 256 * 1024 } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0))
      for (const m of c.received) expect(schemaErrors(`server-${m.type}`, m)).toEqual([]);
    await server.close();
  });

  async function board(
    user: keyof typeof TEST_USERS,
    scope: Scope,
    extra: Record<string, unknown> = {},
  ): Promise<TestClient> {
    const c = await TestClient.connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS[user]!)}` },
    });
    clients.push(c);
    c.send({ type: 'subscribe', scope, ...extra });
    await c.next('snapshot');
    return c;
  }

  function modelOf(c: TestClient): BoardModel {
    const m = new BoardModel();
    for (const msg of c.received) m.apply(msg);
    return m;
  }

  /** Lets the hub publish what is pending, then waits until each client has all of it. */
  async function settle(...cs: TestClient[]): Promise<void> {
    server.hub.flush();
    await Promise.all(cs.map((c) => c.sync()));
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function busyMorning(): Promise<void> {
    const s = server.script;
    for (const id of ['8001', '8002', '8003', '8005']) s.login(id, ['support']);
    s.login('8009', ['sales']);
    s.login('8010', ['sales', 'support']);
    await sleep(60);
    const c1 = s.ring('8001', 'support', s.callerJoins('support', '13812345678'));
    s.callerJoins('support', '13700001111');
    await sleep(30);
    s.answer(c1);
    s.pause('8002', '午餐');
    const out = s.dial('8009', '18612345678');
    await sleep(70);
    s.answer(out);
    s.hangup(c1);
    s.logout('8003');
    await sleep(20);
  }

  it('rebuilds exactly the core state from snapshot + deltas, for every scope and masking', async () => {
    const boards = [
      {
        c: await board('supervisor', { kind: 'all' }),
        scope: { kind: 'all' } as Scope,
        masked: false,
      },
      {
        c: await board('supervisor', { kind: 'all' }, { masked: true }),
        scope: { kind: 'all' } as Scope,
        masked: true,
      },
      {
        c: await board('supervisor', { kind: 'queue', queue: 'sales' }),
        scope: { kind: 'queue', queue: 'sales' } as Scope,
        masked: false,
      },
      {
        c: await board('leader', { kind: 'team', team: 'inbound-1' }),
        scope: { kind: 'team', team: 'inbound-1' } as Scope,
        masked: true,
      },
      {
        c: await board('agent', { kind: 'agent', agent: '8001' }),
        scope: { kind: 'agent', agent: '8001' } as Scope,
        masked: true,
      },
    ];
    await busyMorning();
    await settle(...boards.map((b) => b.c));
    for (const { c, scope, masked } of boards) {
      expect(modelOf(c).view()).toEqual(expectedBoard(server.source, scope, masked, Date.now()));
      expect(c.received.filter((m) => m.type === 'delta').length).toBeGreaterThan(0);
    }
    const all = modelOf(boards[0]!.c);
    expect(all.agents.get('8001')).toMatchObject({ status: 'wrap-up', effective: 0 });
    expect(all.agents.get('8009')).toMatchObject({
      status: 'on-call',
      direction: 'outbound',
      customerNumber: '18612345678',
    });
    expect(modelOf(boards[1]!.c).agents.get('8009')?.customerNumber).toBe('186****5678');
    expect(all.queues.get('support')).toMatchObject({ waiting: 1, answered: 1 });
  });

  it('resumes a reconnecting board with the deltas it missed, or a snapshot when they are gone', async () => {
    const first = await board('leader', { kind: 'team', team: 'inbound-1' });
    server.script.login('8001', ['support']);
    await settle(first);
    const before = modelOf(first);
    first.close();
    await first.closed;
    await busyMorning();
    server.hub.flush();

    const back = await TestClient.connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS.leader!)}` },
    });
    clients.push(back);
    back.send({
      type: 'subscribe',
      scope: { kind: 'team', team: 'inbound-1' },
      lastSeq: before.seq,
      stream: before.stream,
    });
    const resumed = await back.next('resumed');
    expect(resumed.seq).toBeGreaterThan(before.seq);
    await settle(back);
    for (const m of back.received) before.apply(m);
    expect(before.view()).toEqual(
      expectedBoard(server.source, { kind: 'team', team: 'inbound-1' }, true, Date.now()),
    );
    expect(back.received.some((m) => m.type === 'snapshot')).toBe(false);

    const stale = await TestClient.connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS.leader!)}` },
    });
    clients.push(stale);
    stale.send({
      type: 'subscribe',
      scope: { kind: 'team', team: 'inbound-1' },
      lastSeq: before.seq + 1000,
      stream: before.stream,
    });
    expect((await stale.next('snapshot')).seq).toBe(before.seq);
  });

  it('cuts a client that stops reading with 4008, without slowing the others', async () => {
    const slow = await board('supervisor', { kind: 'all' });
    const fast = await board('supervisor', { kind: 'all' });
    slow.ws.pause(); // stops reading: TCP backpressure builds up on the server side
    const s = server.script;
    for (const id of ['8001', '8002', '8003', '8004', '8005', '8006', '8007', '8008'])
      s.login(id, ['support']);
    const latencies: number[] = [];
    let cut = false;
    for (let round = 0; round < 4000 && !cut; round++) {
      const reason = `r${round}-${'x'.repeat(300)}`; // big tiles fill buffers sooner
      for (const id of ['8001', '8002', '8003', '8004', '8005', '8006', '8007', '8008'])
        s.pause(id, reason);
      server.hub.flush();
      for (const id of ['8001', '8002', '8003', '8004', '8005', '8006', '8007', '8008'])
        s.unpause(id);
      server.hub.flush();
      if (round % 50 === 0) {
        const t = Date.now();
        await fast.sync();
        latencies.push(Date.now() - t);
      }
      cut = server.hub.stats.slowClientsCut > 0;
    }
    expect(cut).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(500);
    slow.ws.resume();
    expect(await slow.closed).toEqual({ code: 4008, reason: 'too slow: resync' });
    await settle(fast);
    expect(modelOf(fast).view()).toEqual(
      expectedBoard(server.source, { kind: 'all' }, false, Date.now()),
    );
  });

  it('carries the must-stay list to the boards that may see each agent, until each stay ends', async () => {
    const sup = await board('supervisor', { kind: 'all' });
    const lead = await board('leader', { kind: 'team', team: 'inbound-1' });
    const me = await board('agent', { kind: 'agent', agent: '8001' });
    const alerts = new WallboardStayLateAlerts(server.hub);
    const shiftEnd = Date.now() - 60_000;
    alerts.mustStay({
      day: '2026-11-27',
      shiftEnd,
      agents: [
        { agentId: '8005', quota: 50, effective: 30, shortfall: 20 },
        { agentId: '8001', quota: 50, effective: 47, shortfall: 3 },
      ],
    });
    await settle(sup, lead, me);
    const stays = (c: TestClient) =>
      [...modelOf(c).alerts.values()]
        .filter((a) => a.kind === 'must-stay')
        .map((a) => `${a.agentId}:${a.state}:${a.shortfall}`)
        .sort();
    expect(stays(sup)).toEqual(['8001:staying:3', '8005:staying:20']);
    expect(stays(lead)).toEqual(['8001:staying:3']);
    expect(stays(me)).toEqual(['8001:staying:3']);

    alerts.stayFinished({
      agentId: '8001',
      day: '2026-11-27',
      shiftEnd,
      quota: 50,
      effective: 50,
      state: 'met',
      finishedAt: Date.now(),
    });
    await settle(sup, lead, me);
    expect(stays(sup)).toEqual(['8001:met:0', '8005:staying:20']);
    expect(stays(me)).toEqual(['8001:met:0']);
    const late = await board('leader', { kind: 'team', team: 'inbound-1' });
    expect(stays(late)).toEqual(['8001:met:0']);
  });

  it('shows every board the link going stale and coming back after the resync', async () => {
    const sup = await board('supervisor', { kind: 'all' });
    const lead = await board('leader', { kind: 'team', team: 'inbound-1' });
    const since = Date.now();
    server.hub.setLinkState({ fresh: false, staleSince: since });
    expect(await sup.next('link')).toMatchObject({ fresh: false, staleSince: since });
    expect(await lead.next('link')).toMatchObject({ fresh: false, staleSince: since });
    const late = await board('supervisor', { kind: 'queue', queue: 'support' });
    expect(late.received.find((m) => m.type === 'snapshot')).toMatchObject({ stale: { since } });
    server.script.login('8001', ['support']); // what the resync found
    server.hub.setLinkState({ fresh: true });
    const afterStale = async (c: TestClient) => {
      await c.sync();
      const i = c.received.findIndex((m) => m.type === 'link' && m.fresh);
      return c.received
        .slice(0, i + 1)
        .map((m) => m.type)
        .slice(-2);
    };
    expect(await afterStale(lead)).toEqual(['delta', 'link']);
    expect(modelOf(sup).staleSince).toBeUndefined();
  });
});
