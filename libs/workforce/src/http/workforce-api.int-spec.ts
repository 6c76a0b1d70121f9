import ExcelJS from 'exceljs';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { at, calls } from '../testing/fixtures';
import { WorkforceApiApp } from '../testing/api-app';
import { session } from '../testing/day-scenario';

const DAY = '2026-12-01';

describe('the quota day over HTTP (Nest, real AuthModule tokens, PostgreSQL)', () => {
  let api: WorkforceApiApp;
  beforeAll(async () => {
    api = await WorkforceApiApp.start(await startTestDatabase(), at(DAY, '08:00'), {
      shiftEnd: { tickSeconds: 3600 },
    });
    api.push(
      session('1001', at(DAY, '08:40'), at(DAY, '17:35')),
      ...calls('1001', 48, at(DAY, '09:00')),
      ...calls('1002', 50, at(DAY, '09:00')),
      ...calls('2001', 10, at(DAY, '09:00')),
    );
    await api.settle();
  });
  afterAll(() => api?.close());

  it('denies by default: no token 401, a role the route does not name 403', async () => {
    const anon = await api.http().get('/api/workforce/quota-day');
    expect([anon.status, anon.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const bad = await api
      .http()
      .get('/api/workforce/quota-day')
      .set('Authorization', 'Bearer not.a.token');
    expect(bad.status).toBe(401);
    const agent = await api
      .http()
      .post(`/api/workforce/quota-day/${DAY}/stays/1001/release`)
      .set('Authorization', api.bearer('agent.1001'))
      .send({ reason: 'x' });
    expect([agent.status, agent.body.code]).toEqual([403, 'FORBIDDEN']);
    const rules = await api
      .http()
      .post('/api/workforce/rules')
      .set('Authorization', api.bearer('lead.t1'))
      .send({});
    expect(rules.status).toBe(403);
  });

  it("the supervisor's quota day: progress and pace per agent; a team leader sees the team, an agent themselves", async () => {
    api.clock.set(at(DAY, '16:00'));
    const res = await api
      .http()
      .get(`/api/workforce/quota-day?day=${DAY}`)
      .set('Authorization', api.bearer('sup'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      day: DAY,
      ruleVersion: 'cc-1',
      timezone: 'Asia/Shanghai',
      mustStay: [],
    });
    expect(
      res.body.agents.map(
        (a: { agentId: string; effective: number; quota: number; pace?: number }) => [
          a.agentId,
          a.effective,
          a.quota,
          a.pace ?? null,
        ],
      ),
    ).toEqual([
      ['1001', 48, 50, 56],
      ['1002', 50, 50, 58],
      ['1003', 0, 30, 0],
      ['2001', 10, 50, 11],
      ['3001', 0, 50, 0],
    ]);
    const lead = await api
      .http()
      .get(`/api/workforce/quota-day?day=${DAY}`)
      .set('Authorization', api.bearer('lead.t1'));
    expect(lead.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual([
      '1001',
      '1002',
      '1003',
    ]);
    const me = await api
      .http()
      .get('/api/workforce/quota-day')
      .set('Authorization', api.bearer('agent.1001'));
    expect(me.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual(['1001']);
    const bad = await api
      .http()
      .get('/api/workforce/quota-day?day=2026-02-30')
      .set('Authorization', api.bearer('sup'));
    expect([bad.status, bad.body.code, bad.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      { fields: [{ field: 'day', problems: ['2026-02-30 does not exist (2026-02 has 28 days)'] }] },
    ]);
  });

  it('shift end, then a release with a reason through the API, audited', async () => {
    api.clock.set(at(DAY, '17:00'));
    const [run] = await api.shiftEnd();
    expect(run!.agents.map((a) => a.agentId)).toEqual(['3001', '2001', '1003', '1001']);
    const day = await api
      .http()
      .get(`/api/workforce/quota-day?day=${DAY}`)
      .set('Authorization', api.bearer('sup'));
    expect(
      day.body.mustStay[0].agents.map(
        (a: { agentId: string; shortfall: number }) => `${a.agentId}:${a.shortfall}`,
      ),
    ).toEqual(['3001:50', '2001:40', '1003:30', '1001:2']);
    expect(day.body.mustStay[0].notified).toEqual([{ target: 'generic', ok: true }]);
    api.clock.set(at(DAY, '17:20'));
    const noReason = await api
      .http()
      .post(`/api/workforce/quota-day/${DAY}/stays/1001/release`)
      .set('Authorization', api.bearer('sup'))
      .send({});
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const released = await api
      .http()
      .post(`/api/workforce/quota-day/${DAY}/stays/1001/release`)
      .set('Authorization', api.bearer('sup'))
      .send({ reason: '孩子生病' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      agentId: '1001',
      state: 'released',
      releasedBy: 'sup',
      releaseReason: '孩子生病',
      minutes: 20,
    });
    const again = await api
      .http()
      .post(`/api/workforce/quota-day/${DAY}/stays/1001/release`)
      .set('Authorization', api.bearer('sup'))
      .send({ reason: 'again' });
    expect(again.status).toBe(409);
    const audit = await api.db.dataSource.query<
      { actor: string; action: string; target: string }[]
    >(`SELECT "actor", "action", "target" FROM "audit_log" WHERE "action" = 'stay_late.release'`);
    expect(audit).toEqual([{ actor: 'sup', action: 'stay_late.release', target: `1001/${DAY}` }]);
  });

  it('follow-up records through the API: created by the agent, masked for the team leader', async () => {
    const created = await api
      .http()
      .post('/api/workforce/follow-ups')
      .set('Authorization', api.bearer('agent.1001'))
      .send({
        kind: 'intent',
        contactName: '张先生',
        phoneNumber: '13812345678',
        content: '周五回访',
      });
    expect([created.status, created.body.phoneNumber, created.body.numberMasked]).toEqual([
      201,
      '13812345678',
      false,
    ]);
    const listed = await api
      .http()
      .get('/api/workforce/follow-ups?q=张')
      .set('Authorization', api.bearer('lead.t1'));
    expect(listed.body).toMatchObject({
      total: 1,
      items: [{ contactName: '张先生', phoneNumber: '138****5678', numberMasked: true }],
    });
    const invalid = await api
      .http()
      .post('/api/workforce/follow-ups')
      .set('Authorization', api.bearer('agent.1001'))
      .send({ kind: 'hot' });
    expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'kind',
      'contactName',
      'phoneNumber',
      'content',
    ]);
    const other = await api
      .http()
      .get('/api/workforce/follow-ups?agentId=1001')
      .set('Authorization', api.bearer('agent.2001'));
    expect(other.status).toBe(403);
  });

  it('report downloads: JSON, XLSX (opens), CSV with BOM; English on request', async () => {
    api.clock.set(at('2026-12-02', '08:00'));
    const json = await api
      .http()
      .get(`/api/workforce/reports/agent-daily?day=${DAY}`)
      .set('Authorization', api.bearer('sup'));
    expect(json.body.agents[0]).toMatchObject({
      agentId: '1001',
      effective: 48,
      followUpsIntent: 1,
      stayLateState: 'released',
      stayLateMinutes: 20,
    });
    const xlsx = await api
      .http()
      .get(`/api/workforce/reports/agent-daily?day=${DAY}&format=xlsx`)
      .set('Authorization', api.bearer('sup'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="____-${DAY}.xlsx"; filename*=UTF-8''${encodeURIComponent(`坐席日报-${DAY}.xlsx`)}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    expect(wb.getWorksheet('坐席日报')!.getCell('B3').value).toBe('王芳');
    const csv = await api
      .http()
      .get(`/api/workforce/reports/team-daily?day=${DAY}&teamId=t1&format=csv&lang=en`)
      .set('Authorization', api.bearer('lead.t1'));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text.split('\r\n')[1]).toMatch(/^1001,王芳,t1,working,48,/);
    const otherTeam = await api
      .http()
      .get(`/api/workforce/reports/team-daily?day=${DAY}&teamId=t2`)
      .set('Authorization', api.bearer('lead.t1'));
    expect(otherTeam.status).toBe(403);
    const monthly = await api
      .http()
      .get('/api/workforce/reports/monthly?month=2026-12&format=csv&sheet=2')
      .set('Authorization', api.bearer('qa'));
    expect(monthly.text.slice(1).split('\r\n')[0]).toBe('工号,姓名,12-01,12-02');
  });

  it('serves the page: public static files only, no traversal', async () => {
    const page = await api.http().get('/workforce/');
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('<title');
    expect((await api.http().get('/workforce/quota-day.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await api.http().get('/workforce/..%2Fsrc%2Findex.ts')).status).toBe(404);
    expect((await api.http().get('/workforce/missing.js')).status).toBe(404);
  });
});
