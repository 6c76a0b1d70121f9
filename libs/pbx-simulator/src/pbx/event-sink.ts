import { type Fields, formatEpochMicros, formatFrame } from '../ami/frame';
import { classBit, type PermissionClass } from '../ami/permissions';
import { type Prng } from '../prng';
import { type SimScheduler } from '../scheduler';

/** Receives every event once, already formatted; the server fans it out to the sessions. */
export type EventListener = (frame: string, classMask: number, name: string) => void;

/**
 * Stamps and formats events. Every event gets `Privilege: <class>,all` and a `Timestamp` that
 * follows simulated time; events of one instant are a few microseconds apart, as Asterisk's are,
 * and stamps never go backwards.
 */
export class EventSink {
  private lastStampUs = 0;
  private listeners: EventListener[] = [];
  readonly countByType = new Map<string, number>();
  total = 0;

  constructor(
    private readonly sched: SimScheduler,
    private readonly jitter: Prng,
  ) {}

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** The stamp the next event would get: the PBX's "now" in epoch microseconds. */
  peekNowUs(): number {
    return Math.max(this.sched.nowUs, this.lastStampUs);
  }

  emit(name: string, cls: PermissionClass, fields: Fields): void {
    const stampUs = Math.max(this.sched.nowUs, this.lastStampUs + this.jitter.int(2, 40));
    this.lastStampUs = stampUs;
    const frame = formatFrame([
      ['Event', name],
      ['Privilege', `${cls},all`],
      ['Timestamp', formatEpochMicros(stampUs)],
      ...fields,
    ]);
    this.total += 1;
    this.countByType.set(name, (this.countByType.get(name) ?? 0) + 1);
    const mask = classBit(cls);
    for (const listener of this.listeners) listener(frame, mask, name);
  }
}
