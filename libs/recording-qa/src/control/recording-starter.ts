import { type CoreOutput, localDay } from '@cti/domain';
import { recordingModeFor, type RecordingQaConfig } from '../config/recording-qa-config';
import { renderRecordingName } from '@cti/domain';
import { type PbxRecordingControl, type QaAlerts } from '../ports/qa-runtime.port';
import { type RecordingRegistry } from '../registry/recording-registry';

/** An open agent leg as the core's LegBook holds it (structurally: `core.legs.legsOf(agentId)`). */
export interface LiveLegView {
  readonly agentId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly queue?: string;
  readonly customerUniqueid: string;
  readonly agentUniqueid: string;
  readonly linkedid: string;
  readonly answeredAt?: number;
  readonly openPairs: number;
}

/** Read access to the live core: which call an agent is on and the channel names. */
export interface LiveCallSource {
  legsOf(agentId: string): readonly LiveLegView[];
  channelName(uniqueid: string): string | undefined;
}

/** The core as a LiveCallSource (give it `core`: `CallCenterCore` satisfies this shape). */
export function coreCallSource(core: {
  readonly legs: { legsOf(agentId: string): readonly LiveLegView[] };
  readonly graph: { readonly channels: ReadonlyMap<string, { readonly name: string }> };
}): LiveCallSource {
  return {
    legsOf: (a) => core.legs.legsOf(a),
    channelName: (u) => core.graph.channels.get(u)?.name,
  };
}

export interface StartResult {
  readonly agentId: string;
  readonly uniqueid: string;
  readonly file: string;
}

/**
 * For queues/directions configured `product`: starts MixMonitor over AMI on the customer's
 * channel when the agent answers, with the file named by the same template the registry uses
 * (ids only). Runs beside the core as a sink of its outputs; the core never waits for it.
 */
export class RecordingStarter {
  private readonly done = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  readonly started: StartResult[] = [];

  constructor(
    private readonly config: RecordingQaConfig,
    private readonly registry: RecordingRegistry,
    private readonly source: LiveCallSource,
    private readonly pbx: PbxRecordingControl,
    private readonly alerts: QaAlerts,
  ) {}

  handle(output: CoreOutput): void {
    if (output.type !== 'agent-state' || output.state.status !== 'on-call' || output.resync) return;
    for (const leg of this.source.legsOf(output.agentId)) {
      if (leg.openPairs === 0 || leg.answeredAt === undefined) continue;
      if (recordingModeFor(this.config.control, leg.direction, leg.queue) !== 'product') continue;
      const key = `${leg.agentId}|${leg.customerUniqueid}`;
      if (this.done.has(key)) continue;
      this.done.add(key);
      if (this.done.size > 50_000) this.done.delete(this.done.values().next().value!);
      const channel = this.source.channelName(leg.customerUniqueid);
      if (channel) this.chain = this.chain.then(() => this.start(leg, channel, output.state.since));
    }
  }

  async idle(): Promise<void> {
    await this.chain;
  }

  private async start(leg: LiveLegView, channel: string, at: number): Promise<void> {
    try {
      const pass = await this.registry.nextPass(leg.customerUniqueid);
      const name = renderRecordingName(this.config.fileNames[leg.direction], {
        uniqueid: leg.customerUniqueid,
        linkedid: leg.linkedid,
        agentUniqueid: leg.agentUniqueid,
        pass,
        day: localDay(leg.answeredAt ?? at, this.config.timezone),
      });
      this.registry.expectProductRecording(leg.customerUniqueid, pass, name);
      const file = `${this.config.control.pbxDirectory}/${name}`.replace(/^\/\//, '/');
      await this.pbx.mixMonitor(channel, file, this.config.control.mixMonitorOptions);
      this.started.push({ agentId: leg.agentId, uniqueid: leg.customerUniqueid, file });
    } catch (error) {
      await this.alerts.raise({
        kind: 'recording-start-failed',
        at,
        agentId: leg.agentId,
        message: `could not start recording of ${leg.customerUniqueid}: ${(error as Error).message}`,
      });
    }
  }
}
