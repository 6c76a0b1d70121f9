import { CallCenterCore, type MustStay, type StayLate } from '@cti/domain';
import { CoreLiveSource } from './core-live-source';
import { type Alert, type Scope, type ServerMessage } from './protocol';
import {
  type MustStayRun,
  type StayUpdate,
  WallboardStayLateAlerts,
  type StayLateAlertsOptions,
} from './stay-late-alerts';
import { BoardModel } from './testing/board-model';
import { fixtureConfig, PbxScript } from './testing/call-center-fixture';
import { FakeSocket } from './testing/fake-socket';
import { ManualClock } from './testing/manual-clock';
import { schemaErrors } from './testing/schema-check';
import { WallboardHub, type WallboardHubOptions } from './wallboard-hub';

const SHIFT_END = Date.parse('2026-11-27T09:30:00Z'); // 17:30 in Shanghai
const T0 = SHIFT_END + 60_000;
const HOUR = 3_600_000;

function setup(options: WallboardHubOptions = {}, alertOptions?: StayLateAlertsOptions) {
  const time = new ManualClock(T0);
  const config = fixtureConfig();
  const core = new CallCenterCore(config, (o) => hub.onCoreOutput(o));
  const source = new CoreLiveSource(core, config, time.clock);
  const script = new PbxScript(core, time.clock);
  const hub = new WallboardHub(source, {
    clock: time.clock,
    schedule: time.schedule,
    initialLink: { fresh: true },
    ...options,
  });
  hub.start();
  const alerts = new WallboardStayLateAlerts(hub, alertOptions);
  const board = (scope: Scope) => {
    const s = new FakeSocket();
    hub.subscribe(s, scope, scope.kind !== 'all');
    return s;
  };
  return { time, script, hub, alerts, board };
}

/** 8001 (inbound-1) 6 short, 8005 (inbound-2) 20 short, 8010 (outbound) 1 short. */
const RUN: MustStayRun = {
  day: '2026-11-27',
  shiftEnd: SHIFT_END,
  agents: [
    { agentId: '8005', quota: 50, effective: 30, shortfall: 20 },
    { agentId: '8001', quota: 50, effective: 44, shortfall: 6 },
    { agentId: '8010', quota: 50, effective: 49, shortfall: 1 },
  ],
};

const stay = (agentId: string, patch: Partial<StayUpdate> = {}): StayUpdate => {
  const m = RUN.agents.find((a) => a.agentId === agentId)!;
  return {
    agentId,
    day: RUN.day,
    shiftEnd: RUN.shiftEnd,
    quota: m.quota,
    effective: m.effective,
    state: 'staying',
    ...patch,
  };
};

function model(s: FakeSocket): BoardModel {
  const m = new BoardModel();
  for (const msg of s.messages) m.apply(msg);
  return m;
}

const mustStay = (s: FakeSocket): Alert[] =>
  [...model(s).alerts.values()].filter((a) => a.kind === 'must-stay');

const deltaAlerts = (ms: ServerMessage[]) =>
  ms.flatMap((m) => (m.type === 'delta' ? (m.alerts ?? []) : []));

const removedAlerts = (ms: ServerMessage[]) =>
  ms.flatMap((m) => (m.type === 'delta' ? (m.removed?.alerts ?? []) : []));

