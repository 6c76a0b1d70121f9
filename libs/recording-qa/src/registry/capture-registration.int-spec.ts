import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfigFile, validateConfig } from '@cti/config';
import { type CoreOutput } from '@cti/domain';
import { replayCapture, fixturePath } from '@cti/testing';
import { registryFixture } from '../testing/registry-fixture';
import {
  sampleBytes,
  sampleRecordings,
  sha256Of,
  tempStorageWithSamples,
} from '../testing/sample-recordings';

/*
 * The real path: each shared capture is replayed over TCP to the AMI adapter and the core, and
 * the core's outputs feed the registry. It must register exactly the recordings the ground
 * truth lists (`expected.recordings_expected`), under the very file names Asterisk wrote
 * (`observed_on_disk.recordings`). The files themselves are not in the repository, except the
 * three sample WAVs: those complete with their hash, the others are flagged missing.
 */
const CAPTURES = ['inbound-day', 'outbound-quota', 'transfers', 'blended'];
const CONFIG = resolve(__dirname, '../../../../config/examples/capture-call-center.yaml');

interface Truth {
  readonly expected: { readonly recordings_expected: number };
  readonly observed_on_disk: {
    readonly recordings: readonly {
      readonly file: string;
      readonly bytes: number;
      readonly callid: string;
    }[];
  };
  readonly inbound_calls: readonly {
    readonly callid: string;
    readonly answered_by?: string | null;
  }[];
}

const replays = new Map<string, CoreOutput[]>();
async function outputsOf(name: string): Promise<CoreOutput[]> {
  if (!replays.has(name)) {
    const config = validateConfig(readConfigFile(CONFIG));
    const { outputs } = await replayCapture({
      capturePath: fixturePath('ami-captures', `${name}.ami.jsonl`),
      config,
    });
    replays.set(name, outputs);
  }
  return replays.get(name)!;
}

function truthOf(name: string): Truth {
  return JSON.parse(
    readFileSync(fixturePath('ami-captures', `${name}.truth.json`), 'utf8'),
  ) as Truth;
}

const lastInstant = (outputs: readonly CoreOutput[]): number =>
  Math.max(
    ...outputs.map((o) =>
      o.type === 'call-completed'
        ? o.leg.endedAt
        : o.type === 'recording-started'
          ? o.recording.at
          : 0,
    ),
  );

describe.each(CAPTURES)('registration from the replayed capture %s', (name) => {
  const temp = tempStorageWithSamples();
  afterAll(() => temp.cleanup());

  it('registers exactly the recordings of the ground truth, under the file names Asterisk wrote', async () => {
    const truth = truthOf(name);
    const f = registryFixture(temp.root);
    const outputs = await outputsOf(name);
    for (const o of outputs) f.registry.handle(o);
    await f.registry.idle();
    const entries = await f.repo.list({});
    expect(entries).toHaveLength(truth.expected.recordings_expected);
    expect(entries.map((e) => e.location).sort()).toEqual(
      truth.observed_on_disk.recordings.map((r) => r.file).sort(),
    );
    expect(
      entries.every(
        (e) => e.status === 'pending' && e.agentId !== undefined && e.direction !== undefined,
      ),
    ).toBe(true);
    expect(
      entries.every(
        (e) => e.customerMasked !== undefined && /^\d{3}\*{4}\d{4}$/.test(e.customerMasked),
      ),
    ).toBe(true);
    expect(f.registry.failedOutputs).toBe(0);
  });

  it('completes the sample files it has, flags the rest missing after the grace period', async () => {
    const f = registryFixture(temp.root);
    const outputs = await outputsOf(name);
    for (const o of outputs) f.registry.handle(o);
    await f.registry.idle();
    const end = lastInstant(outputs);
    await f.checker.checkFiles(end + 10_000);
    await f.checker.checkFiles(end + 20_000);
    const samples = sampleRecordings().filter((s) => s.capture === name);
    for (const s of samples) {
      const entry = (await f.repo.list({})).find((e) => e.location === s.file)!;
      expect(entry).toMatchObject({
        status: 'complete',
        sha256: sha256Of(sampleBytes(s.file)),
        agentId: s.agent,
        direction: s.direction,
      });
      expect(entry.durationSeconds).toBeCloseTo(s.duration_s, 2);
    }
    await f.checker.checkFiles(end + 20_000 + 61_000);
    const all = await f.repo.list({});
    expect(all.filter((e) => e.status === 'complete')).toHaveLength(samples.length);
    expect(all.filter((e) => e.status === 'missing')).toHaveLength(
      truthOf(name).expected.recordings_expected - samples.length,
    );
    expect(f.alerts.raised.filter((a) => a.kind === 'recording-missing')).toHaveLength(
      all.length - samples.length,
    );
  });
});
