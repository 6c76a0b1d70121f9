import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The team's shared data, as @cti/testing's sharedPath finds it (`CTI_SHARED_DIR`, else the
 * `shared/` folder beside the repository); repeated here because only spec files may import
 * the testing lib.
 */
export function sharedPath(...parts: string[]): string {
  return resolve(
    process.env.CTI_SHARED_DIR ?? resolve(__dirname, '../../../../../shared'),
    ...parts,
  );
}

/** The real MixMonitor WAVs of shared/recordings-sample, as index.json describes them. */
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
    readFileSync(sharedPath('recordings-sample', 'index.json'), 'utf8'),
  ) as SampleRecording[];
}

export function sampleBytes(file: string): Buffer {
  return readFileSync(sharedPath('recordings-sample', file));
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A temp storage root holding copies of the sample WAVs (writable, unlike the shared ones). */
export function tempStorageWithSamples(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cti-rec-'));
  for (const s of sampleRecordings()) {
    copyFileSync(sharedPath('recordings-sample', s.file), join(root, s.file));
    chmodSync(join(root, s.file), 0o644);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
