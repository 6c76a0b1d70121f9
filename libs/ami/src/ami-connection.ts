import type { Socket } from 'node:net';
import createManager, { type ManagerInstance, type RawManagerObject } from 'asterisk-manager';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { type AmiActionParams, buildActionFrame } from './action-frame';
import {
  type AmiConnectionOptions,
  type ResolvedAmiConnectionOptions,
  resolveAmiConnectionOptions,
} from './ami-connection-options';
import { AmiError } from './ami-error';
import type { AmiMessage } from './ami-message';
import { type AmiStats, FrameRouter } from './frame-router';
import { FrameSizeGuard } from './frame-size-guard';
import { type AmiListResult, PendingActions } from './pending-actions';
import { reconnectDelayMs } from './reconnect-policy';
import { captureCreatedSocket } from './socket-capture';

export interface AmiLinkStatus {
  readonly state: 'connecting' | 'up' | 'down' | 'auth-failed';
  readonly at: number;
  readonly error?: string;
  /** Connection attempts since the link was last up (1 = first try). */
  readonly attempt?: number;
}

/**
 * One AMI session over asterisk-manager, which only parses frames and logs in here.
 * Ours: a fresh library instance per attempt, reconnect with backoff, liveness (a Ping answered
 * or any inbound bytes), frame-size cap, exact action serialisation with our ActionIDs,
 * timeouts, list collection.
 */
export class AmiConnection {
  private readonly opts: ResolvedAmiConnectionOptions;
  private readonly endpoint: string;
  private readonly pending = new PendingActions();
  private readonly frameGuard: FrameSizeGuard;
  private readonly eventSubject = new Subject<AmiMessage>();
  private readonly statusSubject: BehaviorSubject<AmiLinkStatus>;
  private readonly loginSubject = new Subject<void>();
  private readonly router: FrameRouter;

  private manager?: ManagerInstance;
  private socket?: Socket;
  /** Bumped per attempt so callbacks of a disposed attempt are ignored. */
  private generation = 0;
  private started = false;
  private loggedIn = false;
  private authFailed = false;
  private lastError?: string;
  private attempt = 0;
  private failuresSinceUp = 0;
  private actionCounter = 0;
  private pingInFlight = false;
  /** Characters received on the current socket: any inbound frame proves the peer alive. */
  private inboundChars = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private loginTimer?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;

  /** Live events only, in arrival order; list items and responses never appear here. */
  readonly events$: Observable<AmiMessage>;
  /** Current link state first, then every change. */
  readonly status$: Observable<AmiLinkStatus>;
  /** Fires after every successful login: run the resync (snapshot) from here. */
  readonly onLogin$: Observable<void>;

  constructor(options: AmiConnectionOptions) {
    this.opts = resolveAmiConnectionOptions(options);
    this.endpoint = `${this.opts.host}:${this.opts.port}`;
    this.frameGuard = new FrameSizeGuard(this.opts.maxFrameChars);
    const live = (event: AmiMessage): void => this.eventSubject.next(event);
    this.router = new FrameRouter(this.pending, this.opts.clock, live);
    this.statusSubject = new BehaviorSubject<AmiLinkStatus>({ state: 'down', at: this.now() });
    this.events$ = this.eventSubject.asObservable();
    this.status$ = this.statusSubject.asObservable();
    this.onLogin$ = this.loginSubject.asObservable();
  }

  get stats(): Readonly<AmiStats> {
    return { ...this.router.counters };
  }

  get status(): AmiLinkStatus {
    return this.statusSubject.value;
  }

  now(): number {
    return this.opts.clock();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.failuresSinceUp = 0;
    this.attempt = 0;
    this.connectNow();
  }

