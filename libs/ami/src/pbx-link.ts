import { type PbxSnapshot, type TelephonyEvent } from '@cti/domain';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { type AmiConnection } from './ami-connection';
import { type AmiLogger } from './ami-connection-options';
import { type AmiMessage } from './ami-message';
import { fetchSnapshot } from './ami-snapshot';
import { toPbxSnapshot, toTelephonyEvent } from './telephony-event.mapper';

/** Where the link delivers: the domain core, or anything that consumes the same facts. */
export interface TelephonySink {
  apply(event: TelephonyEvent): void;
  applySnapshot(snapshot: PbxSnapshot): void;
}

/** Whether live state can be trusted: false from link loss until a resync has completed. */
export interface Freshness {
  readonly fresh: boolean;
  /** Since when the data is stale (epoch ms). */
  readonly staleSince?: number;
}

export interface PbxLinkStats {
  eventsIn: number;
  eventsApplied: number;
  ignoredEvents: number;
  badEvents: number;
  resyncs: number;
  resyncFailures: number;
  /** Triggers (login, boot, reload, retry) folded into a resync already running or queued. */
  resyncsCoalesced: number;
}

/** First retry after a failed resync; doubled per consecutive failure up to the maximum. */
const RESYNC_RETRY_MS = 2_000;
const RESYNC_RETRY_MAX_MS = 60_000;
const MAX_LOGGED_KINDS = 1_000;

/**
 * Feeds a PBX's events to the core and rebuilds the core's live state after every login,
 * PBX boot or reload: events that arrive while the snapshot is being read wait, then apply
 * on top of it (they are idempotent facts). An odd frame is counted and logged once per kind.
 * One resync at a time: triggers during one fold into a single follow-up, and failures retry
 * with a growing delay, so an overloaded PBX or process is not answered with more list work.
 */
export class PbxLink {
  readonly stats: PbxLinkStats = {
    eventsIn: 0,
    eventsApplied: 0,
    ignoredEvents: 0,
    badEvents: 0,
    resyncs: 0,
    resyncFailures: 0,
    resyncsCoalesced: 0,
  };
  private readonly freshness: BehaviorSubject<Freshness>;
  private readonly subscriptions: Subscription[] = [];
  private readonly loggedKinds = new Set<string>();
  private readonly ignoredNames = new Set<string>();
  private buffer: AmiMessage[] | undefined;
  private linkDownAt?: number;
  private retryTimer?: NodeJS.Timeout;
  private resyncRequested = false;
  private consecutiveResyncFailures = 0;
  /** Bumped by every resync, so a retry of a superseded one does nothing. */
  private resyncGeneration = 0;

  readonly freshness$: Observable<Freshness>;

  constructor(
    private readonly conn: AmiConnection,
    private readonly sink: TelephonySink,
    private readonly logger?: AmiLogger,
  ) {
    this.freshness = new BehaviorSubject<Freshness>({ fresh: false, staleSince: conn.now() });
    this.freshness$ = this.freshness.asObservable();
  }

  get isFresh(): boolean {
    return this.freshness.value.fresh;
  }

  start(): void {
    this.subscriptions.push(
      this.conn.events$.subscribe((msg) => this.onEvent(msg)),
      this.conn.onLogin$.subscribe(() => {
        this.cancelRetry(); // a new session resyncs at once
        void this.resync();
      }),
      this.conn.status$.subscribe((status) => {
        if (status.state === 'up') return;
        this.linkDownAt ??= status.at;
        this.markStale(status.at);
      }),
    );
    this.conn.start();
  }

  async stop(): Promise<void> {
    this.cancelRetry();
    for (const s of this.subscriptions) s.unsubscribe();
    await this.conn.stop();
  }

