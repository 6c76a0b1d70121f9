import { AgentDirectory } from './agent-directory';
import { type AgentPresence, type PresenceOutput } from './agent-presence';
import { AgentStates } from './agent-states';
import { deriveAgentStatus } from './agent-status';
import { type CallCenterConfig } from './call-center-config';
import { CallGraph, type ChannelFact, type Contact } from './call-graph';
import { DayBook } from './day-book';
import { settleAgentGap, tallyMembers } from './gap-settlement';
import { type DialContext, dialBegan, dialEnded } from './dial-events';
import { LegBook, type OpenLeg } from './leg-book';
import { localDay, nextLocalMidnight } from './local-day';
import {
  type AgentLeg,
  type AgentSession,
  type AgentState,
  type CoreOutput,
  type InternalCall,
  type PauseInterval,
} from './outputs';
import { phoneActivityOf } from './phone-activity';
import { PhoneSignals } from './phone-signals';
import { Presences } from './presences';
import { QueueBoard } from './queue-board';
import { type PbxSnapshot } from './pbx-snapshot';
import { type ChannelSnapshot, type TelephonyEvent } from './telephony-event';

/** Previous days stay in memory this long after midnight: a call across it may still end. */
const PAST_DAYS_GRACE_MS = 30 * 60_000;

/** Sizes of the core's structures that grow with traffic (see CallCenterCore.stats). */
export interface CoreStats {
  /** Agent-days held in the day book (today's, plus yesterday's for half an hour after midnight). */
  readonly agentDays: number;
  /** Completed legs held in those agent-days. */
  readonly dayLegs: number;
  readonly channels: number;
  readonly recentlyEndedChannels: number;
  readonly openLegs: number;
  readonly queueEntries: number;
}

/** A day as the store gives it back. */
export interface RestoredDayRecords {
  readonly legs: readonly AgentLeg[];
  readonly pauses: readonly PauseInterval[];
  readonly sessions: readonly AgentSession[];
  readonly internalCalls: readonly InternalCall[];
}

/** Queue calls that began and ended inside a link gap, and Asterisk's unseen completions. */
interface UnseenCalls {
  readonly calls: readonly { agentId: string; queues: readonly string[]; at: number }[];
  readonly byQueue: Map<string, number>;
}

/** One of a queue's unseen completions is accounted for. */
function takeOne(unseenByQueue: Map<string, number>, queue: string | undefined): void {
  if (queue) unseenByQueue.set(queue, (unseenByQueue.get(queue) ?? 0) - 1);
}

/** A PBX whose boot instant moved by more than this restarted. */
const RESTART_TOLERANCE_MS = 5_000;

/**
 * The call center's live state, derived from telephony events and time alone. Feed it the same
 * events and instants and it gives the same outputs: replay, resync and restart rely on that.
 */
export class CallCenterCore {
  readonly directory: AgentDirectory;
  readonly graph: CallGraph;
  readonly legs: LegBook;
  readonly queues: QueueBoard;
  readonly days: DayBook;
  private readonly presence: Presences;
  private readonly phones = new PhoneSignals();
  private readonly agentStates: AgentStates;
  private readonly dials: DialContext;
  private readonly wrapUpSeconds = new Map<string, number>();
  /** Each agent's `CallsTaken` as last reported: a resync's growth tells calls ended unseen. */
  private readonly callsTaken = new Map<string, number>();
  private now = 0;
  /** End of the current local day: queue figures are per day. */
  private dayEndsAt = 0;
  /** When the previous days' books are dropped (a grace after midnight, for calls across it). */
  private forgetDaysAt = Infinity;
  private bootedAt?: number;
  private resyncing = false;

