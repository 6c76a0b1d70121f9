import { writeXlsx } from '@cti/platform';
import { at } from '../testing/fixtures';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { playScenarioDay, SCENARIO_DAY as DAY } from '../testing/day-scenario';
import { WorkforceHarness } from '../testing/harness';
import { type WorkforcePrincipal } from '../ports/principal';
import { reportSheets } from './report-sheets';

const supervisor: WorkforcePrincipal = { userId: 'u4', username: 'sup1', role: 'supervisor' };
const leader: WorkforcePrincipal = {
  userId: 'u3',
  username: 'leader1',
  role: 'team_leader',
  teamId: 't1',
};
import { readBack, rowValues, wall } from '../../../testing/src/xlsx-read';

describe('daily reports: JSON and XLSX opened back (real PostgreSQL)', () => {
  let h: WorkforceHarness;
  beforeAll(async () => {
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '07:00'));
    await playScenarioDay(h);
    h.clock.set(at('2026-12-02', '08:00'));
    h.qaScores.set('1001', [88, 92]);
  });
  afterAll(() => h?.stop());

  it("the agent's daily work record as JSON", async () => {
    const r = await h.reports.agentDaily(supervisor, DAY, h.clock.now());
    expect(r).toMatchObject({
      kind: 'agent-daily',
      day: DAY,
      ruleVersion: 'cc-1',
      timezone: 'Asia/Shanghai',
    });
    expect(r.agents.map((a) => a.agentId)).toEqual(['1001', '1002', '1003', '2001', '3001']);
    expect(r.agents[0]).toEqual({
      agentId: '1001',
      name: '王芳',
      team: 't1',
      day: DAY,
      status: 'working',
      ruleVersion: 'cc-1',
      calls: 50,
      answered: 50,
      inboundAnswered: 0,
      outboundDials: 50,
      outboundAnswered: 50,
      effective: 50,
      quota: 50,
      met: true,
      remaining: 0,
      talkSeconds: 3000,
      pauseSeconds: 4500,
      pauseSecondsByReason: { 示忙: 1200, lunch: 3300 },
      overLimitPauses: 1,
      followUpsIntent: 1,
      followUpsDevelopable: 1,
      firstLoginAt: at(DAY, '08:40'),
      lastLogoutAt: at(DAY, '17:35'),
      lateMinutes: 0,
      earlyMinutes: 0,
      attendanceFlags: ['pause-over-limit'],
      absenceDays: 0,
      stayLateMinutes: 0,
      stayLateState: null,
    });
    expect(r.agents[1]).toMatchObject({
      calls: 51,
      inboundAnswered: 1,
      effective: 50,
      met: true,
      lateMinutes: 5,
      attendanceFlags: ['late'],
      stayLateMinutes: 30,
      stayLateState: 'met',
    });
    expect(r.agents[2]).toMatchObject({
      effective: 12,
      quota: 30,
      earlyMinutes: 90,
      attendanceFlags: ['early-absence'],
      absenceDays: 0.5,
      stayLateState: 'staying',
    });
    expect(r.agents[3]).toMatchObject({ status: 'leave', quota: 0, attendanceFlags: [] });
    expect(r.agents[4]).toMatchObject({
      status: 'working',
      attendanceFlags: ['no-show'],
      absenceDays: 1,
    });
    const mine = await h.reports.agentDaily(
      { userId: 'u1', role: 'agent', agentId: '1001' },
      DAY,
      h.clock.now(),
    );
    expect(mine.agents.map((a) => a.agentId)).toEqual(['1001']);
  });

  it('XLSX opened back with exceljs: every cell of the header and of two agents', async () => {
    const report = await h.reports.agentDaily(supervisor, DAY, h.clock.now());
    const wb = await readBack(await writeXlsx(reportSheets(report, 'zh-CN'), 'zh-CN'));
    const ws = wb.getWorksheet('坐席日报')!;
    expect(ws.getCell('A1').value).toBe(`坐席工作日报 ${DAY}`);
    expect(rowValues(ws, 2)).toEqual([
      '工号',
      '姓名',
      '班组',
      '状态',
      '通话数',
      '接通数',
      '有效通话',
      '定额',
      '达标',
      '差额',
      '通话时长(分)',
      '示忙时长(分)',
      '示忙-示忙(分)',
      '示忙-lunch(分)',
      '示忙超时次数',
      '意向客户',
      '能发展的客户',
      '首次登录',
      '最后退出',
      '迟到(分)',
      '早退(分)',
      '考勤标记',
      '旷工(天)',
      '留下时长(分)',
      '留下状态',
      '规则版本',
    ]);
    expect(rowValues(ws, 3)).toEqual([
      '1001',
      '王芳',
      't1',
      '上班',
      50,
      50,
      50,
      50,
      '是',
      0,
      50,
      75,
      20,
      55,
      1,
      1,
      1,
      wall('2026-12-01T08:40:00'),
      wall('2026-12-01T17:35:00'),
      0,
      0,
      '示忙超时',
      0,
      0,
      null,
      'cc-1',
    ]);
    expect(rowValues(ws, 5)).toEqual([
      '1003',
      '张敏',
      't1',
      '上班',
      12,
      12,
      12,
      30,
      '否',
      18,
      12,
      0,
      0,
      0,
      0,
      0,
      0,
      wall('2026-12-01T08:44:00'),
      wall('2026-12-01T16:00:00'),
      0,
      90,
      '早退按旷工',
      0.5,
      0,
      '留下中',
      'cc-1',
    ]);
    expect(ws.getCell('R3').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(ws.rowCount).toBe(7);
  });

  it("the team leader's daily sheet: team rows, totals, follow-ups masked for the leader", async () => {
    const report = await h.reports.teamDaily(leader, 't1', DAY, h.clock.now());
    expect(report.totals).toEqual({
      agents: 3,
      working: 3,
      met: 2,
      effective: 112,
      quota: 130,
      calls: 113,
      talkSeconds: 6732,
      followUps: 2,
      stayLateMinutes: 30,
      absenceDays: 0.5,
    });
    expect(report.submission.state).toBe('missing');
    const wb = await readBack(await writeXlsx(reportSheets(report, 'en'), 'en'));
    const team = wb.getWorksheet('Team')!;
    expect(team.getCell('A1').value).toBe('Team daily sheet 电话销售一组 2026-12-01 (missing)');
    expect(rowValues(team, 6).slice(0, 11)).toEqual([
      'Total',
      '2/3',
      null,
      null,
      113,
      null,
      112,
      130,
      null,
      null,
      112.2,
    ]);
    const fu = wb.getWorksheet('Follow-ups')!;
    expect(rowValues(fu, 2)).toEqual([
      'Time',
      'Agent',
      'Agent name',
      'Kind',
      'Contact',
      'Number',
      'Follow-up',
      'Revision',
    ]);
    expect(rowValues(fu, 3)).toEqual([
      wall('2026-12-01T11:00:00'),
      '1001',
      '王芳',
      'intent customer',
      '张先生',
      '138****5678',
      '想了解宽带套餐，周五回访',
      1,
    ]);
    expect(rowValues(fu, 4)).toEqual([
      wall('2026-12-01T11:05:00'),
      '1001',
      '王芳',
      'developable customer',
      '=SUM(A1)',
      '+86****1111',
      '报价后再联系, "年底"',
      1,
    ]);
  });
});
