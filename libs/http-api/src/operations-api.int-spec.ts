import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { type ApiTestApp, startApiTestApp, type TestUser } from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

describe('queues, audit, /health and /metrics (real PostgreSQL, real core)', () => {
  let api: ApiTestApp;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${api.tokens[user]}` });
  const get = (path: string, user?: TestUser) =>
    user ? api.http().get(path).set(as(user)) : api.http().get(path);
  const everyone: TestUser[] = ['admin', 'sup', 'qa', 'lead.north', 'agent.7001'];

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it("GET /api/queues: today's live figures for every role, no customer data", async () => {
    for (const user of everyone) {
      const res = await get('/api/queues', user);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          queue: 'support',
          waiting: 1,
          longestWaitSeconds: 300,
          offered: 3,
          answered: 2,
          abandoned: 0,
          serviceLevelSeconds: 20,
          serviceLevelPct: 50,
          asaSeconds: 17,
          ahtSeconds: 45,
        },
      ]);
      expect(res.text).not.toMatch(/139\d{8}/);
    }
    expectError(await get('/api/queues'), 401, 'UNAUTHENTICATED');
    expect(invalidFields(await get('/api/queues?queue=support', 'sup'))).toEqual(['queue']);
  });

  it('GET /api/audit: admins and supervisors only, filtered and paged newest first', async () => {
    for (const user of ['qa', 'lead.north', 'agent.7001'] as TestUser[])
      expectError(await get('/api/audit', user), 403, 'FORBIDDEN');
    expectError(await get('/api/audit'), 401, 'UNAUTHENTICATED');
    const logins = await get('/api/audit?action=auth.login&limit=3', 'sup');
    expect(logins.status).toBe(200);
    const entries = logins.body as {
      id: string;
      action: string;
      actor: string;
      at: string;
      details: { ip: string };
    }[];
    expect(entries).toHaveLength(3);
    expect(
      entries.every((e) => e.action === 'auth.login' && typeof e.details.ip === 'string'),
    ).toBe(true);
    expect(Number(entries[0].id)).toBeGreaterThan(Number(entries[1].id));
    const older = (await get(`/api/audit?action=auth.login&beforeId=${entries[2].id}`, 'admin'))
      .body as { id: string }[];
    expect(older.every((e) => Number(e.id) < Number(entries[2].id))).toBe(true);
    const mine = (await get('/api/audit?actor=admin', 'admin')).body as { actor: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor === 'admin')).toBe(true);
  });

  it('GET /api/audit bad input → 400 per field', async () => {
    const res = await get(
      `/api/audit?limit=5000&beforeId=abc&action=${encodeURIComponent("x' OR 1=1")}&since=1`,
      'admin',
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(invalidFields(res)).toEqual(['action', 'beforeId', 'limit', 'since']);
    expect(invalidFields(await get('/api/audit?limit=0', 'admin'))).toEqual(['limit']);
  });

  it('/health is public: 200 when the AMI link is fresh and the database ok, with the parts', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      ami: { connected: true, fresh: true },
      database: { ok: true },
      spool: { state: 'ok', queued: 3, spooled: 0, alarm: false },
      wsClients: 2,
      eventLoop: { lagMs: 3, slow: false },
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("/health says 'slow' (still 200) when the event loop lags but the link and database work", async () => {
    const healthy = api.health.value;
    try {
      api.health.value = { ...healthy, eventLoop: { lagMs: 450, slow: true } };
      const res = await get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'slow', eventLoop: { lagMs: 450, slow: true } });
      const metrics = await get('/metrics');
      expect(metrics.text).toContain('\ncti_event_loop_lag_seconds 0.45\n');
      expect(metrics.text).toContain('\ncti_event_loop_slow 1\n');
    } finally {
      api.health.value = healthy;
    }
  });

  it('/health is 503 with the parts when the AMI is stale or the database down, or the report fails', async () => {
    const healthy = api.health.value;
    try {
      api.health.value = { ...healthy, ami: { connected: true, fresh: false } };
      const stale = await get('/health');
      expect(stale.status).toBe(503);
      expect(stale.body).toMatchObject({
        status: 'down',
        ami: { connected: true, fresh: false },
        database: { ok: true },
      });
      api.health.value = {
        ...healthy,
        database: { ok: false },
        spool: { state: 'degraded', queued: 10, spooled: 500, alarm: true },
      };
      const dbDown = await get('/health');
      expect(dbDown.status).toBe(503);
      expect(dbDown.body).toMatchObject({
        status: 'down',
        database: { ok: false },
        spool: { state: 'degraded', spooled: 500, alarm: true },
      });
      api.health.failing = true;
      const broken = await get('/health');
      expect(broken.status).toBe(503);
      expect(broken.body).toEqual({ status: 'down', reason: 'health report unavailable' });
      expect(broken.text).not.toContain('boom');
    } finally {
      api.health.value = healthy;
      api.health.failing = false;
    }
  });

  it('/metrics is public Prometheus text: events in, events/s, state changes, DB queue depth, WS clients', async () => {
    await get('/api/agents'); // 401 without a token, timed like any request
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const values = new Map(
      res.text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(' ') as [string, string]),
    );
    expect(Object.fromEntries(values)).toMatchObject({
      cti_ami_events_total: '1234',
      cti_ami_events_per_second: '12.5',
      cti_agent_state_changes_total: '77',
      cti_db_queue_depth: '3',
      cti_ws_clients: '2',
      cti_ami_fresh: '1',
      cti_database_up: '1',
      cti_login_succeeded_total: '7',
    });
    for (const sample of values.keys()) {
      // Ours are cti_*, the process ones carry prom-client's standard names.
      const name = sample.replace(/(_bucket|_sum|_count)?(\{.*)?$/, '');
      expect(res.text).toMatch(new RegExp(`^# TYPE (${name}|${name}_[a-z]+) `, 'm'));
      expect(name).toMatch(/^(cti|process|nodejs)_[a-z0-9_]+$/);
    }
    expect(res.text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(res.text).toMatch(
      /^cti_http_request_duration_seconds_count\{method="GET",route="\/api\/agents",status="401"\} 1$/m,
    );
    expect(res.text).toContain('# TYPE cti_event_to_state_seconds histogram');
    // No number, agent id or user name in any series (values are measurements, not data).
    const series = [...values.keys()].join('\n');
    expect(series).not.toMatch(/1[3-9]\d{9}|7001|lead|admin/);
  });
});