  constructor(
    private readonly config: CallCenterConfig,
    private readonly emit: (output: CoreOutput) => void = () => undefined,
  ) {
    this.directory = new AgentDirectory(config);
    this.graph = new CallGraph((device) => this.directory.agentOfDevice(device));
    this.days = new DayBook(config, this.directory);
    this.legs = new LegBook(config.rules, config.timezone, (leg) => this.legCompleted(leg));
    this.queues = new QueueBoard(config.queues);
    for (const q of config.queues) this.wrapUpSeconds.set(q.name, q.wrapUpSeconds);
    this.dials = {
      graph: this.graph,
      phones: this.phones,
      legs: this.legs,
      days: this.days,
      emit: (o) => this.emit(o),
      touch: (ch) => this.touchAgent(ch),
    };
    this.presence = new Presences(this.directory, config.rules, (o) => this.presenceOutput(o));
    this.agentStates = new AgentStates(
      config.agents.map((a) => a.id),
      (agentId, now) =>
        deriveAgentStatus(
          this.presence.get(agentId)!,
          phoneActivityOf(agentId, this.graph, this.legs, this.phones),
          (q) => this.wrapUpSeconds.get(q) ?? 0,
          config.rules,
          now,
        ),
      (agentId, state) =>
        this.emit({ type: 'agent-state', agentId, state, resync: this.resyncing }),
    );
  }

  get clock(): number {
    return this.now;
  }

  /** Sizes of the core's growing structures, for memory checks and soak runs (read-only). */
  stats(): CoreStats {
    return {
      agentDays: this.days.size,
      dayLegs: this.days.legCount,
      channels: this.graph.channels.size,
      recentlyEndedChannels: this.graph.recentlyEndedCount,
      openLegs: this.legs.openCount,
      queueEntries: this.queues.entryCount,
    };
  }

  apply(event: TelephonyEvent): void {
    this.advanceTo(event.at);
    this.dispatch(event);
    this.agentStates.flush(this.now);
  }

  /**
   * Moves time on. Wrap-up ends and pause limits fall due at their own instant (a state that
   * changes then is stamped with that instant, not with whenever time was next observed).
   */
  advanceTo(now: number): void {
    if (now < this.now) return;
    let due: { at: number; agentId: string } | undefined;
    while ((due = this.agentStates.popDue(now))) {
      this.now = Math.max(this.now, due.at);
      this.presence.get(due.agentId)?.checkPauseLimit(due.at);
      this.agentStates.flush(this.now);
    }
    this.now = now;
    if (now >= this.dayEndsAt) {
      if (this.dayEndsAt > 0) {
        this.queues.resetDay();
        this.forgetDaysAt = this.dayEndsAt + PAST_DAYS_GRACE_MS;
      }
      this.dayEndsAt = nextLocalMidnight(now, this.config.timezone);
    }
    if (now >= this.forgetDaysAt) {
      // The store has them (past days are read from the archive): memory keeps today only.
      this.days.forgetBefore(localDay(now, this.config.timezone));
      this.forgetDaysAt = Infinity;
    }
    this.agentStates.flush(this.now);
  }

