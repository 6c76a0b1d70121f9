import { type RulesConfig } from './call-center-config';
import { type ChannelFact } from './call-graph';
import { isEffective } from './effective-rule';
import { localDay } from './local-day';
import { MultiIndex } from './multi-index';
import {
  type AgentLeg,
  type DialOutcome,
  type LegGap,
  type LegSettledFrom,
  type LegVia,
} from './outputs';
import { type DialStatus } from './telephony-event';

export interface OpenLeg {
  id: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  via: LegVia;
  transferredIn: boolean;
  queue?: string;
  customerNumber: string;
  customerUniqueid: string;
  agentUniqueid: string;
  linkedid: string;
  startedAt: number;
  answeredAt?: number;
  outcome?: DialOutcome;
  talkMs: number;
  openPairs: number;
  openSince?: number;
  /**
   * When the last contact closed. The leg ends when one of its channels hangs up or it is
   * transferred; until then it may reopen (Local optimisation) or learn of its transfer.
   */
  closedAt?: number;
  holds: number;
  holdMs: number;
  transferredOut?: 'blind' | 'attended';
  recorded: boolean;
}

const OUTCOME_OF_DIAL: Record<DialStatus, DialOutcome | undefined> = {
  ANSWER: 'answered',
  BUSY: 'busy',
  NOANSWER: 'noanswer',
  CANCEL: 'noanswer',
  CONGESTION: 'congestion',
  CHANUNAVAIL: 'failed',
  ABORT: 'failed',
  OTHER: undefined,
};

/** Open agent legs: their talk intervals, holds and transfers, until they end. */
export class LegBook {
  private readonly open = new Map<string, OpenLeg>();
  private readonly byAgent = new MultiIndex<string, OpenLeg>();
  /** By the leg's customer and agent channel uniqueids. */
  private readonly byChannel = new MultiIndex<string, OpenLeg>();
  readonly ruleVersion: string;

  constructor(
    private readonly rules: RulesConfig,
    private readonly timezone: string,
    private readonly onComplete: (leg: AgentLeg) => void,
  ) {
    this.ruleVersion = rules.version;
  }

  get openCount(): number {
    return this.open.size;
  }

  /** The agent's open legs, most recently answered first. */
  legsOf(agentId: string): OpenLeg[] {
    const legs = [...this.byAgent.get(agentId)];
    return legs.sort((a, b) => (b.answeredAt ?? b.startedAt) - (a.answeredAt ?? a.startedAt));
  }

  /** An agent's phone dials a customer. */
  dialStarted(
    agentId: string,
    agent: ChannelFact,
    customer: ChannelFact,
    number: string,
    at: number,
  ): void {
    const leg = this.create(agentId, agent, customer, 'outbound', 'dial', at);
    leg.customerNumber = number;
  }

  dialEnded(agentId: string, customerUniqueid: string, status: DialStatus, at: number): void {
    const leg = this.open.get(key(agentId, customerUniqueid));
    if (!leg || leg.outcome) return;
    const outcome = OUTCOME_OF_DIAL[status];
    if (!outcome) return;
    leg.outcome = outcome;
    if (outcome !== 'answered') this.complete(leg, at);
  }

  /** A queue connects a caller to the agent (AgentConnect). */
  queueConnected(
    agentId: string,
    agent: ChannelFact,
    customer: ChannelFact,
    queue: string,
    at: number,
  ): void {
    const leg =
      this.open.get(key(agentId, customer.uniqueid)) ??
      this.create(agentId, agent, customer, 'inbound', 'queue', at);
    leg.via = 'queue';
    leg.queue = queue;
    leg.outcome = 'answered';
  }

  /** `via`: the Local half the customer is reached through, which a dial or a queue named instead. */
  contactOpened(
    agentId: string,
    agent: ChannelFact,
    customer: ChannelFact,
    at: number,
    via?: string,
  ): void {
    let leg =
      this.open.get(key(agentId, customer.uniqueid)) ??
      (via ? this.moveToCustomer(agentId, via, customer) : undefined);
    if (!leg) {
      const direction = customer.origin === 'outbound' ? 'outbound' : 'inbound';
      leg = this.create(agentId, agent, customer, direction, 'direct', at);
      // A colleague who consulted with the first agent before taking the customer: their part
      // of the call began when they answered the consultation.
      if (leg.transferredIn && agent.upAt !== undefined && agent.upAt < at) {
        leg.startedAt = agent.upAt;
        leg.answeredAt = agent.upAt;
        leg.talkMs = at - agent.upAt;
      }
    }
    leg.openPairs++;
    if (leg.openPairs === 1) {
      leg.openSince = at;
      leg.closedAt = undefined;
      leg.answeredAt ??= at;
      leg.outcome = 'answered';
    }
    if (agent.recording || customer.recording) leg.recorded = true;
  }