  /** Logoff if logged in, reject everything pending, no reconnect. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearTimeout(this.reconnectTimer);
    if (this.loggedIn) {
      const logoffTimeout = Math.min(this.opts.actionTimeoutMs, 2000);
      const logoff = this.send('Logoff', {}, (id) =>
        this.pending.add(id, 'Logoff', logoffTimeout, false),
      );
      await logoff.catch(() => undefined); // closing anyway
    }
    this.teardown('the connection was stopped');
    if (this.statusSubject.value.state !== 'down') this.setStatus('down');
  }

  /** Sends one action; resolves with its response. Never queued while down, never replayed. */
  action(name: string, params: AmiActionParams = {}): Promise<AmiMessage> {
    return this.send(name, params, (id) =>
      this.pending.add(id, name, this.opts.actionTimeoutMs, false),
    );
  }

  /** Sends a list action and collects its items until `EventList: Complete`. */
  list(name: string, params: AmiActionParams = {}): Promise<AmiListResult> {
    return this.send(name, params, (id) =>
      this.pending.add(id, name, this.opts.listTimeoutMs, true),
    );
  }

  private send<T>(
    name: string,
    params: AmiActionParams,
    awaitAnswer: (id: string) => Promise<T>,
  ): Promise<T> {
    const id = `cti-${this.actionCounter + 1}`;
    let frame: string;
    try {
      frame = buildActionFrame(name, params, id); // validate before anything is written
    } catch (error) {
      return Promise.reject(error);
    }
    const socket = this.socket;
    if (!this.loggedIn || !socket?.writable || (!this.started && name !== 'Logoff')) {
      const error = new AmiError(
        'not-connected',
        `AMI action ${name} not sent: not logged in to ${this.endpoint}`,
      );
      return Promise.reject(error);
    }
    this.actionCounter++;
    const answer = awaitAnswer(id);
    // Written by us, not by the library: it sorts headers, joins arrays with ',' and holds
    // actions issued before login for replay.
    socket.write(frame);
    return answer;
  }

  private connectNow(): void {
    this.reconnectTimer = undefined;
    const generation = ++this.generation;
    this.attempt++;
    this.authFailed = false;
    this.lastError = undefined;
    this.setStatus('connecting');
    const { host, port, username, secret } = this.opts;
    const manager = createManager(undefined, host, username, secret, true);
    this.router.attach(manager);
    manager.on('error', (error) => this.onSocketError(generation, error));
    manager.on('close', () => this.onClose(generation));
    this.manager = manager;
    this.frameGuard.reset();
    this.inboundChars = 0;
    this.socket = captureCreatedSocket(() =>
      manager.connect(port, host, () => this.onConnected(generation)),
    );
    this.socket.on('data', this.onData);
  }

  private onConnected(generation: number): void {
    if (generation !== this.generation || !this.manager) return;
    this.loginTimer = setTimeout(() => {
      this.fail(
        `AMI login to ${this.endpoint} as '${this.opts.username}' got no answer in ${this.opts.actionTimeoutMs} ms`,
      );
    }, this.opts.actionTimeoutMs);
    this.manager.login((err) => this.onLoginResult(generation, err));
  }

  private onLoginResult(generation: number, err: RawManagerObject | undefined): void {
    if (generation !== this.generation) return;
    clearTimeout(this.loginTimer);
    if (err) {
      const reason =
        typeof err.message === 'string' && err.message ? err.message : 'Response: Error';
      const error = `AMI login to ${this.endpoint} as '${this.opts.username}' failed: ${reason}`;
      this.authFailed = true;
      this.lastError = error; // logged by onClose with the retry delay
      this.setStatus('auth-failed', error);
      this.socket?.destroy();
      return;
    }
    this.loggedIn = this.router.loggedIn = true;
    this.failuresSinceUp = 0;
    this.opts.logger?.log(`AMI logged in to ${this.endpoint} as '${this.opts.username}'`);
    this.setStatus('up');
    this.attempt = 0;
    this.pingTimer = setInterval(this.sendPing, this.opts.pingIntervalMs);
    this.loginSubject.next();
  }

