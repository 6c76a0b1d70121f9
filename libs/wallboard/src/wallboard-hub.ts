import { type CoreOutput } from '@cti/domain';
import { scopeKey } from './access-policy';
import { Audience, type HubSocket } from './audience';
import { type LiveSource } from './live-source';
import { CloseCode, type ExternalAlertKind, type Scope, type TeamInfo } from './protocol';
import { deltaFrame, seedAudience, snapshotFrame } from './audience-frames';
import { Publication } from './publication';
import { type ShiftOptions, shiftWindow } from './shift-clock';
import { type ExternalAlert } from './wallboard-view';

/** Whether the PBX link's data can be trusted (mirrors PbxLink's freshness). */
export interface LinkState {
  readonly fresh: boolean;
  readonly staleSince?: number;
}

/** Runs `fn` once after `ms`; returns a cancel function. Injected so tests drive time. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export interface WallboardHubOptions {
  /** At most one delta per audience per this window (default 50 ms). */
  readonly coalesceMs?: number;
  /** Whether the process is overloaded (event-loop lag): then deltas coalesce over `slowCoalesceMs`. */
  readonly underLoad?: () => boolean;
  /** The wider window used under load (default 500 ms): fewer, larger frames for the same state. */
  readonly slowCoalesceMs?: number;
  /** Full re-projection: time-based alerts, day rollover, anything no output announced (default 1 s). */
  readonly sweepMs?: number;
  readonly ringEntries?: number;
  readonly ringBytes?: number;
  /** A socket with more than this queued is cut with 4008 (default 1 MiB). */
  readonly bufferCap?: number;
  /** An audience nobody watches is kept this long for resumes (default 2 min). */
  readonly idleAudienceMs?: number;
  readonly shift?: ShiftOptions;
  /** Wall clock: coalescing and idle audiences. */
  readonly clock?: () => number;
  /**
   * The PBX's time, which agents' `since` and call times are in: stamps every frame's `at`, so a
   * board's timers stay right when the PBX clock differs from ours (or a simulator runs fast).
   * Defaults to `clock`.
   */
  readonly pbxClock?: () => number;
  readonly schedule?: Schedule;
  /** Until told otherwise the data is stale: nobody has vouched for the PBX link yet. */
  readonly initialLink?: LinkState;
}

export interface HubStats {
  audiences: number;
  sockets: number;
  deltas: number;
  framesSent: number;
  bytesSent: number;
  slowClientsCut: number;
}

const realSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/**
 * Fans the call center out to wallboards. Core outputs only mark rows dirty; every
 * `coalesceMs` the dirty rows are projected once, diffed against what was published, and each
 * audience gets one delta string, sent as the same buffer to all of its sockets.
 */
export class WallboardHub {
  readonly stats: HubStats = {
    audiences: 0,
    sockets: 0,
    deltas: 0,
    framesSent: 0,
    bytesSent: 0,
    slowClientsCut: 0,
  };
  private readonly published: Publication;
  private readonly audiences = new Map<string, Audience>();
  private readonly socketAudience = new Map<HubSocket, Audience>();
  private readonly teams: readonly TeamInfo[];
  private readonly dirtyAgents = new Set<string>();
  private readonly dirtyQueues = new Set<string>();
  private fullPending = false;
  private lastFlushAt = -Infinity;
  private cancelFlush?: () => void;
  private cancelSweep?: () => void;
  private link: LinkState;
  private readonly clock: () => number;
  private readonly pbxTime: () => number;
  private readonly schedule: Schedule;

  constructor(
    source: LiveSource,
    private readonly options: WallboardHubOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.pbxTime = options.pbxClock ?? this.clock;
    this.schedule = options.schedule ?? realSchedule;
    this.link = options.initialLink ?? { fresh: false, staleSince: this.pbxTime() };
    this.teams = source.teams();
    this.published = new Publication(source);
    this.flush(true);
  }

  /** Starts the periodic sweep. */
  start(): void {
    const tick = () => {
      this.flush(true);
      this.cancelSweep = this.schedule(tick, this.options.sweepMs ?? 1000);
    };
    this.cancelSweep ??= this.schedule(tick, this.options.sweepMs ?? 1000);
  }

  stop(): void {
    this.cancelSweep?.();
    this.cancelFlush?.();
    this.cancelSweep = this.cancelFlush = undefined;
  }

  onCoreOutput(o: CoreOutput): void {
    switch (o.type) {
      case 'agent-state':
        this.dirtyAgents.add(o.agentId);
        break;
      case 'call-completed':
        this.dirtyAgents.add(o.leg.agentId);
        if (o.leg.queue) this.dirtyQueues.add(o.leg.queue);
        break;
      case 'pause-started':
      case 'pause-over-limit':
      case 'pause-ended':
        this.dirtyAgents.add(o.pause.agentId);
        break;
      case 'session':
        this.dirtyAgents.add(o.session.agentId);
        break;
      case 'queue-changed':
        this.dirtyQueues.add(o.queue);
        break;
      case 'pbx-restarted':
        this.fullPending = true;
        break;
      case 'internal-call':
      case 'recording-started':
        return;
    }
    this.requestFlush();
  }

  /**
   * Raises or updates an alert judged outside the core (the quota day's must-stay list). It goes
   * out like the core's alerts: in the next delta and in snapshots, to the audiences that see the
   * agent, with the agent's name and team from their tile. `until`: dropped from then on.
   */
  upsertExternalAlert(alert: ExternalAlert, options: { readonly until?: number } = {}): void {
    this.published.setExternal(alert, options.until);
    this.requestFlush();
  }