describe('must-stay alerts (the quota day on the wallboard)', () => {
  it('goes out in the next delta, with name and team from the tile, valid against the schema', () => {
    const { time, alerts, board } = setup();
    const all = board({ kind: 'all' });
    all.take();
    alerts.mustStay(RUN);
    time.advance(50);
    const sent = deltaAlerts(all.take());
    expect(sent.find((a) => a.agentId === '8001')).toEqual({
      id: 'must-stay:8001',
      kind: 'must-stay',
      agentId: '8001',
      name: '王芳',
      team: 'inbound-1',
      since: SHIFT_END,
      day: '2026-11-27',
      state: 'staying',
      effective: 44,
      quota: 50,
      shortfall: 6,
    });
    expect(sent.map((a) => a.id).sort()).toEqual([
      'must-stay:8001',
      'must-stay:8005',
      'must-stay:8010',
    ]);
    for (const m of all.messages) expect(schemaErrors(`server-${m.type}`, m)).toEqual([]);
  });

  it('follows the scopes: a team leader sees their team, an agent only themselves', () => {
    const { time, alerts, board } = setup();
    const boards = {
      all: board({ kind: 'all' }),
      team1: board({ kind: 'team', team: 'inbound-1' }),
      team2: board({ kind: 'team', team: 'inbound-2' }),
      me: board({ kind: 'agent', agent: '8001' }),
      other: board({ kind: 'agent', agent: '8002' }),
    };
    alerts.mustStay(RUN);
    time.advance(50);
    const ids = (s: FakeSocket) =>
      mustStay(s)
        .map((a) => a.agentId)
        .sort();
    expect(ids(boards.all)).toEqual(['8001', '8005', '8010']);
    expect(ids(boards.team1)).toEqual(['8001']);
    expect(ids(boards.team2)).toEqual(['8005']);
    expect(ids(boards.me)).toEqual(['8001']);
    expect(ids(boards.other)).toEqual([]);
    expect(boards.other.take().filter((m) => m.type === 'delta')).toEqual([]);
  });

  it('leaves a queue board with its agent', () => {
    const { time, script, alerts, board } = setup();
    script.login('8010', ['sales']);
    const sales = board({ kind: 'queue', queue: 'sales' });
    alerts.mustStay(RUN);
    time.advance(50);
    expect(mustStay(sales).map((a) => a.id)).toEqual(['must-stay:8010']);
    script.logout('8010');
    time.advance(50);
    expect(sales.take().pop()).toMatchObject({
      type: 'delta',
      removed: { agents: ['8010'], alerts: ['must-stay:8010'] },
    });
  });

  it('is in the snapshot of a board that subscribes later, scoped', () => {
    const { time, alerts, board } = setup();
    alerts.mustStay(RUN);
    time.advance(50);
    const [snap] = board({ kind: 'team', team: 'outbound' }).take();
    expect(snap?.type === 'snapshot' && snap.alerts).toEqual([
      expect.objectContaining({ id: 'must-stay:8010', shortfall: 1, state: 'staying' }),
    ]);
    for (const m of [snap!]) expect(schemaErrors(`server-${m.type}`, m)).toEqual([]);
  });

  it('shows a finished stay, marked met or released, until keepFinishedMs has passed', () => {
    const { time, alerts, board } = setup({}, { keepFinishedMs: 2 * HOUR });
    const all = board({ kind: 'all' });
    alerts.mustStay(RUN);
    time.advance(50);
    all.take();

    time.advance(20 * 60_000);
    const finishedAt = time.now;
    alerts.stayFinished(stay('8001', { effective: 50, state: 'met', finishedAt }));
    const released: StayLate = {
      ...stay('8005', { state: 'released', finishedAt, releasedBy: 'sup1' }),
      effectiveAtShiftEnd: 30,
      releaseReason: '家中有事',
    };
    alerts.stayFinished(released);
    time.advance(50);
    const sent = all.take();
    for (const m of sent) expect(schemaErrors(`server-${m.type}`, m)).toEqual([]);
    expect(deltaAlerts(sent)).toEqual([
      expect.objectContaining({
        id: 'must-stay:8001',
        state: 'met',
        effective: 50,
        shortfall: 0,
        finishedAt,
      }),
      expect.objectContaining({
        id: 'must-stay:8005',
        state: 'released',
        shortfall: 20,
        releasedBy: 'sup1',
      }),
    ]);
    expect(JSON.stringify(sent)).not.toContain('家中有事');
    expect(removedAlerts(sent)).toEqual([]);

    time.advance(2 * HOUR - 1_100);
    expect(removedAlerts(all.take())).toEqual([]);
    time.advance(2_000); // the next sweep (every second) drops them
    expect(removedAlerts(all.take()).sort()).toEqual(['must-stay:8001', 'must-stay:8005']);
    expect(mustStay(all).map((a) => a.agentId)).toEqual(['8010']);
  });

  it('drops a finished stay at once with keepFinishedMs 0', () => {
    const { time, alerts, board } = setup({}, { keepFinishedMs: 0 });
    const me = board({ kind: 'agent', agent: '8001' });
    alerts.mustStay(RUN);
    time.advance(50);
    me.take();
    alerts.stayFinished(stay('8001', { effective: 50, state: 'met', finishedAt: time.now }));
    time.advance(50);
    expect(removedAlerts(me.take())).toEqual(['must-stay:8001']);
  });

  it('updates the count while staying (stayUpdated), and the newest stay of an agent wins', () => {
    const { time, alerts, board } = setup();
    const all = board({ kind: 'all' });
    alerts.mustStay(RUN);
    time.advance(50);
    alerts.stayUpdated(stay('8005', { effective: 41 }));
    time.advance(50);
    expect(deltaAlerts(all.take()).pop()).toMatchObject({ id: 'must-stay:8005', shortfall: 9 });

    const nextDay: MustStayRun = {
      day: '2026-11-28',
      shiftEnd: SHIFT_END + 24 * HOUR,
      agents: [{ agentId: '8005', quota: 50, effective: 48, shortfall: 2 }],
    };
    alerts.mustStay(nextDay);
    // Yesterday's stay released late must not overwrite today's.
    alerts.stayFinished(stay('8005', { state: 'released', finishedAt: time.now, releasedBy: 'x' }));
    time.advance(50);
    expect(mustStay(all).find((a) => a.agentId === '8005')).toMatchObject({
      day: '2026-11-28',
      state: 'staying',
      shortfall: 2,
    });
  });

  it('keeps an agent who must stay out of the after-shift alert until the stay ended', () => {
    const { time, script, alerts, board } = setup({
      shift: {
        start: '08:30',
        end: '17:30',
        timezone: 'Asia/Shanghai',
        afterShiftGraceMinutes: 10,
      },
    });
    const me = board({ kind: 'agent', agent: '8010' });
    script.login('8010', ['sales']);
    alerts.mustStay(RUN);
    time.advance(10 * 60_000); // 17:41: past the grace
    const kinds = (agent: string) =>
      [...model(me).alerts.values()].filter((a) => a.agentId === agent).map((a) => a.kind);
    expect(kinds('8010')).toEqual(['must-stay']);
    const finishedAt = time.now;
    alerts.stayFinished(stay('8010', { effective: 50, state: 'met', finishedAt }));
    time.advance(9 * 60_000);
    expect(kinds('8010')).toEqual(['must-stay']);
    time.advance(60_000);
    const after = [...model(me).alerts.values()].find((a) => a.kind === 'after-shift');
    expect(after).toMatchObject({ agentId: '8010', since: finishedAt });
  });

  it('takes the workforce types as they are (structural binding of the port)', () => {
    const list: MustStay[] = [{ agentId: '8001', quota: 50, effective: 44, shortfall: 6 }];
    const run: MustStayRun & { ranAt: number; ruleVersion: string } = {
      day: RUN.day,
      shiftEnd: SHIFT_END,
      ranAt: T0,
      ruleVersion: 'v1',
      agents: list.map((m) => ({ ...m, name: '王芳', team: 'inbound-1' })),
    };
    const finished: StayLate = {
      ...stay('8001', { effective: 50, state: 'met', finishedAt: T0 }),
      effectiveAtShiftEnd: 44,
    };
    const port: { mustStay(r: typeof run): void; stayFinished(s: StayLate): void } =
      new WallboardStayLateAlerts(setup().hub);
    expect(() => {
      port.mustStay(run);
      port.stayFinished(finished);
    }).not.toThrow();
  });
});
