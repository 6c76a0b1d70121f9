import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { TODAY, YESTERDAY } from './testing/api-call-center';
import { type ApiTestApp, startApiTestApp, type TestUser } from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

interface CallBody {
  customerNumber: string;
  numberMasked: boolean;
  effective: boolean;
}
interface DayBody {
  source: string;
  day: string;
  calls: CallBody[];
  pauses: { reason: string; seconds: number }[];
  effective: number;
  quota: number;
  met: boolean;
}

describe('agents API: live states and agent days, scoped and masked (real PostgreSQL, real core)', () => {
  let api: ApiTestApp;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${api.tokens[user]}` });
  const get = (path: string, user?: TestUser) =>
    user ? api.http().get(path).set(as(user)) : api.http().get(path);

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it("GET /api/agents: live states with today's effective count and quota", async () => {
    const res = await get('/api/agents', 'sup');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: '7001',
        name: 'Wang Fang',
        team: 'north',
        status: 'available',
        since: expect.any(String),
        loggedIn: true,
        effectiveToday: 2,
        quota: 40,
        met: false,
      },
      {
        id: '7002',
        name: 'Li Wei',
        team: 'north',
        status: 'paused',
        since: expect.any(String),
        loggedIn: true,
        pauseReason: 'break',
        effectiveToday: 0,
        quota: 40,
        met: false,
      },
      {
        id: '7003',
        name: 'Zhao Lei',
        team: 'south',
        status: 'available',
        since: expect.any(String),
        loggedIn: true,
        effectiveToday: 1,
        quota: 40,
        met: false,
      },
    ]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/agents is scoped: team leaders see their team, agents themselves; other team → 403', async () => {
    const ids = async (user: TestUser, query = '') =>
      ((await get(`/api/agents${query}`, user)).body as { id: string }[]).map((a) => a.id);
    expect(await ids('qa')).toEqual(['7001', '7002', '7003']);
    expect(await ids('admin', '?team=south')).toEqual(['7003']);
    expect(await ids('lead.north')).toEqual(['7001', '7002']);
    expect(await ids('lead.north', '?team=north')).toEqual(['7001', '7002']);
    expect(await ids('agent.7001')).toEqual(['7001']);
    expectError(await get('/api/agents?team=south', 'lead.north'), 403, 'FORBIDDEN');
    expectError(await get('/api/agents?team=south', 'agent.7001'), 403, 'FORBIDDEN');
    expectError(await get('/api/agents'), 401, 'UNAUTHENTICATED');
    const bad = await get('/api/agents?team=a%20b&sort=name', 'sup');
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(invalidFields(bad)).toEqual(['sort', 'team']);
  });

  it('GET /api/agents/:id/day today comes from the live core; numbers unmasked for supervisors, audited', async () => {
    const res = await get('/api/agents/7001/day', 'sup');
    expect(res.status).toBe(200);
    const body = res.body as DayBody;
    expect(body).toMatchObject({ source: 'live', day: TODAY, effective: 2, quota: 40, met: false });
    expect(body.calls.map((c) => [c.customerNumber, c.numberMasked])).toEqual([
      ['13812345678', false],
      ['15011112222', false],
    ]);
    const [entry] = await api.audit.list({ action: 'agent_day.read_unmasked' });
    expect(entry).toMatchObject({
      actor: 'sup',
      target: '7001',
      details: { day: TODAY, calls: 2, role: 'supervisor' },
    });
  });

  it('past days come from the database, with pauses; same shape', async () => {
    const res = await get(`/api/agents/7001/day?date=${YESTERDAY}`, 'qa');
    const body = res.body as DayBody;
    expect(body).toMatchObject({ source: 'archive', day: YESTERDAY, effective: 1, quota: 40 });
    expect(body.calls.map((c) => c.customerNumber)).toEqual(['13812345678']);
    expect(body.pauses).toEqual([expect.objectContaining({ reason: 'lunch', seconds: 600 })]);
    const noEffective = (await get(`/api/agents/7002/day?date=${YESTERDAY}`, 'admin'))
      .body as DayBody;
    expect(noEffective.calls.map((c) => c.effective)).toEqual([false]);
    expect(noEffective.effective).toBe(0);
  });

  it('masks numbers for agents and team leaders, and writes no audit entry for masked reads', async () => {
    const before = (await api.audit.list({ limit: 1000 })).length;
    for (const user of ['agent.7001', 'lead.north'] as TestUser[]) {
      const body = (await get('/api/agents/7001/day', user)).body as DayBody;
      expect(body.calls.map((c) => [c.customerNumber, c.numberMasked])).toEqual([
        ['138****5678', true],
        ['150****2222', true],
      ]);
      const past = await get(`/api/agents/7001/day?date=${YESTERDAY}`, user);
      expect(past.text).not.toContain('13812345678');
    }
    expect((await api.audit.list({ limit: 1000 })).length).toBe(before);
  });

  it("another agent or another team's agent is 404, like an unknown agent", async () => {
    for (const [user, path] of [
      ['agent.7001', '/api/agents/7002/day'],
      ['agent.7001', '/api/agents/7003/day'],
      ['lead.north', '/api/agents/7003/day'],
      ['lead.south', `/api/agents/7001/day?date=${YESTERDAY}`],
      ['sup', '/api/agents/9999/day'],
    ] as [TestUser, string][]) {
      const res = await get(path, user);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body.message).toBe('no such agent');
    }
    expect((await get('/api/agents/7003/day', 'lead.south')).status).toBe(200);
    expect((await get('/api/agents/7003/day', 'agent.7003')).status).toBe(200);
    expectError(await get('/api/agents/7001/day'), 401, 'UNAUTHENTICATED');
  });

  it('bad input: bad dates, future dates, unknown fields, hostile ids → 400 naming the field', async () => {
    for (const [date, problem] of [
      ['2026-02-30', 'date 2026-02-30 does not exist (2026-02 has 28 days)'],
      ['0000-01-01', 'date year 0000 does not exist (the calendar starts at year 0001)'],
      ['2026-3-9', 'date must be a date YYYY-MM-DD'],
      ['yesterday', 'date must be a date YYYY-MM-DD'],
      ['2026-03-09T00:00:00Z', 'date must be a date YYYY-MM-DD'],
      ["2026-03-09' OR 1=1 --", 'date must be a date YYYY-MM-DD'],
    ]) {
      const res = await get(`/api/agents/7001/day?date=${encodeURIComponent(date!)}`, 'sup');
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.fields).toEqual([{ field: 'date', problems: [problem] }]);
    }
    const future = await get('/api/agents/7001/day?date=2026-03-11', 'sup');
    expectError(future, 400, 'VALIDATION_FAILED');
    expect(future.body.details.fields).toEqual([
      { field: 'date', problems: ['date must not be in the future'] },
    ]);
    expect(invalidFields(await get('/api/agents/7001/day?date=2026-03-09&extra=1', 'sup'))).toEqual(
      ['extra'],
    );
    expect(
      invalidFields(await get(`/api/agents/${encodeURIComponent('../etc')}/day`, 'sup')),
    ).toEqual(['id']);
  });
});
