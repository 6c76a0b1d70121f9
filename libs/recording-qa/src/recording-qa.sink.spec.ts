import { type CoreOutput } from '@cti/domain';
import { PbxRecordingControl } from './ports/qa-runtime.port';
import { RecordingQaSink } from './recording-qa.sink';
import { registryFixture, startedOutput } from './testing/registry-fixture';

class Pbx extends PbxRecordingControl {
  readonly started: string[] = [];
  async mixMonitor(channel: string, file: string): Promise<void> {
    this.started.push(`${channel} ${file}`);
  }
  async mixMonitorMute(): Promise<void> {}
}

const core = {
  legs: {
    legsOf: (agentId: string) =>
      agentId === '1001'
        ? [
            {
              agentId,
              direction: 'outbound' as const,
              customerUniqueid: '1795000000.3',
              agentUniqueid: '1795000000.1',
              linkedid: '1795000000.1',
              answeredAt: 5,
              openPairs: 1,
            },
          ]
        : [],
  },
  graph: { channels: new Map([['1795000000.3', { name: 'PJSIP/trunk-0000000c' }]]) },
};
const onCall: CoreOutput = {
  type: 'agent-state',
  agentId: '1001',
  resync: false,
  state: { status: 'on-call', since: 5, loggedIn: true, direction: 'outbound' },
};

describe('RecordingQaSink', () => {
  it('only registers when the PBX records', async () => {
    const f = registryFixture('/tmp');
    const pbx = new Pbx();
    const sink = new RecordingQaSink(f.config, f.registry, pbx, f.alerts).connect(core);
    sink(onCall);
    sink(startedOutput('1795000000.3', 6));
    await f.registry.idle();
    expect(pbx.started).toEqual([]);
    expect(await f.repo.get('1795000000.3')).toMatchObject({ startedBy: 'pbx', status: 'pending' });
  });

  it('starts MixMonitor for outbound calls configured product, named from the ids', async () => {
    const f = registryFixture('/tmp');
    const config = {
      ...f.config,
      control: { ...f.config.control, byDirection: { outbound: 'product' as const } },
    };
    const pbx = new Pbx();
    const sink = new RecordingQaSink(config, f.registry, pbx, f.alerts).connect(core);
    sink(onCall);
    sink(onCall); // the same answer seen twice starts one recording
    for (let i = 0; i < 100 && pbx.started.length === 0; i++)
      await new Promise((r) => setImmediate(r));
    expect(pbx.started).toEqual([
      'PJSIP/trunk-0000000c /var/spool/asterisk/monitor/1795000000.1.wav',
    ]);
    sink(startedOutput('1795000000.3', 6));
    await f.registry.idle();
    expect(await f.repo.get('1795000000.3')).toMatchObject({
      startedBy: 'product',
      location: '1795000000.1.wav',
    });
  });
});