  /** Rebuilds live state from what the PBX reports after a (re)connect. */
  applySnapshot(snapshot: PbxSnapshot): void {
    this.advanceTo(snapshot.at);
    this.resyncing = true;
    this.queues.replaceWaiting(snapshot.waiting, snapshot.at);
    const present = new Set(snapshot.channels.map((c) => c.channel.uniqueid));
    // A contact first seen now began at the latest when the link went down.
    const gapStart = snapshot.linkDownAt ?? snapshot.at;
    const unseen = this.settleGap(present, snapshot, gapStart);
    for (const uniqueid of [...this.graph.channels.keys()]) {
      if (!present.has(uniqueid)) this.channelGone(uniqueid, gapStart, 'link-gap');
    }
    const inQueueBridged: { uniqueid: string; queue: string }[] = [];
    for (const { channel, bridgeId, ageSeconds, queue } of snapshot.channels) {
      const known = this.graph.channels.has(channel.uniqueid);
      if (queue && bridgeId) inQueueBridged.push({ uniqueid: channel.uniqueid, queue });
      const ch = this.graph.upsert(channel, snapshot.at - ageSeconds * 1000);
      if (!known && !ch.agentId) ch.origin = 'unknown';
      this.touchAgent(ch);
      const previousBridge = ch.bridgeId;
      if (bridgeId) this.graph.enterBridge(bridgeId, channel.uniqueid);
      else if (previousBridge) this.graph.leaveBridge(previousBridge, channel.uniqueid);
      this.refreshContacts([bridgeId, previousBridge], [channel.uniqueid], gapStart);
    }
    // Callers answered from a queue while the link was down (or before we started): the
    // contact just opened as a direct one, Asterisk says it is the queue's.
    for (const { uniqueid, queue } of inQueueBridged)
      if (this.legs.answeredFromQueueUnseen(uniqueid, queue) > 0)
        this.queues.connectedUnseen(queue, uniqueid);
    this.countUnseen(unseen);
    this.presence.replaceAll(snapshot.members, snapshot.at);
    for (const presence of this.presence.all()) this.agentStates.touch(presence.agentId);
    this.queues.resyncDone();
    for (const q of this.queues.queueNames()) this.emit({ type: 'queue-changed', queue: q });
    this.agentStates.flush(this.now);
    this.resyncing = false;
  }

  /**
   * Legs whose channels went away while the link was down end where the resync's member rows
   * say (gap-settlement.ts); queue calls that began and ended unseen are counted without talk.
   */
  private settleGap(
    present: ReadonlySet<string>,
    snapshot: PbxSnapshot,
    gapStart: number,
  ): UnseenCalls {
    const tallies = tallyMembers(snapshot.members, (i) => this.directory.agentOfInterface(i));
    const unseenInQueue = this.queues.completionsUnseen(snapshot.completions ?? []);
    const goneByAgent = new Map<string, OpenLeg[]>();
    for (const leg of this.legs.goneDuringGap(present))
      goneByAgent.set(leg.agentId, [...(goneByAgent.get(leg.agentId) ?? []), leg]);
    const unseenCalls: { agentId: string; queues: readonly string[]; at: number }[] = [];
    for (const agentId of new Set([...goneByAgent.keys(), ...tallies.keys()])) {
      const gone = goneByAgent.get(agentId) ?? [];
      const member = tallies.get(agentId);
      const { ends, unseen } = settleAgentGap(gone, this.callsTaken.get(agentId), member, gapStart);
      gone.forEach((leg, i) => {
        if (leg.via === 'queue') takeOne(unseenInQueue, leg.queue);
        this.legs.settleGone(leg, ends[i]!.endedAt, ends[i]!.settledFrom);
      });
      if (member) this.callsTaken.set(agentId, member.callsTaken);
      const at = Math.max(member?.lastCallAt ?? 0, gapStart);
      for (let n = 0; n < unseen; n++) unseenCalls.push({ agentId, queues: member!.queues, at });
    }
    return { calls: unseenCalls, byQueue: unseenInQueue };
  }

  /** Counts the calls `settleGap` found, once callers still up have claimed their queue entry. */
  private countUnseen({ calls, byQueue }: UnseenCalls): void {
    // CallsTaken is per member: a member of several queues took its unseen call in the one
    // whose Completed count grew unseen.
    const seq = new Map<string, number>();
    for (const { agentId, queues, at } of calls) {
      const queue = queues.length === 1 ? queues[0] : queues.find((q) => (byQueue.get(q) ?? 0) > 0);
      takeOne(byQueue, queue);
      const n = seq.get(agentId) ?? 0;
      seq.set(agentId, n + 1);
      this.legs.unseenQueueCall(agentId, queue, at, n);
      if (queue) this.queues.answeredUnseen(queue);
    }
  }