  contactClosed(agentId: string, customerUniqueid: string, at: number, partyGone: boolean): void {
    const leg = this.open.get(key(agentId, customerUniqueid));
    if (!leg || leg.openPairs === 0) return;
    leg.openPairs--;
    if (leg.openPairs > 0) return;
    leg.talkMs += at - (leg.openSince ?? at);
    leg.openSince = undefined;
    leg.closedAt = at;
    if (partyGone || leg.transferredOut) this.complete(leg, at);
  }

  /** A channel hung up: legs waiting to see whether their contact reopens end now. */
  channelGone(uniqueid: string, at: number): void {
    for (const leg of [...this.byChannel.get(uniqueid)]) {
      if (leg.closedAt !== undefined) this.complete(leg, leg.closedAt);
      // Answered but never bridged (hung up as it was answered): nothing more will come for it.
      else if (leg.openPairs === 0 && leg.outcome !== undefined) this.complete(leg, at);
    }
  }

  recordingStarted(uniqueid: string): void {
    for (const leg of this.byChannel.get(uniqueid)) if (leg.openPairs > 0) leg.recorded = true;
  }

  holdEnded(agentId: string, ms: number): void {
    const leg = this.legsOf(agentId).find((l) => l.openPairs > 0);
    if (!leg) return;
    leg.holds++;
    leg.holdMs += ms;
  }

  transferredOut(agentId: string, kind: 'blind' | 'attended'): void {
    for (const leg of this.legsOf(agentId)) {
      if (leg.openPairs === 0 && leg.closedAt === undefined) continue;
      leg.transferredOut ??= kind;
      if (leg.closedAt !== undefined) this.complete(leg, leg.closedAt);
    }
  }

  /** Ends every open leg at `at`: the link was lost or the PBX restarted. */
  closeAll(at: number, gap: LegGap, keep?: (leg: OpenLeg) => boolean): void {
    for (const leg of [...this.open.values()]) {
      if (keep?.(leg)) continue;
      if (leg.openSince !== undefined) leg.talkMs += Math.max(0, at - leg.openSince);
      leg.openSince = undefined;
      this.complete(leg, leg.closedAt ?? at, gap);
    }
  }

  /**
   * Legs still talking when the link went down whose agent or customer channel is gone: the
   * resync settles each (see `settleGone`).
   */
  goneDuringGap(present: ReadonlySet<string>): OpenLeg[] {
    return [...this.open.values()].filter(
      (leg) =>
        leg.closedAt === undefined &&
        (!present.has(leg.agentUniqueid) || !present.has(leg.customerUniqueid)),
    );
  }

  /**
   * A caller first seen at a resync, already talking to agents from a queue: their legs are
   * queue legs (answered unseen, so from the contact's opening). Returns how many there are.
   */
  answeredFromQueueUnseen(customerUniqueid: string, queue: string): number {
    let count = 0;
    for (const leg of this.byChannel.get(customerUniqueid)) {
      if (leg.customerUniqueid !== customerUniqueid || leg.via !== 'direct') continue;
      leg.via = 'queue';
      leg.queue = queue;
      count++;
    }
    return count;
  }

  /** Ends a leg the link lost sight of at the instant the resync's answers give. */
  settleGone(leg: OpenLeg, endedAt: number, settledFrom: LegSettledFrom): void {
    if (leg.openSince !== undefined) leg.talkMs += Math.max(0, endedAt - leg.openSince);
    leg.openSince = undefined;
    this.complete(leg, endedAt, 'link-gap', settledFrom);
  }

