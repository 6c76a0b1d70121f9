import { type Fields } from '../ami/frame';
import { type DeviceRegistry } from './devices';
import { type EventSink } from './event-sink';
import { type Channel, type ChannelStateCode, type LocalPair, UNKNOWN } from './model';
import { snapshot } from './snapshot';

const CAUSE_TEXT: Record<number, string> = {
  0: 'Unknown',
  16: 'Normal Clearing',
  17: 'User busy',
  26: 'Answered elsewhere',
  34: 'Circuit/channel congestion',
};

export interface CallerId {
  num: string;
  name: string;
}

export interface LocalPairSpec {
  exten: string;
  context: string;
  /** Linkedid of the call; undefined = this pair starts a call (its `;1` is the oldest). */
  linkedid?: string;
  /** Caller id `;1` and `;2` get with their NewCallerid. */
  oneCallerId: CallerId;
  oneConnected: CallerId;
  twoCallerId: CallerId;
  twoConnected: CallerId;
  /**
   * Queue member legs get their `;1` NewConnectedLine only when ringing; the others get it
   * right after their NewCallerid.
   */
  oneConnectedLater: boolean;
}

/**
 * Live channels, Uniqueids (`<epoch>.<counter>`, never reused) and Local channel names
 * (`Local/<exten>@<context>-<8 hex>;1/;2`), with the channel lifecycle events.
 */
export class ChannelRegistry {
  /** Insertion order = creation order, which CoreShowChannels and Status follow. */
  readonly live = new Map<string, Channel>();
  private uniqueCounter = 0;
  private localCounter = 0;
  created = 0;

  constructor(
    private readonly events: EventSink,
    private readonly devices: DeviceRegistry,
    private readonly nowUs: () => number,
  ) {}

  newUniqueid(): string {
    return `${Math.floor(this.nowUs() / 1e6)}.${this.uniqueCounter++}`;
  }

  createLocalPair(spec: LocalPairSpec): LocalPair {
    const suffix = (this.localCounter++ >>> 0).toString(16).padStart(8, '0');
    const base = `Local/${spec.exten}@${spec.context}-${suffix}`;
    const one = this.newChannel(`${base};1`, spec, 0, spec.linkedid);
    const two = this.newChannel(`${base};2`, spec, 4, one.linkedid);
    this.emit('Newchannel', one);
    this.emit('Newchannel', two);
    this.setCallerId(one, spec.oneCallerId);
    if (!spec.oneConnectedLater) this.setConnected(one, spec.oneConnected);
    this.setCallerId(two, spec.twoCallerId, spec.twoConnected);
    this.setConnected(two, spec.twoConnected);
    this.events.emit('LocalBridge', 'call', [
      ...snapshot(one, 'LocalOne'),
      ...snapshot(two, 'LocalTwo'),
      ['Context', spec.context],
      ['Exten', spec.exten],
      ['LocalOptimization', 'No'],
    ]);
    return { one, two };
  }

  /** NewCallerid; `connected` lets `;2` show its connected line already set (as Asterisk does). */
  setCallerId(ch: Channel, id: CallerId, connected?: CallerId): void {
    ch.callerNum = id.num;
    ch.callerName = id.name;
    if (connected) {
      ch.connectedNum = connected.num;
      ch.connectedName = connected.name;
    }
    this.emit('NewCallerid', ch, [['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']]);
  }

  setConnected(ch: Channel, id: CallerId): void {
    ch.connectedNum = id.num;
    ch.connectedName = id.name;
    this.emit('NewConnectedLine', ch);
  }

  /** Newstate, then (for Local channels) the device publication that follows it. */
  setState(ch: Channel, state: ChannelStateCode, publishDevice = true): void {
    ch.state = state;
    this.emit('Newstate', ch);
    if (publishDevice) this.devices.publish(ch.device, 'INUSE');
  }

  softHangupRequest(ch: Channel, cause = 16): void {
    this.emit('SoftHangupRequest', ch, [['Cause', String(cause)]]);
  }

  hangupRequest(ch: Channel, cause = 16): void {
    this.emit('HangupRequest', ch, [['Cause', String(cause)]]);
  }

  /** The last event of a channel; its Uniqueid is never used again. */
  hangup(ch: Channel, cause = 16): void {
    if (!this.live.has(ch.uniqueid)) throw new Error(`double hangup of ${ch.name}`);
    this.emit('Hangup', ch, [
      ['Cause', String(cause)],
      ['Cause-txt', CAUSE_TEXT[cause] ?? 'Unknown'],
    ]);
    this.live.delete(ch.uniqueid);
  }

  isLive(ch: Channel): boolean {
    return this.live.has(ch.uniqueid);
  }

  /** Any event made of one channel snapshot plus extra fields. */
  emit(name: string, ch: Channel, extra: Fields = [], cls: 'call' | 'agent' = 'call'): void {
    this.events.emit(name, cls, [...snapshot(ch), ...extra]);
  }

  private newChannel(
    name: string,
    spec: LocalPairSpec,
    state: ChannelStateCode,
    linkedid?: string,
  ): Channel {
    const uniqueid = this.newUniqueid();
    const ch: Channel = {
      name,
      uniqueid,
      linkedid: linkedid ?? uniqueid,
      state,
      callerNum: UNKNOWN,
      callerName: UNKNOWN,
      connectedNum: UNKNOWN,
      connectedName: UNKNOWN,
      context: spec.context,
      exten: spec.exten,
      priority: 1,
      application: 'AppDial',
      appData: '(Outgoing Line)',
      createdUs: this.nowUs(),
      bridgeId: '',
      device: `Local/${spec.exten}@${spec.context}`,
    };
    this.live.set(uniqueid, ch);
    this.created += 1;
    return ch;
  }
}