  /**
   * Seeds a day from the store after a restart, before the first resync: completed calls count
   * once (by id) even if seen again, and open logins and pauses keep their real start.
   */
  restoreDay(day: RestoredDayRecords): void {
    for (const leg of day.legs) this.days.legCompleted(leg);
    for (const call of day.internalCalls) this.days.restoreInternalCall(call);
    for (const pause of day.pauses) if (pause.endedAt !== undefined) this.days.pauseEnded(pause);
    for (const session of day.sessions) this.days.session(session);
    for (const pause of this.presence.restoreOpen(day.sessions, day.pauses)) {
      this.agentStates.dueAt(pause.startedAt + pause.limitSeconds * 1000 + 1, pause.agentId);
    }
  }

  agentState(agentId: string): AgentState | undefined {
    return this.agentStates.get(agentId);
  }

  agentPresence(agentId: string): AgentPresence | undefined {
    return this.presence.get(agentId);
  }

  private dispatch(e: TelephonyEvent): void {
    switch (e.type) {
      case 'channel-created':
      case 'channel-state':
        this.touchAgent(this.graph.upsert(e.channel, e.at));
        return;
      case 'channel-renamed':
        this.graph.rename(e.uniqueid, e.newName);
        return;
      case 'hangup-requested':
        return;
      case 'channel-hungup':
        this.channelGone(e.channel.uniqueid, e.at);
        return;
      case 'dial-begin':
        return dialBegan(this.dials, e.caller, e.dest, e.at);
      case 'dial-end':
        return dialEnded(this.dials, e.caller, e.dest, e.status, e.at);
      case 'bridge-enter': {
        const ch = this.graph.upsert(e.channel, e.at);
        const previous = ch.bridgeId;
        this.graph.enterBridge(e.bridgeId, ch.uniqueid);
        this.touchAgent(ch);
        this.refreshContacts([e.bridgeId, previous], [ch.uniqueid], e.at);
        return;
      }
      case 'bridge-leave':
        this.graph.leaveBridge(e.bridgeId, e.channel.uniqueid);
        this.touchAgent(this.graph.channels.get(e.channel.uniqueid));
        this.refreshContacts([e.bridgeId], [e.channel.uniqueid], e.at);
        return;
      case 'local-bridge':
        this.graph.pairLocal(e.one, e.two);
        return;
      case 'hold': {
        const ch = this.graph.channels.get(e.uniqueid);
        if (ch && ch.holdSince === undefined) {
          ch.holdSince = e.at;
          ch.holdMovedBridge = false;
        }
        this.touchAgent(ch);
        return;
      }
      case 'unhold':
        this.endHold(this.graph.channels.get(e.uniqueid), e.at);
        return;
      case 'member-updated': {
        const agentId = this.presence.memberUpdated(e.member, e.at);
        if (agentId) this.callsTaken.set(agentId, e.member.callsTaken);
        this.agentStates.touch(agentId);
        return;
      }
      case 'member-removed':
        this.agentStates.touch(this.presence.memberRemoved(e.queue, e.interface, e.at));
        return;
      case 'caller-joined': {
        if (this.graph.hasEnded(e.caller.uniqueid)) return;
        const caller = this.graph.upsert(e.caller, e.at);
        caller.origin = caller.origin === 'outbound' ? 'outbound' : 'inbound';
        caller.number ??= e.caller.callerNum;
        this.queues.joined(e.queue, caller.uniqueid, e.at, caller.agentsMet.size > 0);
        this.emit({ type: 'queue-changed', queue: e.queue });
        return;
      }
      case 'caller-left':
        this.queues.left(e.uniqueid, e.at);
        this.emit({ type: 'queue-changed', queue: e.queue });
        return;
      case 'caller-abandoned':
        this.queues.abandoned(e.queue, e.uniqueid);
        this.emit({ type: 'queue-changed', queue: e.queue });
        return;
      case 'agent-called':
        this.phones.queueRung(e.destUniqueid);
        this.markAgentOfInterface(e.interface);
        return;
      case 'agent-ring-no-answer':
        this.phones.stopRinging(e.destUniqueid);
        this.queues.ringOut(e.callerUniqueid, e.interface);
        this.markAgentOfInterface(e.interface);
        return;
      case 'agent-connected':
        return this.agentConnected(e.queue, e.interface, e.caller, e.destUniqueid, e.at);
      case 'agent-completed': {
        const agentId = this.directory.agentOfInterface(e.interface);
        this.queues.completed(e.queue, e.callerUniqueid, e.talkSeconds, e.reason);
        if (agentId) {
          this.presence.get(agentId)!.queueCallEnded(e.queue, e.at);
          this.agentStates.touch(agentId);
        }
        this.emit({ type: 'queue-changed', queue: e.queue });
        return;
      }
      case 'recording-started':
      case 'recording-stopped': {
        const ch = this.graph.channels.get(e.uniqueid);
        if (!ch) return;
        ch.recording = e.type === 'recording-started';
        if (!ch.recording) return;
        this.legs.recordingStarted(ch.uniqueid);
        this.emit({
          type: 'recording-started',
          recording: { uniqueid: ch.uniqueid, linkedid: ch.linkedid, channel: ch.name, at: e.at },
        });
        return;
      }
      case 'transfer': {
        const ch = this.graph.channels.get(e.transfererUniqueid);
        if (e.success && ch?.agentId) this.legs.transferredOut(ch.agentId, e.kind);
        return;
      }
      case 'device-state':
        return;
      case 'pbx-booted':
        return this.pbxBooted(e.at - e.uptimeSeconds * 1000, e.at);
      case 'pbx-shutdown':
        return this.pbxRestarted(e.at);
    }
  }

