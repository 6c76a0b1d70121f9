import { type Fields } from '../ami/frame';
import { type Prng } from '../prng';
import { type EventSink } from './event-sink';
import { type Channel } from './model';
import { snapshot } from './snapshot';

interface Bridge {
  id: string;
  channels: Channel[];
}

/** Basic two-party bridges (`BridgeCreate/Enter/Leave/Destroy`), ids drawn from the seed. */
export class BridgeRegistry {
  private readonly bridges = new Map<string, Bridge>();

  constructor(
    private readonly events: EventSink,
    private readonly prng: Prng,
  ) {}

  create(): string {
    const bridge: Bridge = { id: this.prng.uuid(), channels: [] };
    this.bridges.set(bridge.id, bridge);
    this.events.emit('BridgeCreate', 'call', this.bridgeFields(bridge));
    return bridge.id;
  }

  enter(bridgeId: string, ch: Channel): void {
    const bridge = this.require(bridgeId);
    bridge.channels.push(ch);
    ch.bridgeId = bridgeId;
    this.events.emit('BridgeEnter', 'call', [...this.bridgeFields(bridge), ...snapshot(ch)]);
  }

  /** BridgeLeave; the bridge is destroyed with its last channel. */
  leave(ch: Channel): void {
    const bridge = this.require(ch.bridgeId);
    bridge.channels = bridge.channels.filter((c) => c !== ch);
    this.events.emit('BridgeLeave', 'call', [...this.bridgeFields(bridge), ...snapshot(ch)]);
    ch.bridgeId = '';
  }

  destroyIfEmpty(bridgeId: string): void {
    const bridge = this.bridges.get(bridgeId);
    if (!bridge || bridge.channels.length > 0) return;
    this.bridges.delete(bridgeId);
    this.events.emit('BridgeDestroy', 'call', this.bridgeFields(bridge));
  }

  private require(id: string): Bridge {
    const bridge = this.bridges.get(id);
    if (!bridge) throw new Error(`no bridge ${id}`);
    return bridge;
  }

  private bridgeFields(b: Bridge): Fields {
    return [
      ['BridgeUniqueid', b.id],
      ['BridgeType', 'basic'],
      ['BridgeTechnology', 'simple_bridge'],
      ['BridgeCreator', '<unknown>'],
      ['BridgeName', '<unknown>'],
      ['BridgeNumChannels', String(b.channels.length)],
      ['BridgeVideoSourceMode', 'none'],
    ];
  }
}
