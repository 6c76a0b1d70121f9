import { deviceKeyOf, isLocalChannel } from './channel-name';
import { MultiIndex } from './multi-index';
import { type ChannelSnapshot } from './telephony-event';

const UP = 6;
/** How long a hung-up uniqueid is remembered, to ignore late events about it. */
const ENDED_MEMORY_MS = 5 * 60_000;

/** Where a non-agent channel came from: decides the direction of the legs it takes part in. */
export type ChannelOrigin = 'inbound' | 'outbound' | 'unknown';

export interface ChannelFact {
  readonly uniqueid: string;
  name: string;
  deviceKey: string;
  /** The agent whose phone this channel is, if any. */
  agentId?: string;
  linkedid: string;
  state: number;
  callerNum: string;
  callerName: string;
  exten: string;
  createdAt: number;
  bridgeId?: string;
  /** The other half of a Local channel pair. */
  localPartner?: string;
  origin: ChannelOrigin;
  /** Open hold: since when, and whether the channel has moved to another bridge meanwhile. */
  holdSince?: number;
  holdMovedBridge?: boolean;
  recording: boolean;
  /** When the channel was first seen Up (answered). */
  upAt?: number;
  /** The customer's number for legs with this channel: dialed number or caller id. */
  number?: string;
  /** Agents this (customer) channel has already had a leg with: tells a transfer. */
  agentsMet: Set<string>;
}

/** A connection between an agent channel and another party (customer or another agent). */
export interface Contact {
  readonly agentUniqueid: string;
  readonly otherUniqueid: string;
  /** The Local half, next to the agent channel, of the wire the other party was reached through. */
  readonly via?: string;
}

/** Channels and bridges, and which agent channels are connected to whom. */
export class CallGraph {
  readonly channels = new Map<string, ChannelFact>();
  private readonly bridges = new Map<string, Set<string>>();
  /** agent channel uniqueid → the parties it is connected with. */
  private readonly contacts = new Map<string, Set<string>>();
  /** The reverse: party uniqueid → agent channels connected to it. */
  private readonly contactsTo = new MultiIndex<string, string>();
  /** agent id → its live channels, so an agent's state never scans every channel. */
  private readonly byAgent = new MultiIndex<string, string>();
  /** Channels hung up lately (uniqueid → when): a late or repeated event must not revive one. */
  private readonly ended = new Map<string, number>();

  constructor(private readonly agentOfDevice: (deviceKey: string) => string | undefined) {}

  upsert(snap: ChannelSnapshot, at: number): ChannelFact {
    let ch = this.channels.get(snap.uniqueid);
    if (!ch) {
      const deviceKey = deviceKeyOf(snap.channel);
      ch = {
        uniqueid: snap.uniqueid,
        name: snap.channel,
        deviceKey,
        agentId: this.agentOfDevice(deviceKey),
        linkedid: snap.linkedid,
        state: snap.state,
        callerNum: snap.callerNum,
        callerName: snap.callerName,
        exten: snap.exten,
        createdAt: at,
        origin: 'unknown',
        recording: false,
        agentsMet: new Set(),
      };
      // A DialEnd after the callee's Hangup (another Stasis topic), or an event replayed after
      // a resync: the caller gets the facts, the graph keeps no ghost channel.
      if (this.ended.has(snap.uniqueid)) return ch;
      this.channels.set(snap.uniqueid, ch);
      this.index(ch);
      if (snap.state === UP) ch.upAt = at;
      return ch;
    }
    if (snap.state === UP) ch.upAt ??= at;
    if (snap.linkedid) ch.linkedid = snap.linkedid;
    ch.state = snap.state;
    if (snap.callerNum) ch.callerNum = snap.callerNum;
    if (snap.exten) ch.exten = snap.exten;
    return ch;
  }

  rename(uniqueid: string, newName: string): void {
    const ch = this.channels.get(uniqueid);
    if (!ch) return;
    this.unindex(ch);
    ch.name = newName;
    ch.deviceKey = deviceKeyOf(newName);
    ch.agentId = this.agentOfDevice(ch.deviceKey);
    this.index(ch);
  }

