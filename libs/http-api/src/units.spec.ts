import { type ApiPrincipal } from '@cti/auth';
import { type AgentLeg } from '@cti/domain';
import { scopedFilter, viewScope, coversAgent } from './access/view-scope';
import { CallLookup, parseLegId } from './calls/call-lookup';
import { isCalendarDay, isInstant } from './common/validators';
import { ApiError } from './errors/api-error';
import { toApiError } from './errors/http-error.filter';
import { ServiceMetrics } from './health/service-metrics';
import { type CallQuery, type CallRecords } from './ports/call-records';
import { EventRateMeter } from './ports/health-source';
import { type LiveView } from './ports/live-view';

const principal = (p: Partial<ApiPrincipal>): ApiPrincipal => ({
  userId: 'u',
  username: 'u',
  role: 'agent',
  expiresAt: 0,
  ...p,
});

describe('view scope', () => {
  const teamOf = (id: string) => ({ '7001': 'north', '7003': 'south' })[id];

  it('maps roles to scopes; a team leader without a team or an agent without an id sees nothing', () => {
    expect(viewScope(principal({ role: 'qa' }))).toEqual({ kind: 'all' });
    expect(viewScope(principal({ role: 'team_leader', teamId: 'north' }))).toEqual({
      kind: 'team',
      team: 'north',
    });
    expect(viewScope(principal({ role: 'agent', agentId: '7001' }))).toEqual({
      kind: 'agent',
      agent: '7001',
    });
    expect(viewScope(principal({ role: 'team_leader' }))).toEqual({ kind: 'none' });
    expect(() => scopedFilter({ kind: 'none' }, {}, teamOf)).toThrow(ApiError);
    expect(coversAgent({ kind: 'none' }, { id: '7001', team: 'north' })).toBe(false);
  });

  it('narrows list filters to the scope and refuses requests outside it', () => {
    expect(scopedFilter({ kind: 'team', team: 'north' }, {}, teamOf)).toEqual({ team: 'north' });
    expect(scopedFilter({ kind: 'team', team: 'north' }, { agent: '7001' }, teamOf)).toEqual({
      team: 'north',
      agent: '7001',
    });
    expect(scopedFilter({ kind: 'agent', agent: '7001' }, { team: 'north' }, teamOf)).toEqual({
      agent: '7001',
    });
    for (const asked of [{ team: 'south' }, { agent: '7003' }, { agent: 'ghost' }]) {
      expect(() => scopedFilter({ kind: 'team', team: 'north' }, asked, teamOf)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    }
  });
});

describe('call lookup', () => {
  it('parses leg ids, including agent ids with colons and uniqueids with a system name', () => {
    expect(parseLegId('7001:1773108060.7:4')).toEqual({
      agentId: '7001',
      startedNear: 1773108060000,
    });
    expect(parseLegId('a:b:pbx1-1773108060.7:4')).toEqual({
      agentId: 'a:b',
      startedNear: 1773108060000,
    });
    expect(parseLegId('7001:weird:4')).toEqual({ agentId: '7001' });
    expect(parseLegId('nothing')).toBeUndefined();
    expect(parseLegId(':1.2:3')).toBeUndefined();
  });

  it("without findById, scans the agent's legs of the day after the customer channel was born", async () => {
    const leg = { id: '7001:1773108060.7:4', agentId: '7001' } as AgentLeg;
    const queries: CallQuery[] = [];
    class Paged implements CallRecords {
      async find(q: CallQuery) {
        queries.push(q);
        const items = q.page === 2 ? [leg] : [{ ...leg, id: 'other' }];
        return { items, total: 600, page: q.page, pageSize: q.pageSize };
      }
    }
    const live = { today: () => '2026-03-10', agentDay: () => undefined } as unknown as LiveView;
    await expect(new CallLookup(live, new Paged()).find(leg.id)).resolves.toBe(leg);
    expect(
      queries.map((q) => [q.agentIds, q.from?.toISOString(), q.to?.toISOString(), q.page]),
    ).toEqual([
      [['7001'], '2026-03-10T02:00:00.000Z', '2026-03-11T02:01:00.000Z', 1],
      [['7001'], '2026-03-10T02:00:00.000Z', '2026-03-11T02:01:00.000Z', 2],
    ]);
    await expect(
      new CallLookup(live, new Paged()).find('7001:1773108060.7:999'),
    ).resolves.toBeUndefined();
  });
});

describe('validators', () => {
  it('accepts real calendar days only', () => {
    expect(['2026-03-10', '2024-02-29'].every(isCalendarDay)).toBe(true);
    expect(
      ['2026-02-29', '2026-13-01', '2026-3-1', '1999-01-01', '2026-03-10T00:00:00Z', 20260310].some(
        isCalendarDay,
      ),
    ).toBe(false);
  });

  it('accepts instants with an explicit offset only', () => {
    expect(
      ['2026-03-10T08:00:00+08:00', '2026-03-10T00:00Z', '2026-03-10T00:00:00.123Z'].every(
        isInstant,
      ),
    ).toBe(true);
    expect(
      ['2026-03-10', '2026-03-10T08:00:00', '2026-02-30T00:00:00Z', 'now'].some(isInstant),
    ).toBe(false);
  });
});

describe('error mapping', () => {
  it('keeps framework messages out of the body (they may echo the request)', () => {
    const parse = Object.assign(
      new SyntaxError('Unexpected token in JSON at position 3: {"n":"13812345678"'),
      { status: 400, type: 'entity.parse.failed' },
    );
    expect(toApiError(parse).body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'malformed request',
    });
    const big = Object.assign(new Error('request entity too large'), {
      status: 413,
      type: 'entity.too.large',
    });
    expect([toApiError(big).status, toApiError(big).body]).toEqual([
      413,
      { code: 'VALIDATION_FAILED', message: 'request body too large' },
    ]);
    expect(
      toApiError(new Error('relation "x" does not exist at SELECT ... 13812345678')).body,
    ).toEqual({ code: 'INTERNAL', message: 'internal error' });
  });
});

