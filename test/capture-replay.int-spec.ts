import { readConfigFile, validateConfig } from '@cti/config';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, randomCuts, replayCapture } from '@cti/testing';
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
    const { summary, link } = await replayCapture({
      capturePath: `${CAPTURES_DIR}/${name}.ami.jsonl`,
      config: configFor(name),
    });
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
  const cut = await replayCapture({
    capturePath,
    config: configFor(name),
    chunker: randomCuts(7, 37),
  });
  expect(cut.summary).toEqual(whole.summary);
});

it('keeps the same summary when garbage is mixed into the stream (random bytes, invalid UTF-8, unknown events, a long line)', async () => {
  const name = 'inbound-day';
  const capturePath = `${CAPTURES_DIR}/${name}.ami.jsonl`;
  const random = mulberry32(11);
  const junk = (): Buffer => {
    const kind = Math.floor(random() * 4);
    if (kind === 0)
      return Buffer.from(
        `Event: NoSuchEvent${Math.floor(random() * 5)}\r\nOddField: ${random()}\r\nAnother: x\r\n\r\n`,
      );
    if (kind === 1)
      return Buffer.concat([
        Buffer.from('Event: Bogus\r\nName: '),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
        Buffer.from('\r\n\r\n'),
      ]);
    if (kind === 2) return Buffer.from(`Event: LongLine\r\nData: ${'x'.repeat(200_000)}\r\n\r\n`);
    const bytes = Buffer.from(Array.from({ length: 64 }, () => 32 + Math.floor(random() * 90)));
    return Buffer.concat([bytes, Buffer.from('\r\n\r\n')]);
  };
  const lines = readFileSync(capturePath, 'utf8').split('\n').filter(Boolean);
  const mixed = lines.flatMap((line, i) => {
    const r = JSON.parse(line) as { t: number; conn: number; dir: string };
    if (i < 3 || r.dir !== 'in' || i % 40 !== 0) return [line];
    const bytes = junk();
    return [
      line,
      JSON.stringify({
        t: r.t,
        conn: r.conn,
        dir: 'in',
        data: bytes.toString('latin1'),
        b64: bytes.toString('base64'),
      }),
    ];
  });
  const dir = mkdtempSync(join(tmpdir(), 'cti-junk-'));
  const mixedPath = join(dir, `${name}.ami.jsonl`);
  writeFileSync(mixedPath, mixed.join('\n') + '\n');
  const clean = await replayCapture({ capturePath, config: configFor(name) });
  const dirty = await replayCapture({ capturePath: mixedPath, config: configFor(name) });
  expect(dirty.link.stats.ignoredEvents).toBeGreaterThan(clean.link.stats.ignoredEvents);
  expect(dirty.summary).toEqual(clean.summary);
});
