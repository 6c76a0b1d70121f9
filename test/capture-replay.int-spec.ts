import { readConfigFile, validateConfig } from '@cti/config';
import { randomCuts, replayCapture } from '@cti/testing';
import { CAPTURES_DIR, loadTruth, withCaptureHireDates } from './support/capture-truth';
import { truthDifferences } from './support/truth-diff';

const CAPTURES = ['inbound-day', 'outbound-quota', 'transfers', 'blended'];
const CONFIG = `${__dirname}/../config/examples/capture-call-center.yaml`;

function configFor(name: string) {
  return withCaptureHireDates(validateConfig(readConfigFile(CONFIG)), loadTruth(name));
}

describe.each(CAPTURES)('replay of the real capture %s (TCP → asterisk-manager → core)', (name) => {
  it('gives the ground truth: counts, outcomes, pauses, queues; seconds within ±1 s per leg', async () => {
    const truth = loadTruth(name);
    const { summary, link } = await replayCapture({ capturePath: `${CAPTURES_DIR}/${name}.ami.jsonl`, config: configFor(name) });
    expect(link.stats.badEvents).toBe(0);
    expect(link.stats.resyncs).toBeGreaterThanOrEqual(1);
    expect(truthDifferences(summary, truth)).toEqual([]);
    expect(summary.agents.reduce((n, a) => n + a.recordedCalls, 0)).toBeGreaterThan(0);
  });
});

it('gives the same summary however the byte stream is cut', async () => {
  const name = 'transfers';
  const capturePath = `${CAPTURES_DIR}/${name}.ami.jsonl`;
  const whole = await replayCapture({ capturePath, config: configFor(name) });
  const cut = await replayCapture({ capturePath, config: configFor(name), chunker: randomCuts(7, 37) });
  expect(cut.summary).toEqual(whole.summary);
});
