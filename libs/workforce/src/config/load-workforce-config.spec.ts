import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureCallCenter } from '../testing/fixtures';
import { loadWorkforceConfig } from './load-workforce-config';

describe('loading the workforce configuration from YAML', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workforce-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const callCenter = fixtureCallCenter();

  it('reads the `workforce:` section, or a file of its own, with the environment applied', () => {
    writeFileSync(join(dir, 'a.yaml'), "workforce:\n  followUps: { submitBy: '18:00' }\n");
    writeFileSync(join(dir, 'b.yaml'), "followUps: { submitBy: '19:00' }\n");
    expect(loadWorkforceConfig({ file: join(dir, 'a.yaml'), callCenter }).followUps.submitBy).toBe(
      '18:00',
    );
    expect(loadWorkforceConfig({ file: join(dir, 'b.yaml'), callCenter }).followUps.submitBy).toBe(
      '19:00',
    );
    const none = loadWorkforceConfig({
      callCenter,
      env: { WORKFORCE_WEBHOOK_URL: 'http://127.0.0.1:9/hook' },
    });
    expect(none.notifications.webhooks).toEqual([
      { url: 'http://127.0.0.1:9/hook', kind: 'generic' },
    ]);
  });

  it('refuses a bad file with every problem', () => {
    writeFileSync(join(dir, 'c.yaml'), 'workforce:\n  shiftEnd: { tickSeconds: 0 }\n  bogus: 1\n');
    expect(() => loadWorkforceConfig({ file: join(dir, 'c.yaml'), callCenter })).toThrow(
      /workforce\.bogus: is not a setting[\s\S]*shiftEnd\.tickSeconds: must be a whole number from 1 to 3600/,
    );
  });
});
