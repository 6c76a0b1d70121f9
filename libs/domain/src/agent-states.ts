import { samePendingPause, sameState } from './agent-status';
import { DeadlineQueue } from './deadline-queue';
import { type AgentState } from './outputs';

/**
 * Each agent's published state: re-derived for the agents an event touched, published only when
 * it changed, plus the instants (wrap-up end, pause limit) at which a state changes with no event.
 */
export class AgentStates {
  private readonly states = new Map<string, AgentState>();
  private readonly dirty = new Set<string>();
  private readonly deadlines = new DeadlineQueue();

  constructor(
    agentIds: readonly string[],
    private readonly derive: (agentId: string, now: number) => Omit<AgentState, 'since'>,
    private readonly publish: (agentId: string, state: AgentState) => void,
  ) {
    for (const id of agentIds)
      this.states.set(id, { status: 'logged-out', since: 0, loggedIn: false });
  }

  get(agentId: string): AgentState | undefined {
    return this.states.get(agentId);
  }

  touch(agentId: string | undefined): void {
    if (agentId) this.dirty.add(agentId);
  }

  /** The agent's state may change at `at` with no event: re-derive it then. */
  dueAt(at: number, agentId: string): void {
    this.deadlines.push(at, agentId);
  }

  /** The earliest instant due by `now`, removed; its agent is touched. */
  popDue(now: number): { at: number; agentId: string } | undefined {
    const due = this.deadlines.popDue(now);
    if (due) this.dirty.add(due.agentId);
    return due;
  }

  flush(now: number): void {
    for (const agentId of this.dirty) {
      const previous = this.states.get(agentId);
      if (!previous) continue;
      const next = this.derive(agentId, now);
      let since = now;
      if (sameState(previous, next)) {
        // Same state, but its wrap-up end moved (AgentComplete after a QueueMemberStatus of
        // another queue) or a pause was asked for during the call: publish it, the state still
        // began when it began.
        if (previous.wrapUpUntil === next.wrapUpUntil && samePendingPause(previous, next)) continue;
        since = previous.since;
      }
      const state: AgentState = { ...next, since };
      this.states.set(agentId, state);
      if (state.wrapUpUntil !== undefined) this.deadlines.push(state.wrapUpUntil, agentId);
      this.publish(agentId, state);
    }
    this.dirty.clear();
  }
}
