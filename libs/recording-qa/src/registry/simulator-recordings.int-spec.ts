import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AmiConnection, PbxLink } from '@cti/ami';
import { type AgentLeg, CallCenterCore } from '@cti/domain';
import { type RunningSimulator, simulatedCallCenter, startSimulator } from '@cti/pbx-simulator';
import { parseWavHeader, wavDurationSeconds } from '../storage/wav-info';
import { registryFixture } from '../testing/registry-fixture';

/*
 * The embedded default's path: the built-in simulator writes a WAV where MixMonitor would, the
 * product's AMI link and core report the calls, the registry names the files from the call ids
 * and the checker settles them. Every recorded call must end `complete`, never `missing`.
 */
describe('recordings of the built-in simulator', () => {
  const root = mkdtempSync(join(tmpdir(), 'sim-recordings-'));
  let sim: RunningSimulator;
  let link: PbxLink;
  const recordedLegs: AgentLeg[] = [];
  const f = registryFixture(root);

  beforeAll(async () => {
    // One short day, fast: the files lag behind the calls and are awaited before stopping.
    sim = await startSimulator({
      seed: 11,
      agents: 2,
      speed: 200,
      startOn: 'first-login',
      dayLengthSec: 900,
      days: 1,
      outboundPerAgentHour: 240,
      recordingsDir: root,
    });
    const core = new CallCenterCore(simulatedCallCenter(2, 'Asia/Shanghai'), (o) => {
      f.registry.handle(o);
      if (o.type === 'call-completed' && o.leg.recorded) recordedLegs.push(o.leg);
    });
    const conn = new AmiConnection({
      host: sim.host,
      port: sim.port,
      username: 'cti',
      secret: 'cti-secret',
      clock: () => sim.stats().simulatedNowMs,
    });
    link = new PbxLink(conn, core);
    link.start();
    await sim.finished;
    for (let seen = -1; seen !== link.stats.eventsIn;) {
      seen = link.stats.eventsIn;
      await new Promise((r) => setTimeout(r, 500));
    }
    await link.stop();
    // The files lag behind a flat-out simulation: wait for them before stopping it.
    while (sim.stats().recordingsWritten + sim.stats().recordingsFailed < recordedLegs.length)
      await new Promise((r) => setTimeout(r, 100));
    await sim.stop();
    await f.registry.idle();
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('registers every recorded call complete, with a WAV as long as the talk time', async () => {
    const end = Math.max(...recordedLegs.map((l) => l.endedAt));
    await f.checker.checkFiles(end + 10_000);
    await f.checker.checkFiles(end + 20_000);
    await f.checker.checkFiles(end + 120_000);
    const entries = await f.repo.list({});
    expect(recordedLegs.length).toBeGreaterThan(0);
    expect(entries.length).toBeGreaterThanOrEqual(recordedLegs.length);
    for (const leg of recordedLegs) {
      const entry = entries.find((e) => e.agentId === leg.agentId && e.linkedid === leg.linkedid);
      expect(entry).toMatchObject({ status: 'complete', direction: leg.direction });
      expect(Math.abs(entry!.durationSeconds! - leg.talkSeconds)).toBeLessThanOrEqual(1);
      const bytes = readFileSync(join(root, entry!.location!));
      const info = parseWavHeader(bytes)!;
      expect(info).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16 });
      expect(wavDurationSeconds(info, bytes.length)).toBe(entry!.durationSeconds);
    }
    expect(f.alerts.raised.filter((a) => a.kind === 'recording-missing')).toEqual([]);
    expect(sim.stats().recordingsFailed).toBe(0);
  });
});