describe('metrics helpers', () => {
  it('measures events per second over the last full seconds', () => {
    let now = 1_000_000;
    const meter = new EventRateMeter(10, () => now);
    for (let s = 0; s < 12; s++) {
      meter.mark(20);
      now += 1000;
    }
    meter.mark(500); // the current, partial second does not count yet
    expect(meter.perSecond()).toBe(20);
    expect(meter.total).toBe(740);
    now += 30_000;
    expect(meter.perSecond()).toBe(0);
  });

  it('mirrors the report and login totals at each scrape, next to process metrics and histograms', async () => {
    const metrics = new ServiceMetrics();
    const report = {
      ami: { connected: true, fresh: false },
      database: { ok: true },
      spool: { state: 'ok', queued: 2, spooled: 5, alarm: false },
      wsClients: 4,
      events: { total: 90, perSecond: 1.5 },
      stateChanges: 12,
      eventLoop: { lagMs: 250, slow: true },
    } as const;
    metrics.eventToState.observe(0.0003);
    const first = await metrics.render(report, { succeeded: 3, failed: 1, rateLimited: 0 });
    expect(first).toContain('# TYPE cti_ami_events_total counter\ncti_ami_events_total 90\n');
    expect(first).toContain('cti_db_queue_depth 7\n');
    expect(first).toContain('cti_ami_fresh 0\n');
    expect(first).toContain('cti_login_succeeded_total 3\n');
    expect(first).toContain('cti_event_loop_lag_seconds 0.25\n');
    expect(first).toContain('cti_event_loop_slow 1\n');
    expect(first).toContain('cti_event_to_state_seconds_bucket{le="0.0005"} 1\n');
    expect(first).toContain('cti_event_to_state_seconds_bucket{le="0.00025"} 0\n');
    expect(first).toMatch(/^process_cpu_user_seconds_total \d/m);
    // Totals are set, not added: a second scrape shows the new total, not the sum.
    const second = await metrics.render(
      { ...report, events: { total: 95, perSecond: 0.5 } },
      { succeeded: 4, failed: 1, rateLimited: 0 },
    );
    expect(second).toContain('cti_ami_events_total 95\n');
    expect(second).toContain('cti_login_succeeded_total 4\n');
    const unreadable = await metrics.render(undefined, { succeeded: 4, failed: 1, rateLimited: 0 });
    expect(unreadable).toContain('cti_health_report_ok 0\n');
    expect(unreadable).toContain('cti_database_up 0\n');
  });
});
