import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '@cti/testing';
import { DEFAULT_RECORDING_QA_CONFIG } from './config/recording-qa-config';
import { type QaTestApp, sampleId, startQaTestApp } from './testing/qa-test-app';

/*
 * The QA page in real headless Chromium against the module on a real port: a reviewer plays
 * a real MixMonitor WAV (through a listening grant, with Range), seeks, comments at a time,
 * fills the scorecard and submits; the agent sees the result; the supervisor's monthly summary
 * draws its chart. Screenshots go to test-output/recording-qa/.
 */
const SHOTS = resolve(__dirname, '../../../test-output/recording-qa');
const IN = sampleId('1795818552.70.wav'); // 11.96 s, agent 1007
const AUDIO = "document.getElementById('audio')";

describe('QA page in headless Chromium', () => {
  let t: QaTestApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startQaTestApp({
      sampling: { ...DEFAULT_RECORDING_QA_CONFIG.sampling, minTalkSeconds: 5 },
    });
    await t.qa.addDraw(
      {
        id: 'w48|d1',
        weekId: '2026-W48',
        shiftId: '2026-11-27T08:00',
        seed: 's',
        inputs: {},
        inputsSha256: '',
        draw: { weekId: '2026-W48', shiftId: '2026-11-27T08:00', seed: 's', picks: [], agents: [] },
        createdAt: 1,
        createdBy: 'sup1',
      },
      [
        {
          id: 'as-1',
          drawId: 'w48|d1',
          recordingId: IN,
          agentId: '1007',
          teamId: 'north',
          reviewerId: 'qa1',
          calibration: false,
          status: 'open',
          createdAt: 1,
        },
      ],
    );
    browser = await launchChromium('The QA page test', {
      extraFlags: ['--autoplay-policy=no-user-gesture-required'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function pageAs(token: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
    // The page's CSP forbids eval; the test's in-page predicates are strings, so only the test bypasses it.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: lang,
      bypassCSP: true,
    });
    await context.addInitScript(
      `sessionStorage.setItem('qa.token', ${JSON.stringify(token)}); localStorage.setItem('qa.lang', ${JSON.stringify(lang)});`,
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    return page;
  }

  it('a reviewer plays, seeks, comments at a time, scores and submits', async () => {
    const page = await pageAs(t.token('qa1', 'qa'));
    const response = await page.goto(`${t.url}/qa/`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('tr[data-assignment="as-1"] button').click();
    expect(await page.isHidden('#login')).toBe(true);
    await page.waitForFunction(`${AUDIO}.duration > 0`, undefined, { timeout: 15_000 });
    expect(await page.evaluate(`${AUDIO}.duration`)).toBeCloseTo(11.96, 1);
    expect(await page.textContent('#time')).toBe('00:00 / 00:11');

    await page.click('#play');
    await page.waitForFunction(`${AUDIO}.currentTime > 0.3`, undefined, { timeout: 15_000 });
    await page.click('#play'); // pause
    // Drag the seek bar to 6 s, as a user would.
    await page.evaluate(
      `(() => { const s = document.getElementById('seek'); s.value = '6'; s.dispatchEvent(new Event('input', { bubbles: true })); })()`,
    );
    await page.waitForFunction(`Math.abs(${AUDIO}.currentTime - 6) < 0.05`);
    expect(await page.textContent('#time')).toBe('00:06 / 00:11');
    const streamed = t.audit.entries.filter(
      (e) => e.action === 'recording.stream' && e.target === IN,
    );
    expect(streamed.length).toBeGreaterThan(0);
    expect(
      streamed.every(
        (e) => e.actor === 'qa1' && e.details?.via === 'grant' && e.details?.status === 206,
      ),
    ).toBe(true);

    await page.fill('#comment-text', '没有标准结束语 / no standard closing');
    await page.click('#comment-add');
    expect(await page.textContent('#comments li')).toContain(
      '[00:06]没有标准结束语 / no standard closing',
    );

    for (const [item, value] of [
      ['rings', '1'],
      ['greeting', '4'],
      ['confirm', '5'],
      ['wait', 'na'],
      ['argue', '1'],
      ['closing', '0'],
    ]) {
      await page.check(`input[name="${item}"][value="${value}"]`);
    }
    expect(await page.textContent('#preview')).toBe('预估得分: 80');
    await page.screenshot({ path: `${SHOTS}/qa-review-zh.png`, fullPage: true });

    await page.click('#submit-score');
    await page.waitForFunction(
      `document.getElementById('score-message').textContent.includes('80')`,
    );
    expect(await page.textContent('#score-message')).toBe('已提交，得分 80');
    const [evaluation] = await t.qa.evaluations({ recordingId: IN });
    expect(evaluation).toMatchObject({
      scorecardVersion: 1,
      result: { total: 80 },
      state: { reviewerId: 'qa1', agentId: '1007' },
    });
    expect(evaluation!.comments).toEqual([
      { atSeconds: 6, text: '没有标准结束语 / no standard closing' },
    ]);
    expect(evaluation!.answers).toEqual({
      rings: 1,
      greeting: 4,
      confirm: 5,
      wait: 'na',
      argue: 1,
      closing: 0,
    });
    await page.context().close();
  });

  it('the agent sees their own result with the timed comment and acknowledges it', async () => {
    const page = await pageAs(t.token('u1007', 'agent', { agent: '1007' }), 'en');
    await page.goto(`${t.url}/qa/`);
    await page.waitForSelector('#results-table tbody tr');
    expect(await page.isHidden('[data-tab="assignments"]')).toBe(true);
    const row = page.locator('#results-table tbody tr').first();
    expect(await row.locator('td').nth(1).textContent()).toBe('80');
    expect(await row.locator('td').nth(2).textContent()).toBe('to acknowledge');
    expect(await row.locator('td').nth(3).textContent()).toBe(
      '[00:06] 没有标准结束语 / no standard closing',
    );
    await page.screenshot({ path: `${SHOTS}/qa-results-en.png`, fullPage: true });
    await row.locator('button', { hasText: 'Acknowledge' }).click();
    await page.waitForFunction(
      `document.querySelector('#results-table tbody tr td:nth-child(3)').textContent === 'acknowledged'`,
    );
    await page.context().close();
  });

  it('the supervisor sees the monthly summary with its chart, in both languages', async () => {
    const page = await pageAs(t.token('sup1', 'supervisor'));
    await page.goto(`${t.url}/qa/`);
    await page.click('[data-tab="summary"]');
    await page.fill('#month', '2026-11');
    await page.click('#load-summary');
    await page.waitForSelector('#summary-table tbody tr');
    expect(await page.locator('#chart rect').count()).toBe(5);
    expect(await page.locator('#chart text').allTextContents()).toEqual([
      '0',
      '0-59',
      '0',
      '60-69',
      '0',
      '70-79',
      '1',
      '80-89',
      '0',
      '90-100',
    ]);
    const cells = await page
      .locator('#summary-table tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(cells.slice(0, 5)).toEqual(['1007', 'Wu Lei 吴磊', 'north', '1', '80']);
    expect(await page.locator('#training li').count()).toBe(0); // too few scores to rank training needs
    await page.screenshot({ path: `${SHOTS}/qa-summary-zh.png`, fullPage: true });
    await page.click('header .lang-toggle');
    expect(await page.textContent('[data-tab="summary"]')).toBe('Monthly summary');
    await page.screenshot({ path: `${SHOTS}/qa-summary-en.png`, fullPage: true });
    await page.context().close();
  });

  it('a reviewer scores two calls in a row without reloading the page', async () => {
    const next = [sampleId('1795818523.22.wav'), sampleId('1795818709.2.wav')];
    await t.qa.addDraw(
      {
        id: 'w48|d2',
        weekId: '2026-W48',
        shiftId: '2026-11-27T20:00',
        seed: 's',
        inputs: {},
        inputsSha256: '',
        draw: { weekId: '2026-W48', shiftId: '2026-11-27T20:00', seed: 's', picks: [], agents: [] },
        createdAt: 2,
        createdBy: 'sup1',
      },
      next.map((recordingId, i) => ({
        id: `as-next-${i}`,
        drawId: 'w48|d2',
        recordingId,
        agentId: i === 0 ? '1001' : '1002',
        teamId: i === 0 ? 'north' : 'south',
        reviewerId: 'qa1',
        calibration: false,
        status: 'open' as const,
        createdAt: 2,
      })),
    );
    const page = await pageAs(t.token('qa1', 'qa'));
    await page.goto(`${t.url}/qa/`);
    const firstRow = page.locator('tr[data-assignment="as-next-0"] td');
    const firstStart = (await t.repo.get(next[0]))!.startedAt;
    expect((await firstRow.allTextContents()).slice(0, 4)).toEqual([
      'Wang Fang 王芳 · 1001',
      await page.evaluate(
        `new Date(${firstStart}).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })`,
      ),
      'support',
      '呼入',
    ]);
    for (const [i, recordingId] of next.entries()) {
      await page.locator(`tr[data-assignment="as-next-${i}"] button`).click();
      expect(await page.textContent('#review-id')).toMatch(
        /^(Wang Fang 王芳 · 1001|Li Wei 李伟 · 1002) · /,
      );
      await page.waitForFunction(`${AUDIO}.duration > 0`, undefined, { timeout: 15_000 });
      expect(await page.isEnabled('#submit-score')).toBe(true);
      for (const [item, value] of [
        ['rings', '1'],
        ['greeting', '4'],
        ['confirm', '5'],
        ['wait', 'na'],
        ['argue', '1'],
        ['closing', '1'],
      ]) {
        await page.check(`input[name="${item}"][value="${value}"]`);
      }
      await page.click('#submit-score');
      await page.waitForFunction(
        `document.getElementById('score-message').textContent.startsWith('已提交')`,
      );
      if (i === 0)
        await page.screenshot({ path: `${SHOTS}/qa-second-call-zh.png`, fullPage: true });
      expect(await t.qa.evaluations({ recordingId })).toHaveLength(1);
    }
    expect(await page.locator('#assignment-table tbody tr').count()).toBe(0);
    await page.context().close();
  });
});