  channelsOfAgent(agentId: string): ChannelFact[] {
    const found: ChannelFact[] = [];
    for (const id of this.byAgent.get(agentId)) {
      const ch = this.channels.get(id);
      if (ch) found.push(ch);
    }
    return found;
  }

  private index(ch: ChannelFact): void {
    if (ch.agentId) this.byAgent.add(ch.agentId, ch.uniqueid);
  }

  private unindex(ch: ChannelFact): void {
    if (ch.agentId) this.byAgent.delete(ch.agentId, ch.uniqueid);
  }

  pairLocal(one: string, two: string): void {
    const a = this.channels.get(one);
    const b = this.channels.get(two);
    if (a) a.localPartner = two;
    if (b) b.localPartner = one;
  }

  enterBridge(bridgeId: string, uniqueid: string): void {
    const ch = this.channels.get(uniqueid);
    if (!ch) return;
    // Entering the bridge it is already in (a resync, a repeated event) is no move.
    if (ch.holdSince !== undefined && ch.bridgeId !== bridgeId) ch.holdMovedBridge = true;
    if (ch.bridgeId && ch.bridgeId !== bridgeId) this.leaveBridge(ch.bridgeId, uniqueid);
    ch.bridgeId = bridgeId;
    let members = this.bridges.get(bridgeId);
    if (!members) this.bridges.set(bridgeId, (members = new Set()));
    members.add(uniqueid);
  }

  leaveBridge(bridgeId: string, uniqueid: string): void {
    const members = this.bridges.get(bridgeId);
    members?.delete(uniqueid);
    if (members && members.size === 0) this.bridges.delete(bridgeId);
    const ch = this.channels.get(uniqueid);
    if (ch && ch.bridgeId === bridgeId) ch.bridgeId = undefined;
  }

  get recentlyEndedCount(): number {
    return this.ended.size;
  }

  hasEnded(uniqueid: string): boolean {
    return this.ended.has(uniqueid);
  }

  remove(uniqueid: string, at: number): void {
    const ch = this.channels.get(uniqueid);
    if (!ch) return;
    this.ended.set(uniqueid, at);
    for (const [id, endedAt] of this.ended) {
      if (endedAt >= at - ENDED_MEMORY_MS) break;
      this.ended.delete(id);
    }
    if (ch.bridgeId) this.leaveBridge(ch.bridgeId, uniqueid);
    if (ch.localPartner) {
      const partner = this.channels.get(ch.localPartner);
      if (partner && partner.localPartner === uniqueid) partner.localPartner = undefined;
    }
    this.unindex(ch);
    this.channels.delete(uniqueid);
  }

  contactsOf(agentUniqueid: string): ReadonlySet<string> | undefined {
    return this.contacts.get(agentUniqueid);
  }

  /**
   * Recomputes the contacts of every agent channel that an event in `bridgeId` (and the
   * channel `touched`) may have changed, and reports the contacts that opened and closed.
   */
  refresh(
    bridgeIds: readonly (string | undefined)[],
    touched: readonly string[],
  ): { opened: Contact[]; closed: Contact[] } {
    const agentChannels = new Set<string>();
    for (const uniqueid of touched) {
      if (this.contacts.has(uniqueid)) agentChannels.add(uniqueid);
      const ch = this.channels.get(uniqueid);
      if (ch?.agentId) agentChannels.add(uniqueid);
    }
    for (const bridgeId of this.component(bridgeIds)) {
      for (const uniqueid of this.bridges.get(bridgeId) ?? []) {
        if (this.channels.get(uniqueid)?.agentId) agentChannels.add(uniqueid);
      }
    }
    // Contacts pointing at a touched channel from outside the component must be rechecked too.
    for (const uniqueid of touched)
      for (const agentUniqueid of this.contactsTo.get(uniqueid)) agentChannels.add(agentUniqueid);
    const opened: Contact[] = [];
    const closed: Contact[] = [];
    for (const agentUniqueid of agentChannels) {
      const before = this.contacts.get(agentUniqueid) ?? new Set<string>();
      const after = this.partiesOf(agentUniqueid);
      for (const [other, via] of after) {
        if (before.has(other)) continue;
        opened.push({ agentUniqueid, otherUniqueid: other, via });
        this.contactsTo.add(other, agentUniqueid);
      }
      for (const other of before) {
        if (after.has(other)) continue;
        closed.push({ agentUniqueid, otherUniqueid: other });
        this.contactsTo.delete(other, agentUniqueid);
      }
      if (after.size > 0) {
        this.contacts.set(agentUniqueid, new Set(after.keys()));
      } else this.contacts.delete(agentUniqueid);
    }
    return { opened, closed };
  }