  private agentConnected(
    queue: string,
    iface: string,
    callerSnap: ChannelSnapshot,
    destUniqueid: string,
    at: number,
  ): void {
    // The member channel stays 'rung' until it is bridged with the caller (contactOpened), so
    // the agent does not show available between AgentConnect and the BridgeEnter that follows.
    const agentId = this.directory.agentOfInterface(iface);
    const caller = this.graph.upsert(callerSnap, at);
    caller.origin = caller.origin === 'outbound' ? 'outbound' : 'inbound';
    if (agentId && !this.graph.hasEnded(caller.uniqueid)) {
      const agentChannel = this.graph.channels.get(destUniqueid) ?? caller;
      this.legs.queueConnected(agentId, agentChannel, caller, queue, at);
      this.agentStates.touch(agentId);
    }
    this.queues.connected(queue, caller.uniqueid, iface, at);
    this.emit({ type: 'queue-changed', queue });
  }

  private refreshContacts(
    bridgeIds: (string | undefined)[],
    touched: string[],
    at: number,
    gone?: string,
  ): void {
    const { opened, closed } = this.graph.refresh(bridgeIds, touched);
    for (const c of closed) this.contactClosed(c, at, gone);
    for (const c of opened) this.contactOpened(c, at);
  }

  private contactOpened(c: Contact, at: number): void {
    const agentCh = this.graph.channels.get(c.agentUniqueid);
    const other = this.graph.channels.get(c.otherUniqueid);
    if (!agentCh?.agentId || !other) return;
    this.phones.stopRinging(agentCh.uniqueid);
    this.agentStates.touch(agentCh.agentId);
    if (other.agentId) {
      this.agentStates.touch(other.agentId);
      return;
    }
    this.legs.contactOpened(agentCh.agentId, agentCh, other, at, c.via);
  }

  private contactClosed(c: Contact, at: number, gone?: string): void {
    const agentCh = this.graph.channels.get(c.agentUniqueid);
    const other = this.graph.channels.get(c.otherUniqueid);
    if (agentCh?.agentId) this.agentStates.touch(agentCh.agentId);
    if (other?.agentId) {
      this.agentStates.touch(other.agentId);
      return;
    }
    const agentId = agentCh?.agentId;
    if (!agentId) return;
    const partyGone = gone === c.agentUniqueid || gone === c.otherUniqueid || !other;
    this.legs.contactClosed(agentId, c.otherUniqueid, at, partyGone);
  }

