import {
  fileTemplateProblems,
  type FileCheckState,
  isPastRetention,
  judgeRecordingFile,
  renderRecordingName,
  UnsafeRecordingName,
} from './recording-file';
import { maskCustomerNumber } from './mask-number';

const ids = {
  uniqueid: '1795821991.72',
  linkedid: '1795821991.72',
  agentUniqueid: '1795821991.74',
  pass: 1,
  day: '2026-11-27',
};
const rules = { graceSeconds: 60, settleSeconds: 5, unclaimedAfterSeconds: 3600 };

describe('recording file names', () => {
  it('renders Asterisk-style names from ids only', () => {
    expect(renderRecordingName('{uniqueid}{pass}.wav', ids)).toBe('1795821991.72.wav');
    expect(renderRecordingName('{uniqueid}{pass}.wav', { ...ids, pass: 2 })).toBe(
      '1795821991.72-2.wav',
    );
    expect(renderRecordingName('{day}/{agentUniqueid}.wav', ids)).toBe(
      '2026-11-27/1795821991.74.wav',
    );
  });

  it('refuses ids that could leave the storage root and templates with anything but ids', () => {
    for (const bad of ['../etc/passwd', '..', 'a/b', 'x\r\nAction: Originate', '', '/abs']) {
      expect(() => renderRecordingName('{uniqueid}.wav', { ...ids, uniqueid: bad })).toThrow(
        UnsafeRecordingName,
      );
    }
    expect(() =>
      renderRecordingName('{agentUniqueid}.wav', { ...ids, agentUniqueid: undefined }),
    ).toThrow(UnsafeRecordingName);
    expect(fileTemplateProblems('{uniqueid}{pass}.wav')).toEqual([]);
    expect(fileTemplateProblems('{callerNum}.wav')).toContain('unknown placeholder {callerNum}');
    expect(fileTemplateProblems('../{uniqueid}.wav')).toContain(
      'must be a relative path without empty, . or .. segments',
    );
    expect(fileTemplateProblems('{uniqueid}.sh')).toHaveLength(1);
    expect(fileTemplateProblems('/tmp/{uniqueid} x.wav').length).toBeGreaterThanOrEqual(2);
  });

  it('masks customer numbers', () => {
    expect(maskCustomerNumber('15017370008')).toBe('150****0008');
    expect(maskCustomerNumber('1001')).toBe('**01');
  });
});

describe('judging a recording file', () => {
  const pending: FileCheckState = { status: 'pending', startedAt: 0, callEndedAt: 10_000 };
  const file = { exists: true, size: 48_044, mtimeMs: 9_000 };

  it('waits while the call runs, then hashes once the file has stopped changing', () => {
    expect(judgeRecordingFile({ ...pending, callEndedAt: undefined }, file, 5_000, rules)).toEqual({
      kind: 'wait',
      remember: file,
    });
    expect(judgeRecordingFile(pending, file, 11_000, rules)).toEqual({
      kind: 'wait',
      remember: file,
    });
    const seen = { ...pending, lastSeen: { ...file, at: 11_000 } };
    expect(judgeRecordingFile(seen, file, 13_000, rules)).toEqual({ kind: 'wait' });
    expect(judgeRecordingFile(seen, file, 16_000, rules)).toEqual({ kind: 'hash' });
    expect(judgeRecordingFile(seen, { ...file, size: 50_000 }, 16_000, rules)).toEqual({
      kind: 'wait',
      remember: { ...file, size: 50_000 },
    });
  });

  it('flags a file that never appears or stays empty past the grace period', () => {
    expect(
      judgeRecordingFile(pending, { exists: false, size: 0, mtimeMs: 0 }, 60_000, rules),
    ).toEqual({ kind: 'wait' });
    expect(
      judgeRecordingFile(pending, { exists: false, size: 0, mtimeMs: 0 }, 70_001, rules),
    ).toMatchObject({ kind: 'flag', status: 'missing' });
    expect(judgeRecordingFile(pending, { ...file, size: 0 }, 70_001, rules)).toMatchObject({
      kind: 'flag',
      status: 'empty',
    });
    const unclaimed = { status: 'pending' as const, startedAt: 0 };
    expect(
      judgeRecordingFile(unclaimed, { exists: false, size: 0, mtimeMs: 0 }, 3_000_000, rules),
    ).toEqual({ kind: 'wait' });
    expect(
      judgeRecordingFile(unclaimed, { exists: false, size: 0, mtimeMs: 0 }, 3_700_000, rules),
    ).toMatchObject({ status: 'missing' });
  });

  it('flags a complete file that changes or disappears', () => {
    const complete: FileCheckState = {
      status: 'complete',
      startedAt: 0,
      completeSize: file.size,
      completeMtimeMs: file.mtimeMs,
    };
    expect(judgeRecordingFile(complete, file, 1e9, rules)).toEqual({ kind: 'ok' });
    expect(judgeRecordingFile(complete, { ...file, mtimeMs: 9_001 }, 1e9, rules)).toMatchObject({
      kind: 'flag',
      status: 'changed',
    });
    expect(
      judgeRecordingFile(complete, { exists: false, size: 0, mtimeMs: 0 }, 1e9, rules),
    ).toMatchObject({ kind: 'flag', status: 'missing' });
  });

  it('knows when retention has passed', () => {
    expect(isPastRetention(0, 1, 86_399_999)).toBe(false);
    expect(isPastRetention(0, 1, 86_400_000)).toBe(true);
  });
});
