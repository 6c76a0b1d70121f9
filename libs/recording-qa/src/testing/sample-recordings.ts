import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '@cti/testing';

/** The real MixMonitor WAVs of test/fixtures/recordings, as index.json describes them. */
export interface SampleRecording {
  readonly file: string;
  readonly capture: string;
  readonly callid: string;
  readonly uniqueid: string;
  readonly agent: string;
  readonly direction: 'inbound' | 'outbound';
  readonly queue?: string;
  readonly duration_s: number;
}

export function sampleRecordings(): SampleRecording[] {
  return JSON.parse(
    readFileSync(fixturePath('recordings', 'index.json'), 'utf8'),
  ) as SampleRecording[];
}

export function sampleBytes(file: string): Buffer {
  return readFileSync(fixturePath('recordings', file));
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A temp storage root holding copies of the sample WAVs (writable, unlike the shared ones). */
export function tempStorageWithSamples(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cti-rec-'));
  for (const s of sampleRecordings()) {
    copyFileSync(fixturePath('recordings', s.file), join(root, s.file));
    chmodSync(join(root, s.file), 0o644);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
