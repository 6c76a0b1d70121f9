import { UTF8_BOM, writeCsv, writeXlsx } from '@cti/platform';
import { at } from '../testing/fixtures';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { playScenarioDay, SCENARIO_DAY as DAY } from '../testing/day-scenario';
import { WorkforceHarness } from '../testing/harness';
import { type WorkforcePrincipal } from '../ports/principal';
import { reportSheets } from './report-sheets';

const supervisor: WorkforcePrincipal = { userId: 'u4', username: 'sup1', role: 'supervisor' };
import { readBack, rowValues } from '../../../testing/src/xlsx-read';

describe('CSV and the monthly report (real PostgreSQL)', () => {
  let h: WorkforceHarness;
  beforeAll(async () => {
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '07:00'));
    await playScenarioDay(h);
    h.clock.set(at('2026-12-02', '08:00'));
    h.qaScores.set('1001', [88, 92]);
  });
  afterAll(() => h?.stop());

  it('CSV in UTF-8 with a BOM, Chinese intact, formulas neutralised', async () => {
    const report = await h.reports.teamDaily(supervisor, 't1', DAY, h.clock.now());
    const doc = reportSheets(report, 'zh-CN');
    const bytes = writeCsv(doc.sheets[1]!, doc.timezone, 'zh-CN');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '时间,工号,坐席,类型,联系人,电话,跟进内容,修改次数',
      '2026-12-01 11:00:00,1001,王芳,意向客户,张先生,13812345678,想了解宽带套餐，周五回访,1',
      `2026-12-01 11:05:00,1001,王芳,能发展的客户,'=SUM(A1),'+8613900001111,"报价后再联系, ""年底""",1`,
      '',
    ]);
    const daily = writeCsv(
      reportSheets(await h.reports.agentDaily(supervisor, DAY, h.clock.now()), 'en').sheets[0]!,
      'Asia/Shanghai',
      'en',
    ).toString('utf8');
    expect(daily.split('\r\n')[1]).toBe(
      '1001,王芳,t1,working,50,50,50,50,yes,0,50,75,20,55,1,1,1,2026-12-01 08:40:00,2026-12-01 17:35:00,0,0,pause over limit,0,0,,cc-1',
    );
  });

  it('the monthly report per agent and team: effective per day, hit rate, stay-late, attendance, QA average', async () => {
    const r = await h.reports.monthly(supervisor, '2026-12', h.clock.now());
    expect(r.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(r.agents.find((a) => a.agentId === '1001')).toMatchObject({
      effectiveByDay: { '2026-12-01': 50, '2026-12-02': 0 },
      workingDays: 2,
      daysMet: 1,
      quotaHitRate: 0.5,
      qaAverage: 90,
    });
    expect(r.agents.find((a) => a.agentId === '1002')).toMatchObject({
      stayLateDays: 1,
      stayLateMinutes: 30,
      lates: 1,
    });
    expect(r.agents.find((a) => a.agentId === '1003')).toMatchObject({
      stayLateDays: 1,
      stayLateMinutes: 0,
      absenceDays: 0.5,
    });
    expect(r.teams.find((t) => t.team === 't1')).toMatchObject({
      teamName: '电话销售一组',
      agents: 3,
      effectiveTotal: 112,
      workingDays: 6,
      daysMet: 2,
      quotaHitRate: 0.333,
      qaAverage: 90,
    });
    const wb = await readBack(await writeXlsx(reportSheets(r, 'zh-CN'), 'zh-CN'));
    const agents = wb.getWorksheet('坐席月报')!;
    expect(rowValues(agents, 3)).toEqual([
      '1001',
      '王芳',
      't1',
      50,
      2,
      1,
      0.5,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      90,
      'cc-1',
    ]);
    expect(agents.getCell('G3').numFmt).toBe('0.0%');
    const perDay = wb.getWorksheet('每日有效通话')!;
    expect(rowValues(perDay, 2)).toEqual(['工号', '姓名', '12-01', '12-02']);
    expect(rowValues(perDay, 4)).toEqual(['1002', '李伟', 50, 0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['坐席月报', '班组月报', '每日有效通话']);
  });
});
