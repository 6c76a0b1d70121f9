import ExcelJS from 'exceljs';
import { PERFECT, SERVICE_SCORECARD } from '../../../domain/src/qa/qa-fixtures';
import { type ItemAnswer, scoreAnswers } from '@cti/domain';
import { type EvaluationRecord } from '../ports/qa-store.port';
import { type QaTestApp, startQaTestApp } from '../testing/qa-test-app';
import { type ColumnKind, parseCsv } from '@cti/platform';
import { type Cell, type ReportTable } from './report-tables';

const NOV = (day: number, hour = 3): number => Date.UTC(2026, 10, day, hour);

/** Scores stored directly: the report's input is fixed, so every cell can be checked. */
function evaluation(
  id: string,
  agentId: string,
  teamId: string,
  answers: Record<string, ItemAnswer>,
  at: number,
  extra: Partial<EvaluationRecord> = {},
): EvaluationRecord {
  const result = scoreAnswers(SERVICE_SCORECARD, answers);
  return {
    id,
    recordingId: `rec-${id}`,
    teamId,
    scorecardId: 'service',
    scorecardVersion: 1,
    answers,
    comments: [],
    result,
    calibration: false,
    state: {
      status: 'submitted',
      agentId,
      reviewerId: 'qa1',
      submittedAt: at,
      total: result.total,
    },
    ...extra,
  };
}