  /**
   * A queue call the agent took and ended entirely inside a link gap: only the member's
   * `CallsTaken` tells it happened, so it counts with no talk time. `n` keeps ids apart.
   */
  unseenQueueCall(agentId: string, queue: string | undefined, at: number, n: number): void {
    this.onComplete({
      id: `${agentId}:unseen:${at}:${n}`,
      agentId,
      direction: 'inbound',
      via: 'queue',
      transferredIn: false,
      queue,
      customerNumber: '',
      customerUniqueid: '',
      agentUniqueid: '',
      linkedid: '',
      startedAt: at,
      answeredAt: at,
      endedAt: at,
      outcome: 'answered',
      talkSeconds: 0,
      holds: 0,
      holdSeconds: 0,
      recorded: false,
      effective: false,
      ruleVersion: this.rules.version,
      day: localDay(at, this.timezone),
      gap: 'link-gap',
      settledFrom: 'unseen',
    });
  }

  /** A leg started with the near half of a Local wire goes on with the real customer behind it. */
  private moveToCustomer(agentId: string, via: string, customer: ChannelFact): OpenLeg | undefined {
    const leg = this.open.get(key(agentId, via));
    if (!leg || leg.openPairs > 0) return undefined;
    this.forget(leg);
    leg.customerUniqueid = customer.uniqueid;
    this.remember(leg);
    customer.agentsMet.add(agentId);
    if (customer.origin === 'unknown') customer.origin = leg.direction;
    return leg;
  }

  private create(
    agentId: string,
    agent: ChannelFact,
    customer: ChannelFact,
    direction: 'inbound' | 'outbound',
    via: LegVia,
    at: number,
  ): OpenLeg {
    const transferredIn = [...customer.agentsMet].some((other) => other !== agentId);
    customer.agentsMet.add(agentId);
    const leg: OpenLeg = {
      // Built from Asterisk ids only, so a replay or a restart gives the same id: the store's key.
      id: `${agentId}:${customer.uniqueid}:${agent.uniqueid}`,
      agentId,
      direction,
      via: transferredIn && via === 'direct' ? 'transfer' : via,
      transferredIn,
      customerNumber: customer.number ?? customer.callerNum,
      customerUniqueid: customer.uniqueid,
      agentUniqueid: agent.uniqueid,
      linkedid: customer.linkedid,
      startedAt: at,
      talkMs: 0,
      openPairs: 0,
      holds: 0,
      holdMs: 0,
      recorded: agent.recording || customer.recording,
    };
    this.remember(leg);
    return leg;
  }

  private remember(leg: OpenLeg): void {
    this.open.set(key(leg.agentId, leg.customerUniqueid), leg);
    this.byAgent.add(leg.agentId, leg);
    this.byChannel.add(leg.customerUniqueid, leg);
    this.byChannel.add(leg.agentUniqueid, leg);
  }

  private forget(leg: OpenLeg): void {
    this.open.delete(key(leg.agentId, leg.customerUniqueid));
    this.byAgent.delete(leg.agentId, leg);
    this.byChannel.delete(leg.customerUniqueid, leg);
    this.byChannel.delete(leg.agentUniqueid, leg);
  }

  private complete(
    leg: OpenLeg,
    endedAt: number,
    gap?: LegGap,
    settledFrom?: LegSettledFrom,
  ): void {
    if (this.open.get(key(leg.agentId, leg.customerUniqueid)) !== leg) return;
    this.forget(leg);
    const outcome = leg.outcome ?? (leg.answeredAt !== undefined ? 'answered' : 'failed');
    const talkSeconds = Math.round(leg.talkMs) / 1000;
    const answered = outcome === 'answered' && leg.answeredAt !== undefined;
    this.onComplete({
      id: leg.id,
      agentId: leg.agentId,
      direction: leg.direction,
      via: leg.via,
      transferredIn: leg.transferredIn,
      queue: leg.queue,
      customerNumber: leg.customerNumber,
      customerUniqueid: leg.customerUniqueid,
      agentUniqueid: leg.agentUniqueid,
      linkedid: leg.linkedid,
      startedAt: leg.startedAt,
      answeredAt: leg.answeredAt,
      endedAt,
      outcome,
      talkSeconds,
      holds: leg.holds,
      holdSeconds: Math.round(leg.holdMs) / 1000,
      transferredOut: leg.transferredOut,
      recorded: leg.recorded,
      effective: isEffective({ direction: leg.direction, answered, talkSeconds }, this.rules),
      ruleVersion: this.rules.version,
      day: localDay(leg.answeredAt ?? leg.startedAt, this.timezone),
      gap,
      settledFrom,
    });
  }
}

function key(agentId: string, customerUniqueid: string): string {
  return `${agentId}|${customerUniqueid}`;
}