  private channelGone(uniqueid: string, at: number, gap?: 'link-gap'): void {
    const ch = this.graph.channels.get(uniqueid);
    if (!ch) return;
    this.endHold(ch, at);
    this.touchAgent(ch);
    // Gone unseen (link gap): its legs end marked so, before the contact close would end them plainly.
    if (gap)
      this.legs.closeAll(
        at,
        gap,
        (leg) => leg.agentUniqueid !== uniqueid && leg.customerUniqueid !== uniqueid,
      );
    const bridgeId = ch.bridgeId;
    if (bridgeId) this.graph.leaveBridge(bridgeId, uniqueid);
    this.refreshContacts([bridgeId], [uniqueid], at, uniqueid);
    this.legs.channelGone(uniqueid, at);
    this.phones.forget(uniqueid);
    this.queues.callerGone(uniqueid);
    this.graph.remove(uniqueid, at);
  }

  private endHold(ch: ChannelFact | undefined, at: number): void {
    if (!ch || ch.holdSince === undefined) return;
    // A hold during which the agent went to another bridge was an attended transfer's consultation.
    if (ch.agentId && !ch.holdMovedBridge) this.legs.holdEnded(ch.agentId, at - ch.holdSince);
    ch.holdSince = undefined;
    ch.holdMovedBridge = false;
    this.touchAgent(ch);
  }

  private pbxBooted(bootedAt: number, at: number): void {
    if (this.bootedAt !== undefined && bootedAt - this.bootedAt > RESTART_TOLERANCE_MS)
      this.pbxRestarted(at);
    this.bootedAt = bootedAt;
  }

  /** Every call the core knew ended with the PBX. */
  private pbxRestarted(at: number): void {
    for (const ch of this.graph.channels.values()) this.touchAgent(ch);
    // Legs first: one still on hold ends its hold with it (the graph knows the held channels).
    this.legs.closeAll(at, 'pbx-restart');
    this.callsTaken.clear();
    this.graph.clear(at);
    this.phones.clear();
    this.emit({ type: 'pbx-restarted', at });
  }

  private legCompleted(ended: AgentLeg): void {
    const leg = this.withOpenHold(ended);
    this.days.legCompleted(leg);
    this.agentStates.touch(leg.agentId);
    this.emit({ type: 'call-completed', leg });
  }

  /** A hold still open when its leg ends (the customer hung up on hold) ends with the leg. */
  private withOpenHold(leg: AgentLeg): AgentLeg {
    for (const ch of this.graph.channelsOfAgent(leg.agentId)) {
      if (ch.holdSince === undefined || ch.holdMovedBridge) continue;
      if (ch.linkedid !== leg.linkedid && ch.uniqueid !== leg.agentUniqueid) continue;
      const holdMs = Math.max(0, leg.endedAt - ch.holdSince);
      ch.holdSince = undefined;
      return {
        ...leg,
        holds: leg.holds + 1,
        holdSeconds: Math.round(leg.holdSeconds * 1000 + holdMs) / 1000,
      };
    }
    return leg;
  }

  private presenceOutput(o: PresenceOutput): void {
    if (o.type === 'pause-started') {
      // The alert is due once the limit is passed, not at the limit itself.
      this.agentStates.dueAt(o.pause.startedAt + o.pause.limitSeconds * 1000 + 1, o.pause.agentId);
    }
    if (o.type === 'pause-ended') this.days.pauseEnded(o.pause);
    if (o.type === 'session') this.days.session(o.session);
    this.emit(o);
  }

  private touchAgent(ch: ChannelFact | undefined): void {
    if (ch?.agentId) this.agentStates.touch(ch.agentId);
  }

  private markAgentOfInterface(iface: string): void {
    const agentId = this.directory.agentOfInterface(iface);
    if (agentId) this.agentStates.touch(agentId);
  }
}