  /** Drops every channel, bridge and contact: the PBX restarted. */
  clear(at: number): Contact[] {
    // Their late end events (a Hangup after the Shutdown) must not bring them back.
    for (const uniqueid of this.channels.keys()) this.ended.set(uniqueid, at);
    const closed: Contact[] = [];
    for (const [agentUniqueid, others] of this.contacts) {
      for (const otherUniqueid of others) closed.push({ agentUniqueid, otherUniqueid });
    }
    this.contacts.clear();
    this.contactsTo.clear();
    this.bridges.clear();
    this.channels.clear();
    this.byAgent.clear();
    return closed;
  }

  /** Bridges reachable from the given ones through Local channel pairs (wires). */
  private component(start: readonly (string | undefined)[]): Set<string> {
    const seen = new Set<string>();
    const todo = start.filter((b): b is string => !!b);
    while (todo.length) {
      const bridgeId = todo.pop()!;
      if (seen.has(bridgeId)) continue;
      seen.add(bridgeId);
      for (const uniqueid of this.bridges.get(bridgeId) ?? []) {
        const partnerBridge = this.wirePartner(uniqueid)?.bridgeId;
        if (partnerBridge && !seen.has(partnerBridge)) todo.push(partnerBridge);
      }
    }
    return seen;
  }

  /** A Local half that is not an agent's phone and whose other half is bridged: a wire. */
  private wirePartner(uniqueid: string): ChannelFact | undefined {
    const ch = this.channels.get(uniqueid);
    if (!ch || ch.agentId || !ch.localPartner || !isLocalChannel(ch.name)) return undefined;
    const partner = this.channels.get(ch.localPartner);
    return partner?.bridgeId ? partner : undefined;
  }

  /** The real parties an agent channel is bridged with, looking through Local wires. */
  private partiesOf(agentUniqueid: string): Map<string, string | undefined> {
    /** party → the wire it was reached through, if any */
    const parties = new Map<string, string | undefined>();
    const self = this.channels.get(agentUniqueid);
    if (!self?.bridgeId) return parties;
    const seenBridges = new Set<string>([self.bridgeId]);
    const todo: [string, string | undefined][] = [...(this.bridges.get(self.bridgeId) ?? [])].map(
      (u) => [u, undefined],
    );
    const seenChannels = new Set<string>([agentUniqueid]);
    while (todo.length) {
      const [uniqueid, via] = todo.pop()!;
      if (seenChannels.has(uniqueid)) continue;
      seenChannels.add(uniqueid);
      const ch = this.channels.get(uniqueid);
      if (!ch) continue;
      const partner = this.wirePartner(uniqueid);
      if (partner && partner.bridgeId && !seenBridges.has(partner.bridgeId)) {
        seenBridges.add(partner.bridgeId);
        seenChannels.add(partner.uniqueid);
        for (const member of this.bridges.get(partner.bridgeId) ?? [])
          todo.push([member, via ?? uniqueid]);
        continue;
      }
      if (ch.agentId !== self.agentId || !ch.agentId) parties.set(uniqueid, via);
    }
    return parties;
  }
}
