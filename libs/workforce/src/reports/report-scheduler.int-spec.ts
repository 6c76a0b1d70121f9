import ExcelJS from 'exceljs';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { at } from '../testing/fixtures';
import { playScenarioDay, SCENARIO_DAY as DAY } from '../testing/day-scenario';
import { WorkforceHarness } from '../testing/harness';
import { decodeWord, mimeParts, SmtpCatcher } from '../testing/smtp-catcher';
import { ReportScheduler } from './report-scheduler';

async function xlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

describe('scheduled reports by e-mail and webhook (local SMTP catcher, local HTTP receiver)', () => {
  let h: WorkforceHarness;
  let smtp: SmtpCatcher;
  let scheduler: ReportScheduler;

  beforeAll(async () => {
    smtp = await SmtpCatcher.start();
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '07:00'), {
      reports: {
        sendAt: '08:00',
        monthlyDay: 2,
        transports: [
          {
            kind: 'smtp',
            host: '127.0.0.1',
            port: smtp.port,
            user: 'cti',
            from: 'cti@example.com',
            to: ['supervisor@example.com', 'manager@example.com'],
          },
        ],
      },
    });
    // The webhook transport goes to the same local receiver as the shift-end hooks, on its own path.
    const reports = {
      ...h.settings.config.reports,
      transports: [
        ...h.settings.config.reports.transports,
        { kind: 'webhook' as const, url: h.receiver.url('/reports') },
      ],
    };
    const settings = { ...h.settings, config: { ...h.settings.config, reports } };
    scheduler = new ReportScheduler(settings, h.quotaDay, h.reports, h.stores.deliveries, h.clock);
    await playScenarioDay(h);
  });
  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
  });

  it('nothing before the send time', async () => {
    h.clock.set(at('2026-12-02', '07:59', 59));
    expect(await scheduler.tick()).toEqual([]);
  });

  it("at 08:00: yesterday's daily records and the month's report, to each target once", async () => {
    h.clock.set(at('2026-12-02', '08:00'));
    const results = await scheduler.tick();
    expect(
      results.map((r) => `${r.report} ${r.period} ${r.target.replace(/:\d+$/, '')} ${r.ok}`),
    ).toEqual([
      'daily 2026-12-01 smtp:127.0.0.1 true',
      'daily 2026-12-01 webhook:127.0.0.1 true',
      'monthly 2026-12 smtp:127.0.0.1 true',
      'monthly 2026-12 webhook:127.0.0.1 true',
    ]);
    h.clock.set(at('2026-12-02', '09:00'));
    expect(await scheduler.tick()).toEqual([]);
    expect(smtp.mails).toHaveLength(2);
  });

  it('the e-mail: a Chinese subject, the text, the XLSX and CSV files that open', async () => {
    const mail = smtp.mails[0]!;
    expect([mail.from, mail.to, mail.auth]).toEqual([
      'cti@example.com',
      ['supervisor@example.com', 'manager@example.com'],
      '\0cti\0',
    ]);
    const { headers, parts } = mimeParts(mail.data);
    expect(decodeWord(headers.subject!)).toBe('坐席工作日报 2026-12-01');
    expect(parts[0]!.body.toString('utf8')).toBe(
      '2026-12-01：4 人上班，2 人完成电话量。附件为坐席日报和各班组日报。',
    );
    const names = parts
      .slice(1)
      .map((p) =>
        decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(p.headers['content-disposition']!)![1]!),
      );
    expect(names).toEqual([
      '坐席日报-2026-12-01.xlsx',
      '坐席日报-2026-12-01.csv',
      '班组日报-t1-2026-12-01.xlsx',
      '班组日报-t2-2026-12-01.xlsx',
      '班组日报-heat-2026-12-01.xlsx',
    ]);
    const wb = await xlsx(parts[1]!.body);
    const ws = wb.getWorksheet('坐席日报')!;
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('G3').value]).toEqual([
      '1001',
      '王芳',
      50,
    ]);
    expect([...parts[2]!.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parts[2]!.body.toString('utf8').split('\r\n')[2]).toMatch(
      /^1002,李伟,t1,上班,51,51,50,50,是,0,/,
    );
    const team = await xlsx(parts[3]!.body);
    expect(team.getWorksheet('跟进记录')!.getCell('F3').value).toBe('138****5678');
  });

  it('the webhook: the same files, base64, and the data', async () => {
    const posts = h.receiver.received.filter((r) => r.path === '/reports');
    expect(posts).toHaveLength(2);
    const daily = posts[0]!.json as {
      event: string;
      report: string;
      period: string;
      attachments: { filename: string; base64: string }[];
      data: { agents: { agentId: string; effective: number }[] };
    };
    expect([daily.event, daily.report, daily.period]).toEqual(['report', 'daily', '2026-12-01']);
    expect(daily.data.agents.map((a) => `${a.agentId}:${a.effective}`)).toEqual([
      '1001:50',
      '1002:50',
      '1003:12',
      '2001:0',
      '3001:0',
    ]);
    const monthly = posts[1]!.json as typeof daily;
    const wb = await xlsx(Buffer.from(monthly.attachments[0]!.base64, 'base64'));
    expect(wb.getWorksheet('坐席月报')!.getCell('D3').value).toBe(50);
  });

  it('a target that fails is retried on the next tick, the others are not resent', async () => {
    h.receiver.answer(503, 'down');
    h.clock.set(at('2026-12-03', '08:00'));
    const failed = await scheduler.tick();
    expect(
      failed.map((r) => `${r.report} ${r.target.split(':')[0]} ${r.ok} ${r.error ?? ''}`),
    ).toEqual(['daily smtp true ', 'daily webhook false HTTP 503']);
    h.receiver.answer(200, '{}');
    const retried = await scheduler.tick();
    expect(retried.map((r) => `${r.report} ${r.target.split(':')[0]} ${r.ok}`)).toEqual([
      'daily webhook true',
    ]);
  });
});
