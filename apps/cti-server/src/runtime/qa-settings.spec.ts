import { validateRecordingQaConfig } from '@cti/recording-qa';
import { simulatedCallCenter } from '@cti/pbx-simulator';
import { qaSettingsOf } from './feature-modules';

/** The server passes the configuration file's `qa:` settings on to the QA module. */
describe('QA settings in the server wiring', () => {
  const base = { storage: { root: '/srv/rec' }, retentionDays: 30, timezone: 'Asia/Shanghai' };

  it('hands over sampling numbers and file-name templates from the call-center configuration', () => {
    const callCenter = {
      ...simulatedCallCenter(2, 'Asia/Shanghai'),
      qa: {
        sampling: { calibrationShare: 0.2, minPerWeek: 5, shiftStarts: ['07:00', '19:00'] },
        fileNames: { outbound: '{day}/{agentUniqueid}{pass}.wav' },
      },
    };
    const qa = validateRecordingQaConfig({ ...base, ...qaSettingsOf(callCenter, {}) });
    expect(qa.sampling).toMatchObject({
      calibrationShare: 0.2,
      minPerWeek: 5,
      shiftStarts: ['07:00', '19:00'],
    });
    expect(qa.fileNames.outbound).toBe('{day}/{agentUniqueid}{pass}.wav');
  });

  it('keeps the QA defaults without a qa: section or a work schedule', () => {
    const qa = validateRecordingQaConfig({
      ...base,
      ...qaSettingsOf(simulatedCallCenter(2, 'Asia/Shanghai'), {}),
    });
    expect(qa.sampling).toMatchObject({ calibrationShare: 0, shiftStarts: ['08:00', '20:00'] });
  });
});