  private onSocketError(generation: number, error: Error): void {
    if (generation !== this.generation) return;
    const phase = this.loggedIn ? 'lost' : 'failed';
    this.lastError ??= `AMI connection to ${this.endpoint} ${phase}: ${error.message}`;
  }

  private onClose(generation: number): void {
    if (generation !== this.generation) return;
    if (!this.started) {
      this.teardown('the connection was stopped'); // e.g. the server closing after Logoff
      this.setStatus('down');
      return;
    }
    const reason = this.lastError ?? `AMI connection to ${this.endpoint} closed by the server`;
    this.teardown(reason);
    const delay = this.authFailed
      ? this.opts.authFailureDelayMs
      : reconnectDelayMs(this.opts.reconnect, this.failuresSinceUp, this.opts.random);
    this.failuresSinceUp++;
    this.router.counters.reconnects++;
    if (!this.authFailed) this.setStatus('down', reason);
    const logger = this.opts.logger;
    if (this.authFailed) logger?.error(`${reason}; retrying in ${delay} ms`);
    else logger?.warn(`${reason}; reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => this.connectNow(), delay);
  }

  /** Drops the current socket; its 'close' then drives the reconnect. */
  private fail(reason: string): void {
    this.lastError ??= reason; // logged once, by onClose
    this.socket?.destroy();
  }

  private teardown(reason: string): void {
    clearTimeout(this.loginTimer);
    clearInterval(this.pingTimer);
    this.loggedIn = this.router.loggedIn = false;
    this.pingInFlight = false;
    this.generation++;
    const { manager, socket } = this;
    this.manager = undefined;
    this.socket = undefined;
    if (manager) {
      manager.removeAllListeners();
      manager.on('error', () => undefined); // the library re-emits socket errors: keep one sink
      manager.disconnect();
    }
    socket?.removeListener('data', this.onData);
    socket?.destroy();
    this.pending.rejectAll(reason);
  }

  private setStatus(state: AmiLinkStatus['state'], error?: string): void {
    const status: AmiLinkStatus = {
      state,
      at: this.opts.clock(),
      attempt: this.attempt || undefined,
      error,
    };
    this.statusSubject.next(status);
  }

  private readonly sendPing = (): void => {
    if (!this.loggedIn || this.pingInFlight) return;
    this.pingInFlight = true;
    const generation = this.generation;
    const inboundAtSend = this.inboundChars;
    this.send('Ping', {}, (id) =>
      this.pending.add(id, 'Ping', this.opts.pingTimeoutMs, false),
    ).then(
      () => (this.pingInFlight = false),
      (error: unknown) => {
        if (!(error instanceof AmiError && error.code === 'timeout')) {
          this.pingInFlight = false;
          return;
        }
        // Judged after the poll phase: under a saturated event loop the timer fires before the
        // socket's waiting bytes are read, and those bytes are proof of life.
        setImmediate(() => this.judgeUnansweredPing(generation, inboundAtSend));
      },
    );
  };

  /** A Ping unanswered while frames keep arriving is lag (ours or the PBX's), not a dead link. */
  private judgeUnansweredPing(generation: number, inboundAtSend: number): void {
    this.pingInFlight = false;
    if (generation !== this.generation) return;
    if (this.inboundChars > inboundAtSend) {
      this.router.counters.latePings++;
      return;
    }
    this.fail(
      `AMI Ping to ${this.endpoint} unanswered after ${this.opts.pingTimeoutMs} ms and nothing received (half-open link?)`,
    );
  }

  private readonly onData = (chunk: string): void => {
    this.inboundChars += chunk.length;
    if (this.frameGuard.accept(chunk)) return;
    this.router.counters.oversizedFrames++;
    this.frameGuard.reset();
    this.fail(
      `AMI frame from ${this.endpoint} exceeded ${this.opts.maxFrameChars} characters without ending`,
    );
  };
}