  private onEvent(msg: AmiMessage): void {
    this.stats.eventsIn++;
    const resyncing = this.buffer !== undefined;
    if (msg.name === 'FullyBooted') {
      // Applied at once even mid-resync: a restart noticed after the snapshot would wipe it.
      // The one that follows every login is covered by the login's own resync.
      this.applyMessage(msg);
      if (!resyncing && this.conn.status.state === 'up') this.requestResync();
      return;
    }
    const reload = msg.name === 'Reload' && /^(All|app_queue)/i.test(msg.fields.module ?? '');
    if (resyncing) {
      this.buffer!.push(msg);
      if (reload) {
        this.resyncRequested = true;
        this.stats.resyncsCoalesced++;
      }
      return;
    }
    this.applyMessage(msg);
    if (reload) this.requestResync();
  }

  /** A boot or reload seen live: waits for a pending retry instead of adding an attempt. */
  private requestResync(): void {
    if (this.retryTimer) {
      this.stats.resyncsCoalesced++;
      return;
    }
    void this.resync();
  }

  private cancelRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private applyMessage(msg: AmiMessage): void {
    let event: TelephonyEvent | undefined;
    try {
      event = toTelephonyEvent(msg);
      if (!event) {
        this.stats.ignoredEvents++;
        // A third of the traffic is ignored: only a name not seen before costs any strings.
        if (!this.ignoredNames.has(msg.name)) {
          if (this.ignoredNames.size < MAX_LOGGED_KINDS) this.ignoredNames.add(msg.name);
          this.logOnce(
            `ignored:${msg.name}`,
            `AMI events '${msg.name.slice(0, 64)}' are not used by the core; ignoring them`,
            'log',
          );
        }
        return;
      }
      this.sink.apply(event);
      this.stats.eventsApplied++;
    } catch (error) {
      this.stats.badEvents++;
      this.logOnce(
        `bad:${msg.name}`,
        `could not apply a ${msg.name} event: ${(error as Error).message}`,
      );
    }
  }

  /** Reads the PBX's state and rebuilds the core from it; retried while the link is up. */
  private async resync(): Promise<void> {
    if (this.buffer) {
      this.resyncRequested = true;
      this.stats.resyncsCoalesced++;
      return;
    }
    this.buffer = [];
    const generation = ++this.resyncGeneration;
    this.markStale(this.conn.now());
    try {
      const lists = await fetchSnapshot(this.conn);
      for (const warning of lists.warnings) this.logOnce(`warn:${warning}`, warning);
      this.sink.applySnapshot(toPbxSnapshot(lists, lists.takenAt, this.linkDownAt));
      this.stats.resyncs++;
      this.consecutiveResyncFailures = 0;
      this.linkDownAt = undefined;
      this.drain();
      this.freshness.next({ fresh: true });
      if (this.resyncRequested) {
        this.resyncRequested = false;
        void this.resync();
      }
    } catch (error) {
      this.stats.resyncFailures++;
      const retryMs = Math.min(
        RESYNC_RETRY_MAX_MS,
        RESYNC_RETRY_MS * 2 ** this.consecutiveResyncFailures++,
      );
      this.logger?.warn(
        `resync failed, live state stays stale; retrying in ${retryMs} ms: ${(error as Error).message}`,
      );
      this.drain();
      // A trigger that came meanwhile is served by the retry, not by an immediate second attempt.
      this.resyncRequested = false;
      this.cancelRetry();
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (generation === this.resyncGeneration && this.conn.status.state === 'up')
          void this.resync();
      }, retryMs);
    }
  }

  private drain(): void {
    const pending = this.buffer ?? [];
    this.buffer = undefined;
    for (const msg of pending) this.applyMessage(msg);
  }

  private markStale(at: number): void {
    if (this.freshness.value.fresh) this.freshness.next({ fresh: false, staleSince: at });
  }

  /** Bounded: one line per kind of oddity, however many frames repeat it. */
  private logOnce(kind: string, message: string, level: 'log' | 'warn' = 'warn'): void {
    if (this.loggedKinds.has(kind) || this.loggedKinds.size >= MAX_LOGGED_KINDS) return;
    this.loggedKinds.add(kind);
    this.logger?.[level](message);
  }
}