describe('QA summaries exported as XLSX and CSV (checked cell by cell)', () => {
  let t: QaTestApp;
  beforeAll(async () => {
    t = await startQaTestApp();
    const add = (e: EvaluationRecord) => t.qa.addEvaluation(e);
    await add(evaluation('1', '1001', 'north', PERFECT, NOV(2))); // 100
    await add(evaluation('2', '1001', 'north', { ...PERFECT, closing: 0 }, NOV(9))); // 80
    await add(evaluation('3', '1002', 'south', { ...PERFECT, argue: 0 }, NOV(10))); // 0, critical
    await add(evaluation('4', '1003', 'north', { ...PERFECT, closing: 0, rings: 0 }, NOV(11))); // 70
    await add(
      evaluation('5', '1003', 'north', { ...PERFECT, closing: 0 }, NOV(12), {
        calibration: true,
        recordingId: 'rec-cal',
      }),
    ); // 80, counts
    await add(
      evaluation('6', '1003', 'north', PERFECT, NOV(12, 4), {
        calibration: true,
        recordingId: 'rec-cal',
      }),
    ); // calibration copy
    await add(evaluation('7', '1001', 'north', PERFECT, NOV(30, 17))); // 2026-12-01 01:00 Shanghai: December
    const disputed = evaluation('8', '1002', 'south', { ...PERFECT, confirm: 0 }, NOV(20)); // 70 → amended to 90
    await add({
      ...disputed,
      state: { ...disputed.state, status: 'amended', finalTotal: 90, resolvedBy: 'sup1' },
    });
  });
  afterAll(() => t.stop());

  const admin = () => t.token('adm', 'admin');
  const get = (path: string, token = admin()) =>
    fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const asText = (c: Cell, kind: ColumnKind): string =>
    c === null
      ? ''
      : typeof c === 'boolean'
        ? c
          ? '是'
          : '否'
        : kind === 'percent'
          ? `${Math.round(Number(c) * 1000) / 10}%`
          : String(c);

  it('summarises the month per agent, team and item, amended totals in, calibration copies out', async () => {
    const res = await get('/api/qa/reports/monthly?month=2026-11');
    const { tables } = (await res.json()) as { tables: ReportTable[] };
    const agents = tables.find((x) => x.name === 'agents')!;
    expect(agents.headers).toEqual([
      '工号 Agent',
      '姓名 Name',
      '班组 Team',
      '评分次数 Evaluations',
      '平均分 Average',
      '最低 Min',
      '最高 Max',
      '0-59',
      '60-69',
      '70-79',
      '80-89',
      '90-100',
      '致命项 Critical fails',
    ]);
    expect(agents.rows).toEqual([
      ['1001', 'Wang Fang 王芳', 'north', 2, 90, 80, 100, 0, 0, 0, 1, 1, 0],
      ['1002', 'Li Wei 李伟', 'south', 2, 45, 0, 90, 1, 0, 0, 0, 1, 1],
      ['1003', 'Zhang Min 张敏', 'north', 2, 75, 70, 80, 0, 0, 1, 1, 0, 0],
    ]);
    const teams = tables.find((x) => x.name === 'teams')!;
    expect(teams.rows).toEqual([
      ['north', 4, 82.5, 70, 100, 0, 0, 1, 2, 1, 0],
      ['south', 2, 45, 0, 90, 1, 0, 0, 0, 1, 1],
      ['全部 All', 6, 70, 0, 100, 1, 0, 1, 2, 2, 1],
    ]);
    const training = tables.find((x) => x.name === 'training')!;
    expect(training.rows[0]).toEqual([
      1,
      'service',
      'closing',
      'Standard closing 标准结束语',
      0.5,
      3,
      6,
    ]);
  });

  it('XLSX: every cell equals the report table, one sheet per table, numbers as numbers', async () => {
    const json = (await (await get('/api/qa/reports/monthly?month=2026-11')).json()) as {
      tables: ReportTable[];
    };
    const res = await get('/api/qa/reports/monthly.xlsx?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="qa-monthly-2026-11.xlsx"',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['坐席', '班组', '评分项', '培训需求']);
    for (const table of json.tables) {
      const ws = wb.getWorksheet(table.sheet)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getRow(2).font?.bold).toBe(true);
      expect(ws.getCell(1, 1).value).toBe(table.title);
      table.headers.forEach((h, c) => expect(ws.getCell(2, c + 1).value).toBe(h));
      table.rows.forEach((row, r) =>
        row.forEach((v, c) =>
          expect(ws.getCell(r + 3, c + 1).value).toEqual(
            typeof v === 'boolean' ? (v ? '是' : '否') : v === '' ? null : v,
          ),
        ),
      );
      table.kinds.forEach((kind, c) => {
        if (kind === 'percent' && table.rows.length)
          expect(ws.getCell(3, c + 1).numFmt).toBe('0.0%');
      });
      expect(ws.rowCount).toBe(table.rows.length + 2);
    }
    expect(t.audit.entries.at(-1)).toMatchObject({
      actor: 'adm',
      action: 'qa.report.export',
      target: 'monthly.xlsx',
      details: { period: '2026-11' },
    });
  });

  it.each(['agents', 'teams', 'items', 'training'])(
    'CSV %s: UTF-8 BOM and every cell equal to the report table',
    async (name) => {
      const json = (await (await get('/api/qa/reports/monthly?month=2026-11')).json()) as {
        tables: ReportTable[];
      };
      const table = json.tables.find((x) => x.name === name)!;
      const res = await get(`/api/qa/reports/monthly.csv?month=2026-11&table=${name}`);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(parseCsv(bytes.toString('utf8'))).toEqual([
        [...table.headers],
        ...table.rows.map((r) => r.map((v, c) => asText(v, table.kinds[c]!))),
      ]);
    },
  );

  it('scopes the summary: a team leader sees their team only; agents may not export', async () => {
    const res = await get(
      '/api/qa/reports/monthly?month=2026-11',
      t.token('tl', 'team_leader', { team: 'south' }),
    );
    const { summary } = (await res.json()) as { summary: { perAgent: { key: string }[] } };
    expect(summary.perAgent.map((a) => a.key)).toEqual(['1002']);
    expect(
      (
        await get(
          '/api/qa/reports/monthly.csv?month=2026-11',
          t.token('u', 'agent', { agent: '1001' }),
        )
      ).status,
    ).toBe(403);
    expect((await get('/api/qa/reports/monthly.csv?month=2026-13')).status).toBe(400);
    expect((await get('/api/qa/reports/monthly.csv?month=2026-11&table=../../etc')).status).toBe(
      400,
    );
  });
});
