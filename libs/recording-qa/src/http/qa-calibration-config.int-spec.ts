import { resolve } from 'node:path';
import { readConfigFile, validateConfig } from '@cti/config';
import { validateRecordingQaConfig } from '../config/recording-qa-config';
import { type SampleDrawRecord } from '../ports/qa-store.port';
import { startQaTestApp, type QaTestApp } from '../testing/qa-test-app';

const CONFIG = resolve(__dirname, '../../../../config/examples/capture-call-center.yaml');

/*
 * The configuration file's `qa:` settings reach the draw: with a calibration share the drawn
 * calls go to several reviewers at once (before, the share was never passed on: always 0).
 */
describe('QA settings from the call-center configuration', () => {
  let t: QaTestApp;

  beforeAll(async () => {
    const callCenter = validateConfig({
      ...(readConfigFile(CONFIG) as object),
      qa: {
        sampling: { calibrationShare: 1, calibrationReviewers: 2, minTalkSeconds: 5 },
      },
    });
    const qa = validateRecordingQaConfig({
      storage: { root: '/unused' },
      retentionDays: 30,
      timezone: callCenter.timezone,
      ...callCenter.qa,
    });
    expect(qa.sampling).toMatchObject({ calibrationShare: 1, minTalkSeconds: 5, minPerWeek: 3 });
    t = await startQaTestApp({ sampling: qa.sampling });
  });
  afterAll(() => t?.stop());

  it('assigns every drawn call to two reviewers for calibration', async () => {
    t.clock.t = Date.UTC(2026, 10, 27, 13, 0); // the day shift (08:00-20:00 local) has ended
    const res = await fetch(`${t.url}/api/qa/draws`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.token('sup1', 'supervisor')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ day: '2026-11-27', shiftId: '2026-11-27T08:00' }),
    });
    expect(res.status).toBe(201);
    const draw = (await res.json()) as SampleDrawRecord;
    const assignments = await t.qa.assignments({ drawIds: [draw.id] });
    const picked = new Set(draw.draw.picks.map((p) => p.recordingId));
    expect(picked.size).toBeGreaterThan(0);
    for (const recordingId of picked) {
      const forCall = assignments.filter((a) => a.recordingId === recordingId);
      expect(forCall.every((a) => a.calibration)).toBe(true);
      expect(new Set(forCall.map((a) => a.reviewerId)).size).toBe(2);
    }
  });
});
