import { type AgentConfig, type CallCenterConfig } from './call-center-config';
import { deviceKeyOfInterface } from './channel-name';
import { daysBetween } from './local-day';

/** Finds the agent behind a device or a queue member interface, and the agent's quota. */
export class AgentDirectory {
  private readonly byId = new Map<string, AgentConfig>();
  private readonly byDevice = new Map<string, string>();
  private readonly byInterface = new Map<string, string>();

  constructor(private readonly config: CallCenterConfig) {
    for (const agent of config.agents) {
      this.byId.set(agent.id, agent);
      for (const device of agent.devices) this.byDevice.set(device, agent.id);
      for (const iface of agent.interfaces) {
        this.byInterface.set(iface, agent.id);
        this.byDevice.set(deviceKeyOfInterface(iface), agent.id);
      }
    }
  }

  get agents(): readonly AgentConfig[] {
    return this.config.agents;
  }

  agent(id: string): AgentConfig | undefined {
    return this.byId.get(id);
  }

  agentOfDevice(deviceKey: string): string | undefined {
    return this.byDevice.get(deviceKey);
  }

  agentOfInterface(iface: string): string | undefined {
    return this.byInterface.get(iface) ?? this.byDevice.get(deviceKeyOfInterface(iface));
  }

  /** Daily quota: the agent's override, else the new-hire quota while under the new-hire days. */
  quotaFor(agentId: string, day: string): number {
    const agent = this.byId.get(agentId);
    const rule = this.config.rules.quota;
    if (!agent) return rule.default;
    if (agent.quota !== undefined) return agent.quota;
    return daysBetween(agent.hireDate, day) < rule.newHireDays ? rule.newHire : rule.default;
  }
}
