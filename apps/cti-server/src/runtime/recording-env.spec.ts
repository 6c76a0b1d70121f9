import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecordingEnv } from './recording-env';

describe('recording folder and retention from the environment', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cti-rec-env-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names CTI_RECORDING_RETENTION_DAYS when it is missing against a real PBX', () => {
    expect(() => readRecordingEnv({}, dir, false)).toThrow(
      /^CTI_RECORDING_RETENTION_DAYS is required against a real PBX/,
    );
  });

  it.each(['0', '1.5', 'forever', '36501'])('names the variable for a bad retention %j', (v) => {
    expect(() => readRecordingEnv({ CTI_RECORDING_RETENTION_DAYS: v }, dir, false)).toThrow(
      `CTI_RECORDING_RETENTION_DAYS must be a whole number 1..36500, got '${v}'`,
    );
  });

  it('names CTI_RECORDINGS_DIR when the folder is not there', () => {
    const env = { CTI_RECORDINGS_DIR: join(dir, 'unmounted'), CTI_RECORDING_RETENTION_DAYS: '90' };
    expect(() => readRecordingEnv(env, dir, false)).toThrow(/^CTI_RECORDINGS_DIR is '.*unmounted'/);
  });

  it('uses a mounted folder as is, and makes its own under the data folder otherwise', () => {
    expect(
      readRecordingEnv({ CTI_RECORDINGS_DIR: dir, CTI_RECORDING_RETENTION_DAYS: '90' }, dir, false),
    ).toEqual({ root: dir, retentionDays: 90 });
    const own = readRecordingEnv({}, dir, true);
    expect(own).toEqual({ root: `${dir}/recordings`, retentionDays: 180 });
    expect(existsSync(own.root)).toBe(true);
  });
});
