import { type RulesConfig } from './call-center-config';
import { type AgentSession, type PauseInterval } from './outputs';
import { type QueueMemberFacts } from './telephony-event';

export interface OpenPause {
  readonly reason: string;
  readonly startedAt: number;
  readonly limitSeconds: number;
  alerted: boolean;
}

export type PresenceOutput =
  | { readonly type: 'pause-started'; readonly pause: PauseInterval }
  | { readonly type: 'pause-over-limit'; readonly pause: PauseInterval; readonly at: number }
  | { readonly type: 'pause-ended'; readonly pause: PauseInterval }
  | { readonly type: 'session'; readonly session: AgentSession };

/**
 * One agent's queue memberships (an agent in several queues is one agent), and what follows
 * from them: login sessions, pause intervals with their reason and limit, last queue call.
 */
export class AgentPresence {
  readonly memberships = new Map<string, QueueMemberFacts>();
  session?: { loginAt: number };
  pause?: OpenPause;
  /** End of the last queue call (epoch ms) and its queue: wrap-up runs from here. */
  lastQueueCallEnd = 0;
  lastQueue?: string;

  constructor(
    readonly agentId: string,
    private readonly rules: RulesConfig,
    private readonly emit: (o: PresenceOutput) => void,
  ) {}

  get loggedIn(): boolean {
    return this.memberships.size > 0;
  }

  /** Paused in every queue it is in (a pause in one queue still leaves it taking calls). */
  get pausedEverywhere(): QueueMemberFacts | undefined {
    let first: QueueMemberFacts | undefined;
    for (const m of this.memberships.values()) {
      if (!m.paused) return undefined;
      if (!first || (!first.pausedReason && m.pausedReason)) first = m;
    }
    return first;
  }

  /**
   * After a restart: the login and the pause that were open when the process stopped (from the
   * store). The next resync keeps them if the PBX still shows them, else ends them then.
   */
  restoreOpen(
    session: { loginAt: number } | undefined,
    pause: { reason: string; startedAt: number; limitSeconds: number } | undefined,
  ): void {
    this.session ??= session;
    if (pause && !this.pause) this.pause = { ...pause, alerted: false };
  }

  memberUpdated(member: QueueMemberFacts, at: number): void {
    this.memberships.set(member.queue, member);
    if (member.lastCall > 0 && member.lastCall * 1000 > this.lastQueueCallEnd + 1000) {
      // Only a LastCall newer than what we saw ourselves (e.g. learnt at resync) moves it.
      this.lastQueueCallEnd = member.lastCall * 1000;
      this.lastQueue = member.queue;
    }
    this.afterChange(at, member.loginTime * 1000 || at);
  }

  memberRemoved(queue: string, at: number): void {
    if (!this.memberships.delete(queue)) return;
    this.afterChange(at, at);
  }

  /** Replaces every membership with what the PBX reports now (resync). */
  replaceMemberships(members: readonly QueueMemberFacts[], at: number): void {
    this.memberships.clear();
    for (const m of members) this.memberships.set(m.queue, m);
    let loginAt = at;
    for (const m of members) {
      if (m.lastCall * 1000 > this.lastQueueCallEnd + 1000) {
        this.lastQueueCallEnd = m.lastCall * 1000;
        this.lastQueue = m.queue;
      }
      // Logged in before we connected: the PBX's LoginTime says since when (a login we
      // already know, e.g. restored after a restart, keeps its own start).
      if (m.loginTime > 0) loginAt = Math.min(loginAt, m.loginTime * 1000);
    }
    // Paused before we connected: the latest LastPause among the queues is when it began.
    const lastPauses = members
      .filter((m) => m.paused && m.lastPause > 0)
      .map((m) => m.lastPause * 1000);
    this.afterChange(at, loginAt, lastPauses.length > 0 ? Math.max(...lastPauses) : at);
  }

  queueCallEnded(queue: string, at: number): void {
    if (at > this.lastQueueCallEnd) {
      this.lastQueueCallEnd = at;
      this.lastQueue = queue;
    }
  }

  /** Raises the over-limit alert once the open pause passes its limit. */
  checkPauseLimit(now: number): void {
    const pause = this.pause;
    if (!pause || pause.alerted) return;
    const limitAt = pause.startedAt + pause.limitSeconds * 1000;
    if (now > limitAt) {
      pause.alerted = true;
      this.emit({ type: 'pause-over-limit', pause: this.interval(pause, undefined), at: limitAt });
    }
  }

  /** `pausedSince`: when a pause we learn of now (from a snapshot) really began. */
  private afterChange(at: number, loginAt: number, pausedSince = at): void {
    if (this.loggedIn && !this.session) {
      this.session = { loginAt: Math.min(loginAt, at) };
      this.emit({
        type: 'session',
        session: { agentId: this.agentId, loginAt: this.session.loginAt },
      });
    }
    const paused = this.pausedEverywhere;
    if (paused && !this.pause) this.startPause(paused, Math.min(pausedSince, at));
    else if (!paused && this.pause) this.endPause(at);
    if (!this.loggedIn && this.session) {
      this.emit({
        type: 'session',
        session: { agentId: this.agentId, loginAt: this.session.loginAt, logoutAt: at },
      });
      this.session = undefined;
    }
  }

  private startPause(member: QueueMemberFacts, at: number): void {
    const reason = member.pausedReason;
    const limitSeconds =
      this.rules.pauses.limitsByReason[reason] ?? this.rules.pauses.defaultLimitSeconds;
    this.pause = { reason, startedAt: at, limitSeconds, alerted: false };
    this.emit({ type: 'pause-started', pause: this.interval(this.pause, undefined) });
  }

  private endPause(at: number): void {
    const pause = this.pause!;
    this.checkPauseLimit(at);
    this.pause = undefined;
    this.emit({ type: 'pause-ended', pause: this.interval(pause, at) });
  }

  private interval(pause: OpenPause, endedAt: number | undefined): PauseInterval {
    return {
      agentId: this.agentId,
      reason: pause.reason,
      startedAt: pause.startedAt,
      endedAt,
      limitSeconds: pause.limitSeconds,
      overLimit:
        endedAt === undefined
          ? pause.alerted
          : endedAt - pause.startedAt > pause.limitSeconds * 1000,
    };
  }
}
