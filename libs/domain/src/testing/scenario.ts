import { type DaySummary, summarizeDay } from '../day-summary';
import { localDay } from '../local-day';
import { type AgentLeg, type AgentState, type CoreOutput, type CoreOutputType } from '../outputs';
import { type QueueMemberFacts } from '../telephony-event';
import { type Chan, EventFeed, NOT_INUSE } from './event-feed';

export * from './event-feed';

type OutputOf<T extends CoreOutputType> = Extract<CoreOutput, { type: T }>;

/** The event feed, plus queue and member events and what the core put out. */
export class Scenario extends EventFeed {
  private readonly members = new Map<string, QueueMemberFacts>();

  // --- queues and members ---------------------------------------------------------------

  interfaceOf(agentId: string): string {
    return this.config.agents.find((a) => a.id === agentId)!.interfaces[0];
  }

  joined(queue: string, caller: Chan): this {
    return this.apply({ type: 'caller-joined', queue, caller: this.snap(caller) });
  }

  left(queue: string, caller: Chan): this {
    return this.apply({ type: 'caller-left', queue, uniqueid: caller.uniqueid });
  }

  agentCalled(queue: string, agentId: string, caller: Chan, dest: Chan): this {
    const iface = this.interfaceOf(agentId);
    return this.apply({
      type: 'agent-called',
      queue,
      interface: iface,
      callerUniqueid: caller.uniqueid,
      destUniqueid: dest.uniqueid,
    });
  }

  agentConnected(queue: string, agentId: string, caller: Chan, dest: Chan, holdSeconds = 0): this {
    const iface = this.interfaceOf(agentId);
    return this.apply({
      type: 'agent-connected',
      queue,
      interface: iface,
      caller: this.snap(caller),
      destUniqueid: dest.uniqueid,
      holdSeconds,
    });
  }

  /** AgentComplete; without a caller it is the bare form (Queue + Interface only). */
  agentCompleted(
    queue: string,
    agentId: string,
    caller: Chan | undefined,
    talkSeconds: number,
    reason = 'agent',
  ): this {
    const iface = this.interfaceOf(agentId);
    return this.apply({
      type: 'agent-completed',
      queue,
      interface: iface,
      callerUniqueid: caller?.uniqueid,
      talkSeconds,
      reason,
    });
  }

  /** The member blob of an agent in a queue as the PBX would report it now. */
  member(agentId: string, queue: string, patch: Partial<QueueMemberFacts> = {}): QueueMemberFacts {
    const iface = this.interfaceOf(agentId);
    const key = `${agentId}|${queue}`;
    const base: QueueMemberFacts = this.members.get(key) ?? {
      queue,
      interface: iface,
      memberName: agentId,
      stateInterface: `PJSIP/${agentId}`,
      status: NOT_INUSE,
      paused: false,
      pausedReason: '',
      inCall: false,
      lastCall: 0,
      lastPause: 0,
      loginTime: Math.floor(this.now / 1000),
      wrapupTime: 0,
      callsTaken: 0,
    };
    const next = { ...base, ...patch };
    this.members.set(key, next);
    return next;
  }

  queuesOf(agentId: string): string[] {
    return [...this.members.values()]
      .filter((m) => m.interface === this.interfaceOf(agentId))
      .map((m) => m.queue);
  }

  /** A QueueMember* event for each queue (one per queue, as app_queue sends them). */
  memberEvent(
    agentId: string,
    patch: Partial<QueueMemberFacts>,
    queues = this.queuesOf(agentId),
  ): this {
    for (const queue of queues)
      this.apply({ type: 'member-updated', member: this.member(agentId, queue, patch) });
    return this;
  }

  login(agentId: string, ...queues: string[]): this {
    return this.memberEvent(agentId, {}, queues);
  }

  logout(agentId: string, ...queues: string[]): this {
    for (const queue of queues.length ? queues : this.queuesOf(agentId)) {
      this.members.delete(`${agentId}|${queue}`);
      this.apply({ type: 'member-removed', queue, interface: this.interfaceOf(agentId) });
    }
    return this;
  }

  /** QueuePause without Queue: one QueueMemberPause per queue. */
  pause(agentId: string, reason: string): this {
    return this.memberEvent(agentId, {
      paused: true,
      pausedReason: reason,
      lastPause: Math.floor(this.now / 1000),
    });
  }

  /** The unpause events carry an empty PausedReason. */
  unpause(agentId: string): this {
    return this.memberEvent(agentId, { paused: false, pausedReason: '' });
  }

  memberStatus(agentId: string, status: number, patch: Partial<QueueMemberFacts> = {}): this {
    return this.memberEvent(agentId, { status, ...patch });
  }

  // --- what came out ----------------------------------------------------------------------

  of<T extends CoreOutputType>(type: T): OutputOf<T>[] {
    return this.outputs.filter((o): o is OutputOf<T> => o.type === type);
  }

  legs(agentId?: string): AgentLeg[] {
    return this.of('call-completed')
      .map((o) => o.leg)
      .filter((l) => !agentId || l.agentId === agentId);
  }

  /** The only completed leg of an agent (fails the test when there is not exactly one). */
  leg(agentId: string): AgentLeg {
    const legs = this.legs(agentId);
    if (legs.length !== 1) throw new Error(`expected one leg for ${agentId}, got ${legs.length}`);
    return legs[0];
  }

  /** The agent's published states as labels: 'on-call(inbound)', 'on-call(inbound,held)', 'paused(lunch)'. */
  statuses(agentId: string, fromOutput = 0): string[] {
    return this.outputs
      .slice(fromOutput)
      .filter(
        (o): o is OutputOf<'agent-state'> => o.type === 'agent-state' && o.agentId === agentId,
      )
      .map((o) => label(o.state));
  }

  state(agentId: string): AgentState {
    return this.core.agentState(agentId)!;
  }

  label(agentId: string): string {
    return label(this.state(agentId));
  }

  summary(day = localDay(this.t0, this.config.timezone)): DaySummary {
    return summarizeDay(this.core, day);
  }

  agentSummary(agentId: string, day?: string): DaySummary['agents'][number] {
    return this.summary(day).agents.find((a) => a.agentId === agentId)!;
  }
}

export function label(state: AgentState): string {
  const details = [state.direction, state.held ? 'held' : undefined, state.pauseReason].filter(
    Boolean,
  );
  return details.length ? `${state.status}(${details.join(',')})` : state.status;
}
