import { mkdirSync, readFileSync } from 'node:fs';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WorkforceApiApp, API_PASSWORD } from '../testing/api-app';
import { launchChromium } from '@cti/testing';
import { session } from '../testing/day-scenario';
import { at, calls } from '../testing/fixtures';

const SHOTS = resolve(__dirname, '../../../../test-output/workforce');
const DAY = '2026-12-01';

/** The quota-day page in real headless Chromium, served by the module over a real database. */
describe('the quota-day page (headless Chromium)', () => {
  let browser: Browser;
  let api: WorkforceApiApp;
  let url: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium('The quota-day page test');
    api = await WorkforceApiApp.start(await startTestDatabase(), at(DAY, '15:30'), {
      shiftEnd: { tickSeconds: 3600 },
    });
    api.push(
      session('1001', at(DAY, '08:40')),
      ...calls('1001', 50, at(DAY, '09:00')),
      ...calls('1002', 41, at(DAY, '09:00')),
      ...calls('1003', 12, at(DAY, '13:00')),
      ...calls('2001', 44, at(DAY, '09:00')),
      ...calls('3001', 20, at(DAY, '10:00')),
    );
    await api.settle();
    url = await api.listen();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await api?.close();
  });

  async function open(locale: string): Promise<Page> {
    const context = await browser.newContext({
      locale,
      viewport: { width: 1400, height: 860 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${url}/workforce/`);
    return page;
  }

  async function signIn(page: Page, user: string): Promise<void> {
    await page.fill('#username', user);
    await page.fill('#password', API_PASSWORD);
    await page.click('#login-form button[type=submit]');
  }

  const row = (page: Page, id: string) => page.locator(`#ledger tr[data-agent="${id}"]`);

  it('signs in (in Chinese) and shows progress and pace per agent', async () => {
    const page = await open('zh-CN');
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.textContent('#login-form button[type=submit]')).toBe('登录');
    await page.fill('#username', 'sup');
    await page.fill('#password', 'wrong password');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#login-message:text("用户名或密码错误")');
    await signIn(page, 'sup');
    await page.waitForSelector('#ledger tr[data-agent="1001"]');
    expect(await page.locator('#ledger tbody tr').count()).toBe(5);
    expect(await row(page, '1001').getAttribute('data-state')).toBe('met');
    expect(await row(page, '1001').locator('.count').textContent()).toBe('50/50');
    expect(await row(page, '1002').getAttribute('data-state')).toBe('onPace');
    expect(await row(page, '1003').locator('.count').textContent()).toBe('12/30');
    expect(await row(page, '3001').getAttribute('data-state')).toBe('behind');
    // 20 calls in 5.5 of 7 working hours: 25 at the shift end at this rate.
    expect(await row(page, '3001').locator('.pace').textContent()).toBe('25');
    expect(await page.textContent('#must-stay-title')).toBe('下班后生成需留下名单');
    await page.screenshot({ path: `${SHOTS}/quota-day-zh-before-shift-end.png`, fullPage: true });
  });

  it('after the shift end: the must-stay list; a release needs a reason and is audited', async () => {
    api.clock.set(at(DAY, '17:00'));
    await api.shiftEnd();
    api.clock.set(at(DAY, '17:25'));
    const page = await open('zh-CN');
    await signIn(page, 'sup');
    await page.waitForSelector('#must-stay[data-state="list"]');
    expect(await page.textContent('#must-stay-title')).toBe('需留下人员（17:00 下班）');
    expect(
      await page
        .locator('#must-stay-list li')
        .evaluateAll((lis) =>
          lis.map((li) => (li as { dataset: { agent: string } }).dataset.agent),
        ),
    ).toEqual(['3001', '1003', '1002', '2001']);
    expect(await row(page, '1002').getAttribute('data-state')).toBe('staying');
    expect(await row(page, '1002').locator('.stay').textContent()).toBe('25 分钟');
    await page.screenshot({ path: `${SHOTS}/quota-day-zh-must-stay.png`, fullPage: true });
    await row(page, '2001').locator('button.release').click();
    await page.waitForSelector('#release-dialog[open]');
    expect(await page.textContent('#release-who')).toBe('陈杰（2001）：44/50');
    await page.click('#release-confirm');
    expect(await page.textContent('#release-error')).toBe('请填写放行原因');
    await page.fill('#release-reason', '家中有急事，经理同意');
    await page.screenshot({ path: `${SHOTS}/quota-day-zh-release-dialog.png` });
    await page.click('#release-confirm');
    await page.waitForSelector('#ledger tr[data-agent="2001"][data-state="released"]');
    expect(await row(page, '2001').locator('button.release').count()).toBe(0);
    const audit = await api.db.dataSource.query<{ actor: string; details: { reason: string } }[]>(
      `SELECT "actor", "details" FROM "audit_log" WHERE "action" = 'stay_late.release'`,
    );
    expect(audit.map((a) => [a.actor, a.details.reason])).toEqual([
      ['sup', '家中有急事，经理同意'],
    ]);
  });

  it('in English; a team leader sees the team and no release buttons', async () => {
    const page = await open('en-US');
    await signIn(page, 'lead.t1');
    await page.waitForSelector('#ledger tr[data-agent="1001"]');
    expect(await page.locator('#ledger tbody tr').count()).toBe(3);
    expect(await page.locator('button.release').count()).toBe(0);
    expect(await page.textContent('#must-stay-title')).toBe('Must stay (shift ended 17:00)');
    expect(await page.locator('#ledger th').allTextContents()).toEqual([
      'Agent',
      'Name',
      'Team',
      'Effective / quota',
      'Remaining',
      'Pace at shift end',
      'Status',
      'Stayed',
      'Actions',
    ]);
    await page.screenshot({ path: `${SHOTS}/quota-day-en-team-leader.png`, fullPage: true });
    await page.click('#lang');
    expect(await page.textContent('#ledger th >> nth=0')).toBe('工号');
  });

  it('an agent writes a follow-up record; reports download as XLSX', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'agent.1001');
    await page.waitForSelector('#tab-followup:not([hidden])');
    await page.check('input[name="kind"][value="developable"]');
    await page.fill('#followup-name', '刘女士');
    await page.fill('#followup-phone', '139 0000 1234');
    await page.fill('#followup-content', '下月预算批下来后再联系');
    await page.click('#followup-form button[type=submit]');
    await page.waitForSelector('#followup-message[data-state="ok"]');
    await page.waitForSelector('#followups tbody tr');
    expect(await page.locator('#followups tbody tr td').allTextContents()).toEqual([
      expect.stringMatching(/^12\/01 17:25$/),
      '王芳',
      '能发展的客户',
      '刘女士',
      '13900001234',
      '下月预算批下来后再联系',
    ]);
    await page.screenshot({ path: `${SHOTS}/follow-up-zh-agent.png`, fullPage: true });
    await page.click('[data-tab="reports"]');
    await page.fill('#report-day', DAY);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#report-list li[data-report="agent-daily"] button[data-format="xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toBe(`坐席日报-${DAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const ws = wb.getWorksheet('坐席日报')!;
    expect([
      ws.getCell('A3').value,
      ws.getCell('G3').value,
      ws.getCell('P3').value,
      ws.rowCount,
    ]).toEqual(['1001', 50, new Date('2026-12-01T08:40:00Z'), 3]);
  });
});
