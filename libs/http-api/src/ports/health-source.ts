/** What /health and /metrics report; no customer data ever goes here. */
export interface HealthReport {
  readonly ami: {
    /** TCP connection to the AMI up and logged in. */
    readonly connected: boolean;
    /** Connected and resynced: live state can be trusted. */
    readonly fresh: boolean;
    /** Epoch ms of the last AMI event, if any. */
    readonly lastEventAt?: number;
  };
  readonly database: {
    readonly ok: boolean;
    /** In words, when the database is known to be down (e.g. the embedded server was killed). */
    readonly down?: string;
  };
  /** The record writer (RecordWriter.status). */
  readonly spool: {
    readonly state: 'ok' | 'degraded';
    /** Records in memory waiting for the database. */
    readonly queued: number;
    /** Records in the spool file waiting for the database. */
    readonly spooled: number;
    readonly alarm: boolean;
  };
  readonly wsClients: number;
  /** AMI events received since start, and their recent rate. */
  readonly events: { readonly total: number; readonly perSecond: number };
  /** Agent state changes published by the core since start. */
  readonly stateChanges: number;
  /**
   * How late this process runs: p99 event-loop delay of the last window (ms), and whether it
   * stays high enough that the service degrades on purpose (wider batches and coalescing).
   */
  readonly eventLoop: { readonly lagMs: number; readonly slow: boolean };
}

/**
 * The app's health facts (AMI link, database ping, record writer, wallboard sockets, counters).
 * The app implements it; `report()` should answer within a second or two (it is awaited with a
 * timeout, after which /health answers 503).
 */
export abstract class HealthSource {
  abstract report(): Promise<HealthReport>;
}

/**
 * Events per second over a sliding window of whole seconds, for HealthReport.events.perSecond.
 * `mark()` on each event is O(1); memory is one counter per second of the window.
 */
export class EventRateMeter {
  private readonly buckets: number[];
  private readonly stamps: number[];
  total = 0;

  constructor(
    private readonly windowSeconds = 10,
    private readonly clock: () => number = Date.now,
  ) {
    // One slot more than the window: the current, partial second never overwrites the oldest one.
    this.buckets = new Array<number>(windowSeconds + 1).fill(0);
    this.stamps = new Array<number>(windowSeconds + 1).fill(-1);
  }

  mark(count = 1): void {
    const second = Math.floor(this.clock() / 1000);
    const i = second % this.buckets.length;
    if (this.stamps[i] !== second) {
      this.stamps[i] = second;
      this.buckets[i] = 0;
    }
    this.buckets[i] += count;
    this.total += count;
  }

  /** Mean rate over the last full `windowSeconds` (the current partial second excluded). */
  perSecond(): number {
    const now = Math.floor(this.clock() / 1000);
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      const age = now - this.stamps[i];
      if (age >= 1 && age <= this.windowSeconds) sum += this.buckets[i];
    }
    return sum / this.windowSeconds;
  }
}
