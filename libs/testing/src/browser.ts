import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** The browser tests drive Debian's Chromium (no browser download at install). */
export const CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT =
  'install it with "sudo apt-get install -y chromium" (see the README\'s prerequisites)';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumOptions {
  readonly extraFlags?: readonly string[];
  /** Only the launcher's own test points elsewhere. */
  readonly executablePath?: string;
}

/**
 * Real headless Chromium for a page test (`purpose` names it in errors). A missing or broken
 * browser fails the test with how to install it; it never skips.
 */
export async function launchChromium(
  purpose: string,
  { extraFlags = [], executablePath = CHROMIUM }: ChromiumOptions = {},
): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `${purpose} needs Chromium at ${executablePath}, which is missing: ${INSTALL_HINT}`,
    );
  }
  try {
    return await chromium.launch({
      executablePath,
      args: [...FLAGS, ...extraFlags],
      headless: true,
    });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(
      `${purpose} could not start Chromium at ${executablePath} (${reason}): ${INSTALL_HINT}`,
    );
  }
}
