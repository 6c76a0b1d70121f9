import { type AgentDirectory } from './agent-directory';
import { type CallCenterConfig } from './call-center-config';
import { localDay } from './local-day';
import { type AgentLeg, type AgentSession, type InternalCall, type PauseInterval } from './outputs';

/** An agent's day so far: what quota progress and the daily record are made of. */
export interface AgentDay {
  readonly agentId: string;
  readonly day: string;
  readonly legs: AgentLeg[];
  readonly legIds: Set<string>;
  readonly internalCalls: InternalCall[];
  readonly pauses: PauseInterval[];
  readonly sessions: AgentSession[];
  effective: number;
  /** Effective calls counting each customer number once. */
  readonly effectiveNumbers: Set<string>;
}

export interface QuotaProgress {
  readonly quota: number;
  /** Effective calls under the configured rule (each number once when the rule says so). */
  readonly counted: number;
  readonly met: boolean;
}

/** Per agent and local day: completed legs, internal calls, pauses, sessions and counts. */
export class DayBook {
  private readonly days = new Map<string, AgentDay>();

  constructor(
    private readonly config: CallCenterConfig,
    private readonly directory: AgentDirectory,
  ) {}

  /** Idempotent by leg id: a leg restored from the store and seen again is counted once. */
  legCompleted(leg: AgentLeg): void {
    const day = this.day(leg.agentId, leg.day);
    if (day.legIds.has(leg.id)) return;
    day.legIds.add(leg.id);
    day.legs.push(leg);
    if (leg.effective) {
      day.effective++;
      day.effectiveNumbers.add(leg.customerNumber);
    }
  }

  internalCall(
    agentId: string,
    calleeAgentId: string,
    callerUniqueid: string,
    at: number,
  ): InternalCall {
    const call = {
      agentId,
      calleeAgentId,
      callerUniqueid,
      startedAt: at,
      answered: false,
      day: localDay(at, this.config.timezone),
    };
    this.restoreInternalCall(call);
    return call;
  }

  restoreInternalCall(call: InternalCall): void {
    const calls = this.day(call.agentId, call.day).internalCalls;
    if (
      !calls.some(
        (c) => c.callerUniqueid === call.callerUniqueid && c.calleeAgentId === call.calleeAgentId,
      )
    )
      calls.push(call);
  }

  pauseEnded(pause: PauseInterval): void {
    const pauses = this.day(pause.agentId, localDay(pause.startedAt, this.config.timezone)).pauses;
    const same = pauses.findIndex((p) => p.startedAt === pause.startedAt);
    if (same >= 0) pauses[same] = pause;
    else pauses.push(pause);
  }

  session(session: AgentSession): void {
    const day = this.day(session.agentId, localDay(session.loginAt, this.config.timezone));
    const open = day.sessions.findIndex((s) => s.loginAt === session.loginAt);
    if (open >= 0) day.sessions[open] = session;
    else day.sessions.push(session);
  }

  get(agentId: string, day: string): AgentDay | undefined {
    return this.days.get(`${agentId}|${day}`);
  }

  progress(agentId: string, day: string): QuotaProgress {
    const quota = this.directory.quotaFor(agentId, day);
    const d = this.get(agentId, day);
    const counted = !d
      ? 0
      : this.config.rules.effective.uniqueNumberPerAgentDay
        ? d.effectiveNumbers.size
        : d.effective;
    return { quota, counted, met: counted >= quota };
  }

  /** Agent-days held. */
  get size(): number {
    return this.days.size;
  }

  /** Completed legs held, over every agent-day. */
  get legCount(): number {
    let legs = 0;
    for (const d of this.days.values()) legs += d.legs.length;
    return legs;
  }

  /** Forgets days before `keepFrom` (YYYY-MM-DD): the store keeps history, memory keeps today. */
  forgetBefore(keepFrom: string): void {
    for (const [key, d] of this.days) if (d.day < keepFrom) this.days.delete(key);
  }

  private day(agentId: string, day: string): AgentDay {
    const key = `${agentId}|${day}`;
    let d = this.days.get(key);
    if (!d) {
      d = {
        agentId,
        day,
        legs: [],
        legIds: new Set(),
        internalCalls: [],
        pauses: [],
        sessions: [],
        effective: 0,
        effectiveNumbers: new Set(),
      };
      this.days.set(key, d);
    }
    return d;
  }
}
