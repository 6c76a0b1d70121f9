import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfigFile, validateConfig } from '@cti/config';
import { AmiConnection, PbxLink } from '@cti/ami';
import { CallCenterCore, type CallCenterConfig, type CoreOutput } from '@cti/domain';
import { CaptureReplayServer, loadCapture, fixturePath } from '@cti/testing';
import { PbxRecordingControl, StaticQaDirectory } from '../ports/qa-runtime.port';
import { RecordingRegistry } from '../registry/recording-registry';
import { registryFixture } from '../testing/registry-fixture';
import { AmiRecordingControl } from './ami-recording-control';
import { coreCallSource, RecordingStarter } from './recording-starter';

const CONFIG = resolve(__dirname, '../../../../config/examples/capture-call-center.yaml');

/**
 * Like @cti/testing's replayCapture, but the sink sees each output at the moment the core emits
 * it, with the live core beside it (what a recording starter needs: the call's channels).
 */
async function replayWithSink(
  capturePath: string,
  config: CallCenterConfig,
  sinkFor: (core: CallCenterCore) => (output: CoreOutput) => void,
): Promise<CallCenterCore> {
  const capture = loadCapture(capturePath);
  const server = new CaptureReplayServer({
    capture,
    awaitActions: ['QueueStatus', 'CoreShowChannels'],
  });
  await server.start();
  let sink: (output: CoreOutput) => void = () => undefined;
  const core = new CallCenterCore(config, (o) => sink(o));
  sink = sinkFor(core);
  let eventTime = (capture.epochOffsetMs ?? 0) + (capture.records[0]?.t ?? 0);
  const conn = new AmiConnection({
    host: '127.0.0.1',
    port: server.port,
    username: 'cti',
    secret: 'replay',
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    pingIntervalMs: 60_000,
    clock: () => eventTime,
  });
  const link = new PbxLink(conn, {
    apply: (e) => {
      eventTime = Math.max(eventTime, e.at);
      core.apply(e);
    },
    applySnapshot: (s) => core.applySnapshot(s),
  });
  try {
    link.start();
    await server.finished;
    let last = -1;
    while (link.stats.eventsIn !== last) {
      last = link.stats.eventsIn;
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    await link.stop();
    await server.stop();
  }
  core.advanceTo(eventTime + 60_000);
  return core;
}

class RecordingPbx extends PbxRecordingControl {
  readonly calls: { channel: string; file: string; options: string }[] = [];
  async mixMonitor(channel: string, file: string, options: string): Promise<void> {
    this.calls.push({ channel, file, options });
  }
  async mixMonitorMute(): Promise<void> {}
}

interface Truth {
  readonly observed_on_disk: { readonly recordings: readonly { readonly file: string }[] };
}

describe.each(['inbound-day', 'outbound-quota'])(
  'the product starting MixMonitor itself (%s replayed)',
  (name) => {
    it('starts one recording per answered call, on the customer channel, named like the PBX names them', async () => {
      const f = registryFixture('/tmp', {});
      const config = { ...f.config, control: { ...f.config.control, mode: 'product' as const } };
      const pbx = new RecordingPbx();
      const registry = new RecordingRegistry(f.repo, config, new StaticQaDirectory([]));
      let starter: RecordingStarter | undefined;
      const core = await replayWithSink(
        fixturePath('ami-captures', `${name}.ami.jsonl`),
        validateConfig(readConfigFile(CONFIG)),
        (c) => {
          starter = new RecordingStarter(config, registry, coreCallSource(c), pbx, f.alerts);
          return (o) => {
            starter!.handle(o);
            registry.handle(o);
          };
        },
      );
      await starter!.idle();
      await registry.idle();
      expect(core.legs.openCount).toBe(0);
      const truth = JSON.parse(
        readFileSync(fixturePath('ami-captures', `${name}.truth.json`), 'utf8'),
      ) as Truth;
      const files = pbx.calls.map((c) => c.file.replace('/var/spool/asterisk/monitor/', ''));
      // Every file the PBX wrote is one the product would have started (the captures record only some outbound calls).
      for (const r of truth.observed_on_disk.recordings) expect(files).toContain(r.file);
      expect(new Set(files).size).toBe(files.length);
      expect(
        pbx.calls.every(
          (c) =>
            c.options === 'b' && /^Local\/\d+@(cust-in|customers)-[0-9a-f]{8};1$/.test(c.channel),
        ),
      ).toBe(true);
      expect(f.alerts.raised).toEqual([]);
    });
  },
);

describe('AmiRecordingControl', () => {
  it('sends MixMonitor and MixMonitorMute with plain values and never a Command', async () => {
    const sent: [string, Readonly<Record<string, string>>][] = [];
    const ami = new AmiRecordingControl(async (n, p) => void sent.push([n, p]));
    await ami.mixMonitor(
      'Local/15017370008@cust-in-00000023;1',
      '/var/spool/asterisk/monitor/1795818552.70.wav',
      'b',
    );
    await ami.mixMonitorMute('PJSIP/1001-0000000a', 'both', true);
    expect(sent).toEqual([
      [
        'MixMonitor',
        {
          Channel: 'Local/15017370008@cust-in-00000023;1',
          File: '/var/spool/asterisk/monitor/1795818552.70.wav',
          Options: 'b',
        },
      ],
      ['MixMonitorMute', { Channel: 'PJSIP/1001-0000000a', Direction: 'both', State: '1' }],
    ]);
    await expect(ami.mixMonitor('x\r\nAction: Originate', '/a.wav', 'b')).rejects.toThrow(
      'not a channel name',
    );
    await expect(ami.mixMonitor('PJSIP/1', '/a/../../etc/passwd', 'b')).rejects.toThrow(
      'not a plain absolute path',
    );
    await expect(ami.mixMonitor('PJSIP/1', '/a.wav', 'b,W(2)')).rejects.toThrow('letters only');
  });
});
