import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WallboardStayLateAlerts } from './stay-late-alerts';
import { launchChromium } from '@cti/testing';
import { playDemoMorning } from './testing/demo-scenario';
import { TestServer } from './testing/test-server';

/** A browser global used in page functions (this file compiles without the DOM lib). */
declare const getComputedStyle: (element: unknown) => { color: string; fontSize: string };

const SHOTS = resolve(__dirname, '../../../test-output/wallboard');

/** HH:MM in Shanghai, `offsetMs` from now: a shift placed so that now is late in it. */
function shanghaiTime(offsetMs: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.now() + offsetMs);
}

/** The page in real headless Chromium, served by a real server fed by a real core. */
describe('wallboard page (headless Chromium)', () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium('The wallboard page test');
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const shift = {
      start: shanghaiTime(-7 * 3_600_000),
      end: shanghaiTime(3_600_000),
      timezone: 'Asia/Shanghai',
    };
    server = await TestServer.start({
      page: true,
      fixture: { pauseLimits: { Break: 2 }, wrapUpSeconds: 60 },
      hub: { shift },
      server: { recheckMs: 500 },
    });
    playDemoMorning(server.script, Date.now());
    showMustStay();
    server.hub.flush(true);
  });

  /** The quota day's must-stay list as the app feeds it: two staying, one met, one released. */
  function showMustStay(): void {
    const alerts = new WallboardStayLateAlerts(server.hub);
    const shiftEnd = Date.now() - 42 * 60_000;
    const day = '2026-11-27';
    alerts.mustStay({
      day,
      shiftEnd,
      agents: [
        { agentId: '8003', quota: 50, effective: 44, shortfall: 6 },
        { agentId: '8009', quota: 50, effective: 49, shortfall: 1 },
        { agentId: '8007', quota: 50, effective: 47, shortfall: 3 },
        { agentId: '8006', quota: 50, effective: 38, shortfall: 12 },
      ],
    });
    const finished = { day, shiftEnd, quota: 50 } as const;
    alerts.stayFinished({
      ...finished,
      agentId: '8007',
      effective: 50,
      state: 'met',
      finishedAt: Date.now() - 10 * 60_000,
    });
    alerts.stayFinished({
      ...finished,
      agentId: '8006',
      effective: 40,
      state: 'released',
      finishedAt: Date.now() - 5 * 60_000,
      releasedBy: 'supervisor',
    });
  }
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    await server.close();
  });

  async function open(locale: string, viewport = { width: 1600, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.url}/wallboard/`);
    return page;
  }

  async function login(page: Page, user = 'supervisor'): Promise<void> {
    await page.fill('#username', user);
    await page.fill('#password', 'pass');
    await page.click('button[type=submit]');
    await page.waitForSelector('.tile[data-id="8001"]');
  }

  const tile = (page: Page, id: string) => page.locator(`.tile[data-id="${id}"]`);

  it('logs in (in Chinese), shows the board and follows the call center live', async () => {
    const page = await open('zh-CN');
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.textContent('button[type=submit]')).toBe('登录');
    await page.screenshot({ path: `${SHOTS}/login-zh.png` });
    await page.fill('#username', 'supervisor');
    await page.fill('#password', 'wrong');
    await page.click('button[type=submit]');
    await page.waitForFunction(
      `document.querySelector('#login-message')?.textContent === '用户名或密码错误'`,
    );
    await login(page);
    expect(await page.locator('.tile').count()).toBe(12);
    expect(await tile(page, '8001').getAttribute('data-status')).toBe('on-call');
    expect(await tile(page, '8001').locator('.t-label').textContent()).toBe('通话中 · 呼入');
    expect(await tile(page, '8001').locator('.t-info').textContent()).toBe('13812345678');
    expect(await tile(page, '8004').locator('.t-count').textContent()).toBe('52/50');
    expect(
      await page.locator('.queue[data-queue="support"] .metric.waiting .value').textContent(),
    ).toBe('2');
    expect(
      await page.locator('.alert[data-kind="pause-over-limit"][data-agent="8005"]').count(),
    ).toBe(1);
    expect(await page.locator('.alert[data-kind="behind-quota"]').count()).toBe(4);
    const stays = page.locator('.alert[data-kind="must-stay"]');
    expect(await stays.count()).toBe(4);
    expect(await stays.locator('.a-text').nth(1).textContent()).toMatch(
      /^须留岗：还差 1 通 · 已留 4[23]:\d\d$/,
    );
    expect(await page.locator('.alert[data-kind="must-stay"][data-state="met"]').count()).toBe(1);
    expect(
      await page
        .locator('.alert[data-kind="must-stay"][data-state="released"] .a-text')
        .textContent(),
    ).toMatch(/^已放行：\d\d:\d\d（supervisor）· 还差 10 通 · 留岗 37:\d\d$/);
    await page.screenshot({ path: `${SHOTS}/board-zh.png`, fullPage: true });

    server.script.unpause('8002');
    await page.waitForSelector('.tile[data-id="8002"][data-status="available"]', {
      timeout: 2_000,
    });
    server.script.pause('8003', '培训');
    await page.waitForFunction(
      `document.querySelector('.tile[data-id="8003"] .t-label')?.textContent === '示忙 · 培训'`,
      undefined,
      { timeout: 2_000 },
    );
  });

  it('turns a pause red once it passes its limit, with an alert', async () => {
    const page = await open('zh-CN');
    await login(page);
    server.script.pause('8011', 'Break');
    await page.waitForSelector('.tile[data-id="8011"][data-status="paused"]');
    expect(await tile(page, '8011').evaluate((n) => n.classList.contains('over'))).toBe(false);
    await page.waitForSelector('.tile[data-id="8011"].over', { timeout: 4_000 });
    const color = await tile(page, '8011')
      .locator('.t-timer')
      .evaluate((n) => getComputedStyle(n).color);
    expect(color).toBe('rgb(255, 77, 79)');
    await page.waitForSelector('.alert[data-kind="pause-over-limit"][data-agent="8011"]', {
      timeout: 3_000,
    });
    await tile(page, '8011').screenshot({ path: `${SHOTS}/tile-pause-over-limit.png` });
  });

  it('shows the stale banner while the AMI link is down and hides it after the resync', async () => {
    const page = await open('zh-CN');
    await login(page);
    expect(await page.isHidden('#stale')).toBe(true);
    server.hub.setLinkState({ fresh: false, staleSince: Date.now() });
    await page.waitForSelector('#stale:not([hidden])', { timeout: 2_000 });
    expect(await page.textContent('#stale')).toContain('数据已过期');
    await page.screenshot({ path: `${SHOTS}/board-stale-zh.png` });
    server.script.unpause('8005'); // what the resync found
    server.hub.setLinkState({ fresh: true });
    await page.waitForSelector('#stale', { state: 'hidden', timeout: 2_000 });
    expect(await tile(page, '8005').getAttribute('data-status')).toBe('available');
  });

  it('sends a revoked user back to the login screen', async () => {
    const page = await open('zh-CN');
    await login(page);
    server.revoked.add('supervisor');
    await page.waitForSelector('#login:not([hidden])', { timeout: 3_000 });
    expect(await page.textContent('#login-message')).toBe('登录已过期，请重新登录');
  });

  it('has a TV mode: no controls, larger type, numbers masked', async () => {
    const page = await open('zh-CN', { width: 1920, height: 1080 });
    await login(page);
    const nameSize = () =>
      tile(page, '8001')
        .locator('.t-name')
        .evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    const before = await nameSize();
    await page.click('#tv-toggle');
    await page.waitForFunction(`document.documentElement.classList.contains('tv')`);
    expect(await page.isHidden('#logout')).toBe(true);
    expect(await page.isHidden('#team-filter')).toBe(true);
    expect(await nameSize()).toBeGreaterThan(before);
    await page.waitForFunction(
      `document.querySelector('.tile[data-id="8001"] .t-info')?.textContent === '138****5678'`,
    );
    expect(page.url()).toContain('tv=1');
    await page.screenshot({ path: `${SHOTS}/board-tv-zh.png` });
  });

  it('speaks English to an English browser, switches language, and filters by team', async () => {
    const page = await open('en-US');
    expect(await page.textContent('button[type=submit]')).toBe('Sign in');
    await login(page);
    expect(await tile(page, '8001').locator('.t-label').textContent()).toBe('On call · In');
    expect(await page.textContent('.alerts-panel h2')).toBe('Alerts');
    expect(
      await page.locator('.alert[data-kind="must-stay"][data-agent="8003"] .a-text').textContent(),
    ).toMatch(/^Must stay: 6 calls short · stayed 4[23]:\d\d$/);
    expect(
      await page.locator('.alert[data-kind="must-stay"][data-agent="8007"] .a-text').textContent(),
    ).toMatch(/^Quota met at \d\d:\d\d · stayed 32:\d\d$/);
    await page.selectOption('#team-filter', 'outbound');
    expect(await page.locator('.tile').count()).toBe(4);
    expect(page.url()).toContain('team=outbound');
    await page.screenshot({ path: `${SHOTS}/board-en-team.png`, fullPage: true });
    await page.click('#board .lang-toggle');
    expect(await tile(page, '8009').locator('.t-label').textContent()).toBe('通话中 · 呼出');
  });

  it('shows a team leader their team only, numbers masked', async () => {
    const page = await open('zh-CN', { width: 1280, height: 800 });
    await login(page, 'leader');
    expect(await page.locator('.tile').count()).toBe(4);
    expect(await page.textContent('#team-name')).toBe('客服一组');
    expect(
      await page
        .locator('.alert[data-kind="must-stay"]')
        .evaluateAll((ns) =>
          ns.map((n) => (n as unknown as { dataset: { agent: string } }).dataset.agent),
        ),
    ).toEqual(['8003']);
    expect(await tile(page, '8001').locator('.t-info').textContent()).toBe('138****5678');
    await page.screenshot({ path: `${SHOTS}/board-team-leader-zh.png`, fullPage: true });
  });
});