  removeExternalAlert(kind: ExternalAlertKind, agentId: string): void {
    if (this.published.deleteExternal(kind, agentId)) this.requestFlush();
  }

  /** The external alert of that kind fed for the agent, if any. */
  externalAlert(kind: ExternalAlertKind, agentId: string): ExternalAlert | undefined {
    return this.published.getExternal(kind, agentId);
  }

  /** Link news goes to every board; when the link comes back, the resync's deltas go first. */
  setLinkState(state: LinkState): void {
    const next: LinkState = state.fresh
      ? { fresh: true }
      : { fresh: false, staleSince: state.staleSince ?? this.pbxTime() };
    if (next.fresh === this.link.fresh && next.staleSince === this.link.staleSince) return;
    this.flush(this.fullPending);
    this.link = next;
    const data = Buffer.from(JSON.stringify({ type: 'link', ...next, at: this.pbxTime() }));
    for (const socket of [...this.socketAudience.keys()]) this.deliver(socket, data);
  }

  get linkState(): LinkState {
    return this.link;
  }

  /**
   * Adds a socket to the audience of (scope, masking); replaces its previous subscription. With
   * a resume point still in the ring it gets the missed deltas, else a snapshot.
   */
  subscribe(
    socket: HubSocket,
    scope: Scope,
    masked: boolean,
    resume?: { lastSeq: number; stream: string },
  ): void {
    this.unsubscribe(socket);
    const key = `${scopeKey(scope)}|${masked ? 'masked' : 'full'}`;
    let audience = this.audiences.get(key);
    if (!audience) audience = this.createAudience(key, scope, masked);
    audience.sockets.add(socket);
    audience.emptySince = undefined;
    this.socketAudience.set(socket, audience);
    this.stats.sockets = this.socketAudience.size;
    const missed =
      resume && resume.stream === audience.stream ? audience.after(resume.lastSeq) : undefined;
    if (!missed) {
      const stale = this.staleField();
      return this.deliver(
        socket,
        snapshotFrame(audience, this.published, this.teams, this.pbxTime(), stale),
      );
    }
    const now = this.pbxTime();
    this.deliver(
      socket,
      Buffer.from(
        JSON.stringify({
          type: 'resumed',
          stream: audience.stream,
          seq: audience.seq,
          at: now,
          ...this.staleField(),
        }),
      ),
    );
    for (const data of missed) this.deliver(socket, data);
  }

  unsubscribe(socket: HubSocket): void {
    const audience = this.socketAudience.get(socket);
    if (!audience) return;
    this.socketAudience.delete(socket);
    audience.sockets.delete(socket);
    if (audience.sockets.size === 0) audience.emptySince = this.clock();
    this.stats.sockets = this.socketAudience.size;
  }

  /** Projects dirty rows (all rows when `full`) and sends each audience its delta. */
  flush(full = false): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    this.lastFlushAt = this.clock();
    const now = this.pbxTime();
    const shift = this.options.shift && shiftWindow(this.options.shift, now);
    const changes = this.published.project(
      now,
      full || this.fullPending,
      this.dirtyAgents,
      this.dirtyQueues,
      shift,
    );
    this.dirtyAgents.clear();
    this.dirtyQueues.clear();
    this.fullPending = false;
    for (const audience of this.audiences.values()) {
      const data = deltaFrame(audience, changes, this.published, now);
      if (!data) continue;
      this.stats.deltas++;
      for (const socket of audience.sockets) this.deliver(socket, data);
    }
    if (full) this.dropIdleAudiences(this.clock());
  }

  private requestFlush(): void {
    // Throttle with a leading edge: after a quiet spell the change goes out at once (after the
    // current burst of outputs), under load one delta per audience per coalesceMs at most.
    const window = this.options.underLoad?.()
      ? (this.options.slowCoalesceMs ?? 500)
      : (this.options.coalesceMs ?? 50);
    const wait = Math.max(0, this.lastFlushAt + window - this.clock());
    this.cancelFlush ??= this.schedule(() => {
      this.cancelFlush = undefined;
      this.flush(this.fullPending);
    }, wait);
  }

  private createAudience(key: string, scope: Scope, masked: boolean): Audience {
    const audience = new Audience(scope, masked, {
      entries: this.options.ringEntries ?? 1200,
      bytes: this.options.ringBytes ?? 8 * 1024 * 1024,
    });
    seedAudience(audience, this.published);
    this.audiences.set(key, audience);
    this.stats.audiences = this.audiences.size;
    return audience;
  }

  private dropIdleAudiences(now: number): void {
    const keep = this.options.idleAudienceMs ?? 120_000;
    for (const [key, a] of this.audiences)
      if (a.emptySince !== undefined && now - a.emptySince > keep) this.audiences.delete(key);
    this.stats.audiences = this.audiences.size;
  }

  private staleField(): { stale?: { since: number } } {
    return this.link.fresh ? {} : { stale: { since: this.link.staleSince ?? 0 } };
  }

  /** Sends unless the socket is already too far behind: then it is cut and must resync. */
  private deliver(socket: HubSocket, data: Buffer): void {
    if (socket.bufferedAmount + data.length > (this.options.bufferCap ?? 1024 * 1024)) {
      this.unsubscribe(socket);
      this.stats.slowClientsCut++;
      socket.close(CloseCode.TooSlow, 'too slow: resync');
      return;
    }
    socket.send(data);
    this.stats.framesSent++;
    this.stats.bytesSent += data.length;
  }
}
