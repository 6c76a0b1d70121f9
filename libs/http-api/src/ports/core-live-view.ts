import {
  type AgentDay,
  type AgentState,
  type CallCenterConfig,
  type CallCenterCore,
  localDay,
  type QuotaProgress,
} from '@cti/domain';
import { type AgentInfo, type LiveQueue, LiveView } from './live-view';

/** LiveView over a CallCenterCore and its configuration; holds no state of its own. */
export class CoreLiveView extends LiveView {
  /**
   * @param clock PBX time (LiveCallCenter.now() in the server); the core's event clock by
   * default, so a replay shows the replayed day.
   */
  constructor(
    private readonly core: CallCenterCore,
    private readonly config: CallCenterConfig,
    private readonly clock: () => number = () => core.clock,
  ) {
    super();
  }

  now(): number {
    return this.clock();
  }

  today(): string {
    return localDay(this.clock(), this.config.timezone);
  }

  agents(): readonly AgentInfo[] {
    return this.core.directory.agents.map(info);
  }

  agent(id: string): AgentInfo | undefined {
    const a = this.core.directory.agent(id);
    return a && info(a);
  }

  teams(): readonly { readonly id: string; readonly name: string }[] {
    return this.config.teams;
  }

  agentState(id: string): AgentState | undefined {
    return this.core.agentState(id);
  }

  progress(agentId: string, day: string): QuotaProgress {
    return this.core.days.progress(agentId, day);
  }

  agentDay(agentId: string, day: string): AgentDay | undefined {
    return this.core.days.get(agentId, day);
  }

  quotaFor(agentId: string, day: string): number {
    return this.core.directory.quotaFor(agentId, day);
  }

  countsNumbersOnce(): boolean {
    return this.config.rules.effective.uniqueNumberPerAgentDay;
  }

  queues(): readonly LiveQueue[] {
    return this.core.queues.queueNames().map((q) => this.core.queues.figures(q));
  }
}

const info = (a: { id: string; name: string; team?: string }): AgentInfo => ({
  id: a.id,
  name: a.name,
  ...(a.team !== undefined ? { team: a.team } : {}),
});
