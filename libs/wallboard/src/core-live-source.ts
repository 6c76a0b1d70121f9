import {
  type CallCenterConfig,
  type CallCenterCore,
  localDay,
  type QuotaProgress,
} from '@cti/domain';
import { type LiveAgent, type LiveQueue, type LiveSource } from './live-source';
import { type TeamInfo } from './protocol';

/** Reads the wallboard's facts from a CallCenterCore; no state of its own. */
export class CoreLiveSource implements LiveSource {
  /**
   * @param today clock deciding which local day's quota progress to show; the core's event
   * clock by default, so replays show the replayed day.
   */
  constructor(
    private readonly core: CallCenterCore,
    private readonly config: CallCenterConfig,
    private readonly today: () => number = () => core.clock,
  ) {}

  agents(): LiveAgent[] {
    const found: LiveAgent[] = [];
    for (const a of this.config.agents) {
      const agent = this.agent(a.id);
      if (agent) found.push(agent);
    }
    return found;
  }

  agent(id: string): LiveAgent | undefined {
    const cfg = this.core.directory.agent(id);
    const state = this.core.agentState(id);
    const presence = this.core.agentPresence(id);
    if (!cfg || !state || !presence) return undefined;
    const pause = presence.pause;
    return {
      id,
      name: cfg.name,
      team: cfg.team,
      state,
      queues: [...presence.memberships.keys()].sort(),
      loginAt: presence.session?.loginAt,
      pause: pause && {
        reason: pause.reason,
        startedAt: pause.startedAt,
        limitSeconds: pause.limitSeconds,
      },
      call: state.status === 'on-call' ? this.call(id, state.since) : undefined,
    };
  }

  queueFigures(): LiveQueue[] {
    return this.core.queues.queueNames().map((q) => this.core.queues.figures(q));
  }

  progress(agentId: string): QuotaProgress {
    return this.core.days.progress(agentId, localDay(this.today(), this.config.timezone));
  }

  teams(): TeamInfo[] {
    return this.config.teams.map((t) => ({ id: t.id, name: t.name }));
  }

  /** A customer call: its open leg; a call between colleagues has none (no number to show). */
  private call(agentId: string, stateSince: number): LiveAgent['call'] {
    const leg = this.core.legs.legsOf(agentId).find((l) => l.openPairs > 0);
    if (!leg) return { since: stateSince };
    return {
      since: leg.answeredAt ?? leg.startedAt,
      customerNumber: leg.customerNumber || undefined,
    };
  }
}
