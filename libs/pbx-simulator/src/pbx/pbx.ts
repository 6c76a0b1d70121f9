import { type QueueSpec } from '../options';
import { type Prng } from '../prng';
import { type MixMonitorFiles, NO_RECORDING_FILES } from '../recordings/recording-writer';
import { type SimScheduler } from '../scheduler';
import { BridgeRegistry } from './bridges';
import { CdrWriter } from './cdr';
import { ChannelRegistry } from './channels';
import { DeviceRegistry } from './devices';
import { EventSink } from './event-sink';
import { type Agent, type DeviceState } from './model';
import { QueueRegistry } from './queues';

const EXTENSION_STATUS: Partial<Record<DeviceState, [string, string]>> = {
  NOT_INUSE: ['0', 'Idle'],
  INUSE: ['1', 'InUse'],
  RINGING: ['8', 'Ringing'],
};

export interface PbxCounters {
  inboundOffered: number;
  inboundAnswered: number;
  inboundAbandoned: number;
  outboundPlaced: number;
  outboundAnswered: number;
}

/**
 * The simulated Asterisk: channels, bridges, devices, queues and the agents' phones, all on one
 * simulated clock. Call flows (calls/) and the day driver (driver/) act through it.
 */
export class Pbx {
  readonly events: EventSink;
  readonly devices: DeviceRegistry;
  readonly channels: ChannelRegistry;
  readonly bridges: BridgeRegistry;
  readonly queues: QueueRegistry;
  readonly cdr: CdrWriter;
  /** Agents by extension (read-only outside; add with `addAgent`). */
  readonly agents = new Map<string, Agent>();
  private readonly agentsByInterface = new Map<string, Agent>();
  readonly counters: PbxCounters = {
    inboundOffered: 0,
    inboundAnswered: 0,
    inboundAbandoned: 0,
    outboundPlaced: 0,
    outboundAnswered: 0,
  };
  private readonly idleListeners: Array<(agent: Agent) => void> = [];
  private generatorActions = 0;

  constructor(
    readonly sched: SimScheduler,
    /** Draws for behaviour (who answers, for how long); ids and jitter use forks of the seed. */
    readonly prng: Prng,
    queueSpecs: readonly QueueSpec[],
    cdrEnabled: boolean,
    /** Where MixMonitor's files go (none by default). */
    readonly recordings: MixMonitorFiles = NO_RECORDING_FILES,
  ) {
    this.events = new EventSink(sched, prng.fork(1));
    this.devices = new DeviceRegistry(this.events);
    this.channels = new ChannelRegistry(this.events, this.devices, () => this.events.peekNowUs());
    this.bridges = new BridgeRegistry(this.events, prng.fork(2));
    this.queues = new QueueRegistry(queueSpecs, this.events, this.devices, () => this.nowSec());
    this.cdr = new CdrWriter(this.events, cdrEnabled);
  }

  /** Start of simulated time (epoch µs): Uptime counts from here. */
  get startUs(): number {
    return this.sched.startUs;
  }

  nowUs(): number {
    return this.events.peekNowUs();
  }

  nowSec(): number {
    return Math.floor(this.nowUs() / 1e6);
  }

  addAgent(agent: Agent): void {
    this.agents.set(agent.ext, agent);
    this.agentsByInterface.set(agent.iface, agent);
  }

  agentByInterface(iface: string): Agent | undefined {
    return this.agentsByInterface.get(iface);
  }

  agentPhoneState(agent: Agent): DeviceState {
    return this.devices.get(agent.stateInterface);
  }

  /** Free for a new call: not ringing and not on a call (wrap-up counts as free). */
  isAgentIdle(agent: Agent): boolean {
    const state = this.agentPhoneState(agent);
    return state === 'NOT_INUSE' || state === 'UNKNOWN';
  }

  /**
   * The dialplan's `Set(DEVICE_STATE(Custom:<ext>)=...)`: the Custom device, the hint's
   * ExtensionStatus and the QueueMemberStatus of every queue, in the order the captures show.
   */
  setAgentPhone(agent: Agent, state: DeviceState): void {
    const device = agent.stateInterface;
    if (this.devices.get(device) === state) return;
    const [status, text] = EXTENSION_STATUS[state] ?? ['-1', 'Unknown'];
    const extensionStatus = (): void =>
      this.events.emit('ExtensionStatus', 'call', [
        ['Exten', agent.ext],
        ['Context', 'agents'],
        ['Hint', device],
        ['Status', status],
        ['StatusText', text],
      ]);
    if (state === 'RINGING') {
      extensionStatus();
      this.devices.publish(device, state);
      this.queues.onDeviceChange(device);
    } else if (state === 'INUSE') {
      this.devices.publish(device, state);
      this.queues.onDeviceChange(device);
      extensionStatus();
    } else {
      extensionStatus();
      this.devices.setSilently(device, state);
      this.queues.onDeviceChange(device);
      this.devices.publish(device, state);
      // Listeners run as their own task, so a pause or a new call never lands inside a teardown.
      if (state === 'NOT_INUSE') {
        for (const listener of this.idleListeners) this.sched.after(0, () => listener(agent));
      }
    }
  }

  onAgentIdle(listener: (agent: Agent) => void): void {
    this.idleListeners.push(listener);
  }

  /** ActionID of an Originate sent by the simulated traffic generator (not by a client). */
  nextGeneratorActionId(): string {
    this.generatorActions += 1;
    return `gen-${this.generatorActions}`;
  }
}
