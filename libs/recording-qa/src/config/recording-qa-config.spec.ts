import {
  type RecordingQaConfigError,
  recordingModeFor,
  validateRecordingQaConfig,
} from './recording-qa-config';

const minimal = {
  storage: { root: '/var/spool/asterisk/monitor' },
  retentionDays: 180,
  timezone: 'Asia/Shanghai',
};

describe('recording/QA configuration', () => {
  it('fills the defaults around the required storage root, retention and time zone', () => {
    const c = validateRecordingQaConfig(minimal);
    expect(c.sampling).toMatchObject({ minPerWeek: 3, minPerWorkedShift: 1, minTalkSeconds: 30 });
    expect(c.fileNames).toEqual({
      inbound: '{uniqueid}{pass}.wav',
      outbound: '{agentUniqueid}{pass}.wav',
    });
    expect(c.control.mode).toBe('pbx');
  });

  it('refuses to start without retention and lists every problem at once', () => {
    let error: RecordingQaConfigError | undefined;
    try {
      validateRecordingQaConfig({
        storage: { root: 'relative/dir' },
        timezone: 'Mars/Olympus',
        fileNames: { inbound: '{callerNum}.wav' },
        control: { mode: 'tape', mixMonitorOptions: 'b,W(4)', pbxDirectory: '/tmp/../etc' },
        sampling: { minPerWeek: -1, shiftStarts: ['25:00'] },
      });
    } catch (e) {
      error = e as RecordingQaConfigError;
    }
    expect(error?.problems).toEqual([
      'storage.root: an absolute directory path is required',
      'retentionDays: a whole number 1..36500 is required',
      'timezone: an IANA time zone is required',
      'fileNames.inbound: unknown placeholder {callerNum}',
      'fileNames.inbound: must contain {uniqueid}, {linkedid} or {agentUniqueid}',
      "control.mode: 'pbx' or 'product'",
      'control.pbxDirectory: an absolute path of letters, digits, . _ - /',
      'control.mixMonitorOptions: letters only (no arguments, no commands)',
      'sampling.shiftStarts: distinct HH:MM times, at least one',
      'sampling.minPerWeek: a whole number 0..100',
    ]);
  });

  it('picks who records per queue, then direction, then the default', () => {
    const c = validateRecordingQaConfig({
      ...minimal,
      control: {
        mode: 'pbx',
        byDirection: { outbound: 'product' },
        byQueue: { vip: 'product', sales: 'pbx' },
      },
    }).control;
    expect(recordingModeFor(c, 'inbound')).toBe('pbx');
    expect(recordingModeFor(c, 'outbound')).toBe('product');
    expect(recordingModeFor(c, 'outbound', 'sales')).toBe('pbx');
    expect(recordingModeFor(c, 'inbound', 'vip')).toBe('product');
  });
});
