import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { TODAY, YESTERDAY } from './testing/api-call-center';
import { type ApiTestApp, startApiTestApp, type TestUser } from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

interface CallBody {
  id: string;
  agentId: string;
  customerNumber: string;
  numberMasked: boolean;
  direction: string;
  effective: boolean;
  day: string;
}
interface PageBody {
  items: CallBody[];
  total: number;
  page: number;
  pageSize: number;
}

describe('calls API: history with filters and paging, unmasked number reads (real PostgreSQL)', () => {
  let api: ApiTestApp;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${api.tokens[user]}` });
  const get = (path: string, user?: TestUser) =>
    user ? api.http().get(path).set(as(user)) : api.http().get(path);
  const page = async (query: string, user: TestUser = 'sup'): Promise<PageBody> => {
    const res = await get(`/api/calls${query}`, user);
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    return res.body as PageBody;
  };

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it('lists every stored call newest first, with total and paging', async () => {
    const all = await page('');
    expect(all).toMatchObject({ total: 6, page: 1, pageSize: 50 });
    expect(all.items.map((c) => c.day)).toEqual([
      TODAY,
      TODAY,
      TODAY,
      YESTERDAY,
      YESTERDAY,
      YESTERDAY,
    ]);
    const second = await page('?page=2&pageSize=4');
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(second.items.map((c) => c.id)).toEqual(all.items.slice(4).map((c) => c.id));
  });

  it('filters by day, time window, agent, team, direction and effective', async () => {
    expect((await page(`?date=${YESTERDAY}`)).total).toBe(3);
    expect((await page('?agent=7001')).items.map((c) => c.customerNumber)).toEqual([
      '15011112222',
      '13812345678',
      '13812345678',
    ]);
    expect((await page('?team=south')).items.map((c) => c.agentId)).toEqual(['7003', '7003']);
    expect((await page('?direction=outbound')).items.map((c) => c.customerNumber)).toEqual([
      '15011112222',
      '13987654321',
    ]);
    expect((await page(`?effective=false&date=${YESTERDAY}`)).items.map((c) => c.agentId)).toEqual([
      '7002',
    ]);
    const window = await page(
      `?from=${encodeURIComponent('2026-03-10T02:02:00Z')}&to=${encodeURIComponent('2026-03-10T02:04:00+00:00')}`,
    );
    expect(window.items.map((c) => c.customerNumber)).toEqual(['15011112222']);
  });

  it('scopes lists: team leaders get their team, agents themselves; asking outside → 403', async () => {
    expect((await page('', 'lead.north')).items.map((c) => c.agentId).sort()).toEqual([
      '7001',
      '7001',
      '7001',
      '7002',
    ]);
    expect((await page('?agent=7002', 'lead.north')).total).toBe(1);
    expect((await page('', 'agent.7003')).items.map((c) => c.agentId)).toEqual(['7003', '7003']);
    expect((await page('?team=south', 'agent.7003')).total).toBe(2);
    for (const [user, query] of [
      ['lead.north', '?team=south'],
      ['lead.north', '?agent=7003'],
      ['lead.north', '?agent=9999'],
      ['agent.7001', '?agent=7002'],
      ['agent.7001', '?team=south'],
    ] as [TestUser, string][]) {
      expectError(await get(`/api/calls${query}`, user), 403, 'FORBIDDEN');
    }
    expectError(await get('/api/calls'), 401, 'UNAUTHENTICATED');
  });

  it('masks numbers for agents and team leaders; supervisors, QA and admins see them, audited per list', async () => {
    for (const user of ['agent.7001', 'lead.north'] as TestUser[]) {
      const res = await get('/api/calls?agent=7001', user);
      expect((res.body as PageBody).items.map((c) => [c.customerNumber, c.numberMasked])).toEqual([
        ['150****2222', true],
        ['138****5678', true],
        ['138****5678', true],
      ]);
      expect(res.text).not.toMatch(/13812345678|15011112222/);
    }
    for (const user of ['sup', 'qa', 'admin'] as TestUser[]) {
      expect((await page('?agent=7001', user)).items.map((c) => c.numberMasked)).toEqual([
        false,
        false,
        false,
      ]);
    }
    const entries = await api.audit.list({ action: 'calls.list_unmasked' });
    expect(
      entries
        .slice(0, 3)
        .map((e) => [e.actor, e.details?.calls, (e.details?.filters as { agent?: string }).agent]),
    ).toEqual([
      ['admin', 3, '7001'],
      ['qa', 3, '7001'],
      ['sup', 3, '7001'],
    ]);
  });

  it('bad input → 400 with a message per field: bad date, negative page, huge pageSize, unknown field, junk', async () => {
    const res = await get('/api/calls?date=2026-13-01&page=-1&pageSize=10000&sort=desc', 'sup');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.fields).toHaveLength(4);
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'date', problems: ['date month 13 does not exist (months are 01 to 12)'] },
        { field: 'page', problems: ['page must not be less than 1'] },
        { field: 'pageSize', problems: ['pageSize must not be greater than 500'] },
        { field: 'sort', problems: ['property sort should not exist'] },
      ]),
    );
    const cases: [string, string][] = [
      ['?page=1.5', 'page'],
      ['?page=1e3', 'page'],
      ['?pageSize=0', 'pageSize'],
      ['?effective=maybe', 'effective'],
      ['?direction=sideways', 'direction'],
      ['?from=yesterday', 'from'],
      ['?to=2026-03-10', 'to'],
      [`?agent=${encodeURIComponent("7001' OR '1'='1")}`, 'agent'],
      [`?team=${encodeURIComponent('north;DROP TABLE call_leg')}`, 'team'],
      ['?page=1&page=2', 'page'],
    ];
    for (const [query, field] of cases) {
      const r = await get(`/api/calls${query}`, 'sup');
      expectError(r, 400, 'VALIDATION_FAILED');
      expect(invalidFields(r)).toEqual([field]);
    }
    const backwards = await get(
      `/api/calls?from=${encodeURIComponent('2026-03-10T03:00:00Z')}&to=${encodeURIComponent('2026-03-10T02:00:00Z')}`,
      'sup',
    );
    expect(invalidFields(backwards)).toEqual(['to']);
  });

  it('GET /api/calls/:id/number: unmasked for supervisors, QA and admins, audited; 403 for the others', async () => {
    const [todays] = (await page('?agent=7001&date=' + TODAY)).items;
    const [yesterdays] = (await page('?agent=7001&date=' + YESTERDAY)).items;
    for (const leg of [todays, yesterdays]) {
      for (const user of ['sup', 'qa', 'admin'] as TestUser[]) {
        const res = await get(`/api/calls/${encodeURIComponent(leg.id)}/number`, user);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: leg.id, customerNumber: leg.customerNumber });
      }
    }
    const reads = await api.audit.list({ action: 'call.number_read' });
    expect(reads.map((e) => [e.actor, e.target])).toEqual([
      ['admin', yesterdays.id],
      ['qa', yesterdays.id],
      ['sup', yesterdays.id],
      ['admin', todays.id],
      ['qa', todays.id],
      ['sup', todays.id],
    ]);
    expect(JSON.stringify(reads)).not.toContain(todays.customerNumber);
    for (const user of ['agent.7001', 'lead.north'] as TestUser[]) {
      expectError(
        await get(`/api/calls/${encodeURIComponent(todays.id)}/number`, user),
        403,
        'FORBIDDEN',
      );
    }
    expectError(
      await get(`/api/calls/${encodeURIComponent(todays.id)}/number`),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('unknown or malformed call ids: 404 / 400; audit down → 503 and no number', async () => {
    expectError(
      await get(`/api/calls/${encodeURIComponent('7001:1773108060.7:999')}/number`, 'sup'),
      404,
      'NOT_FOUND',
    );
    expectError(await get('/api/calls/nothing-here/number', 'sup'), 404, 'NOT_FOUND');
    expect(
      invalidFields(
        await get(`/api/calls/${encodeURIComponent('../../etc/passwd')}/number`, 'sup'),
      ),
    ).toEqual(['id']);
    const [leg] = (await page('?agent=7003')).items;
    const original = api.audit.append.bind(api.audit);
    api.audit.append = () => Promise.reject(new Error('disk full'));
    try {
      const res = await get(`/api/calls/${encodeURIComponent(leg.id)}/number`, 'sup');
      expectError(res, 503, 'UNAVAILABLE');
      expect(res.text).not.toContain(leg.customerNumber);
      const list = await get('/api/calls?agent=7003', 'sup');
      expectError(list, 503, 'UNAVAILABLE');
      expect(list.text).not.toContain(leg.customerNumber);
    } finally {
      api.audit.append = original;
    }
  });
});
