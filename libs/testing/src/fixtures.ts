import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository's own test data (real AMI captures with their truths, real MixMonitor
 * recordings, the Asterisk configuration they came from) under `test/fixtures/`. Found by
 * walking up from this file, so it works from the sources (jest) and from `dist/` (the CLI).
 */
function fixturesRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'fixtures');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`test/fixtures not found above ${__dirname}`);
  }
}

export function fixturePath(...parts: string[]): string {
  return resolve(fixturesRoot(), ...parts);
}

/** The folder of the real Asterisk captures (`NAME.ami.jsonl` + `NAME.truth.json`). */
export const CAPTURES_DIR = fixturePath('ami-captures');
