import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser';

describe('launchChromium', () => {
  it('says how to install Chromium when it is missing', async () => {
    await expect(
      launchChromium('The demo page test', { executablePath: '/nonexistent/chromium' }),
    ).rejects.toThrow(
      /^The demo page test needs Chromium at \/nonexistent\/chromium, which is missing: install it with "sudo apt-get install -y chromium"/,
    );
  });

  it('says the same when the file there is not a working browser', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'cti-chromium-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n');
    chmodSync(fake, 0o755);
    await expect(launchChromium('The demo page test', { executablePath: fake })).rejects.toThrow(
      /could not start Chromium at .*: install it with "sudo apt-get install -y chromium"/,
    );
  });
});
