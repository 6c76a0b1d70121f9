import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Real headless Chromium from Debian; a missing browser fails loudly, it never skips. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is required for the quota-day page test and is missing at ${CHROMIUM}: apt-get install -y chromium`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}
