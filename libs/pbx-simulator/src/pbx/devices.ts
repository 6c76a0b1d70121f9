import { type EventSink } from './event-sink';
import { type DeviceState } from './model';

/**
 * Device states (`DeviceStateChange`). Asterisk publishes a Local channel's device on every
 * state change of either leg, duplicates included, while `Custom:` and `Queue:` devices are
 * published only when their value changes: `publish` and `change` keep that difference.
 */
export class DeviceRegistry {
  private readonly states = new Map<string, DeviceState>();

  constructor(private readonly events: EventSink) {}

  get(device: string): DeviceState {
    return this.states.get(device) ?? 'UNKNOWN';
  }

  /** Emits only when the value differs; returns whether it did. */
  change(device: string, state: DeviceState): boolean {
    if (this.states.get(device) === state) return false;
    this.publish(device, state);
    return true;
  }

  /** Emits unconditionally (Local channel devices). */
  publish(device: string, state: DeviceState): void {
    // Idle Local devices are forgotten: every customer number would otherwise stay listed forever.
    if (state === 'NOT_INUSE' && device.startsWith('Local/')) this.states.delete(device);
    else this.states.set(device, state);
    this.events.emit('DeviceStateChange', 'call', [
      ['Device', device],
      ['State', state],
    ]);
  }

  /** Sets a value silently (initial state, e.g. a queue without members is unavailable). */
  seed(device: string, state: DeviceState): void {
    if (!this.states.has(device)) this.states.set(device, state);
  }

  /** Sets a value without an event, for when the event must come after its consequences. */
  setSilently(device: string, state: DeviceState): void {
    this.states.set(device, state);
  }

  /** Every known device, for DeviceStateList. */
  entries(): Array<[string, DeviceState]> {
    return [...this.states.entries()];
  }
}
