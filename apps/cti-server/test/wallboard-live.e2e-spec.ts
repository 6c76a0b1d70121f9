import { type INestApplication } from '@nestjs/common';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { launchChromium } from '@cti/testing';
import { readServerSettings } from '../src/live/server-settings';
import { startServer } from '../src/main';

const SHOTS = join(__dirname, '../../../test-output/product');

/**
 * The whole product as `npm start` runs it (simulator, embedded PostgreSQL, auth, the wallboard
 * on the product's own HTTP server), seen by a supervisor in real headless Chromium.
 */
describe('the wallboard of the running product', () => {
  let app: INestApplication;
  let browser: Browser;
  let base: string;
  const password = 'product-admin-password';

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cti-board-'));
    chmodSync(dataDir, 0o755);
    const env = {
      CTI_SIM_SPEED: '30',
      CTI_ADMIN_PASSWORD: password,
      CTI_DATA_DIR: dataDir,
      DATABASE_URL: process.env.DATABASE_URL,
    };
    app = await startServer({ ...readServerSettings(env), port: 0 }, env);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium("The running product's wallboard test");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs the admin in and shows the simulated floor moving', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
    await page.goto(`${base}/`);
    await page.fill('#username', 'admin');
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.tile[data-id="1001"]', { timeout: 15_000 });
    expect(await page.locator('.tile').count()).toBe(12);
    // Live: some agent is on a call or ringing within a few seconds at 30x.
    await page.waitForSelector('.tile .t-label:text-matches("On call|Ringing|Dialing")', {
      timeout: 20_000,
    });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'wallboard-live-en.png') });
    await page.close();
  });
});
