import { type CallCenterConfig } from '../call-center-config';
import { CallCenterCore } from '../call-center-core';
import { type CoreOutput } from '../outputs';
import { type PbxSnapshot } from '../pbx-snapshot';
import {
  type ChannelSnapshot,
  type DialStatus,
  type QueueMemberFacts,
  type TelephonyEvent,
} from '../telephony-event';
import { T0, testConfig } from './test-config';

/** ChannelState values. */
export const DOWN = 0;
export const RING = 4;
export const RINGING = 5;
export const UP = 6;

/** Device state numbers of queue members. */
export const NOT_INUSE = 1;
export const INUSE = 2;
export const DEVICE_RINGING = 6;

/** A channel as the test drives it: events carry a snapshot of its current fields. */
export interface Chan {
  readonly uniqueid: string;
  name: string;
  linkedid: string;
  state: number;
  callerNum: string;
  callerName: string;
  context: string;
  exten: string;
}

export type ChanInit = Partial<Omit<Chan, 'uniqueid' | 'name'>>;

type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;

/**
 * A core fed with hand-made channel and PBX events on an explicit clock: `at(seconds)` sets
 * the instant (seconds after `t0`) that the following events carry; `advanceTo(seconds)`
 * moves time alone.
 */
export class EventFeed {
  readonly outputs: CoreOutput[] = [];
  readonly core: CallCenterCore;
  now: number;
  private ids = 0;
  private hexes = 9;

  constructor(
    readonly config: CallCenterConfig = testConfig(),
    readonly t0: number = T0,
  ) {
    this.core = new CallCenterCore(config, (o) => this.outputs.push(o));
    this.now = t0;
  }

  /** Epoch ms of `seconds` after t0. */
  time(seconds: number): number {
    return this.t0 + Math.round(seconds * 1000);
  }

  at(seconds: number): this {
    this.now = this.time(seconds);
    return this;
  }

  advanceTo(seconds: number): this {
    this.at(seconds);
    this.core.advanceTo(this.now);
    return this;
  }

  apply(event: WithoutAt<TelephonyEvent>): this {
    this.core.apply({ ...event, at: this.now } as TelephonyEvent);
    return this;
  }

  // --- channels -------------------------------------------------------------------------

  channel(name: string, init: ChanInit = {}): Chan {
    const uniqueid = `${Math.floor(this.t0 / 1000)}.${++this.ids}`;
    return {
      uniqueid,
      name,
      linkedid: uniqueid,
      state: DOWN,
      callerNum: '',
      callerName: '',
      context: 'default',
      exten: 's',
      ...init,
    };
  }

  /** `PJSIP/<ext>-0000000a`: an agent's desk phone. */
  phone(ext: string, init: ChanInit = {}): Chan {
    return this.channel(`PJSIP/${ext}-${this.hex()}`, init);
  }

  /** `PJSIP/trunk-0000000b`: a customer on the carrier trunk. */
  trunk(number: string, init: ChanInit = {}): Chan {
    return this.channel(`PJSIP/trunk-${this.hex()}`, { callerNum: number, ...init });
  }

  /** `Local/<target>-<hex>;1` and `;2`. */
  localPair(target: string, init: ChanInit = {}): { one: Chan; two: Chan } {
    const hex = this.hex();
    return {
      one: this.channel(`Local/${target}-${hex};1`, init),
      two: this.channel(`Local/${target}-${hex};2`, { state: RING, ...init }),
    };
  }

  snap(ch: Chan): ChannelSnapshot {
    const { name, ...rest } = ch;
    return { ...rest, channel: name };
  }

  created(...chs: Chan[]): this {
    for (const ch of chs) this.apply({ type: 'channel-created', channel: this.snap(ch) });
    return this;
  }

  setState(ch: Chan, state: number): this {
    ch.state = state;
    return this.apply({ type: 'channel-state', channel: this.snap(ch) });
  }

  hangup(ch: Chan, cause = 16): this {
    return this.apply({ type: 'channel-hungup', channel: this.snap(ch), cause });
  }

  dialBegin(caller: Chan | undefined, dest: Chan): this {
    return this.apply({
      type: 'dial-begin',
      caller: caller && this.snap(caller),
      dest: this.snap(dest),
      dialString: dest.name,
    });
  }

  dialEnd(caller: Chan | undefined, dest: Chan, status: DialStatus): this {
    return this.apply({
      type: 'dial-end',
      caller: caller && this.snap(caller),
      dest: this.snap(dest),
      status,
    });
  }

  enter(bridgeId: string, ch: Chan, swap?: Chan): this {
    return this.apply({
      type: 'bridge-enter',
      bridgeId,
      channel: this.snap(ch),
      swapUniqueid: swap?.uniqueid,
    });
  }

  leave(bridgeId: string, ch: Chan): this {
    return this.apply({ type: 'bridge-leave', bridgeId, channel: this.snap(ch) });
  }

  localBridge(pair: { one: Chan; two: Chan }): this {
    return this.apply({ type: 'local-bridge', one: pair.one.uniqueid, two: pair.two.uniqueid });
  }

  hold(ch: Chan): this {
    return this.apply({ type: 'hold', uniqueid: ch.uniqueid });
  }

  unhold(ch: Chan): this {
    return this.apply({ type: 'unhold', uniqueid: ch.uniqueid });
  }

  transfer(kind: 'blind' | 'attended', transferer: Chan, success = true): this {
    return this.apply({ type: 'transfer', kind, transfererUniqueid: transferer.uniqueid, success });
  }

  // --- PBX --------------------------------------------------------------------------------

  booted(uptimeSeconds: number): this {
    return this.apply({ type: 'pbx-booted', uptimeSeconds });
  }

  shutdown(): this {
    return this.apply({ type: 'pbx-shutdown' });
  }

  /** Applies a resync snapshot taken now; channel ages are counted from their creation. */
  snapshot(s: {
    linkDownAt?: number;
    channels: readonly { ch: Chan; bridgeId?: string; createdAt: number }[];
    members: readonly QueueMemberFacts[];
    waiting?: PbxSnapshot['waiting'];
  }): this {
    this.core.applySnapshot({
      at: this.now,
      linkDownAt: s.linkDownAt === undefined ? undefined : this.time(s.linkDownAt),
      members: s.members,
      channels: s.channels.map(({ ch, bridgeId, createdAt }) => ({
        channel: this.snap(ch),
        bridgeId,
        ageSeconds: Math.floor((this.now - this.time(createdAt)) / 1000),
      })),
      waiting: s.waiting ?? [],
    });
    return this;
  }

  private hex(): string {
    return (++this.hexes).toString(16).padStart(8, '0');
  }
}
