/**
 * A fake Asterisk on 127.0.0.1 that replays an AMI capture to real client code: the capture's
 * N-th event-stream connection goes to the N-th accepted socket (an operator's `Events: off`
 * connection is not one: replay must equal the live product, which never opened it), the client's own actions get the recorded
 * answers (ActionID rewritten), and the generator's answers never leak into the live stream.
 */
import { type Server, type Socket, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AnswerBook } from './answer-book';
import { type Capture, type CaptureConnection } from './capture-file';
import { type Chunker } from './chunkers';
import { ReplaySession, type SessionHost, type SessionScript } from './replay-session';

export interface CaptureReplayOptions {
  readonly capture: Capture;
  /** Undefined: as fast as the socket takes it. Else capture time t is sent at t / speed. */
  readonly speed?: number;
  /** Re-cuts each connection's live byte stream into socket writes (parser property tests). */
  readonly chunker?: Chunker;
  /** When set, a Login with other credentials gets `Authentication failed` and the socket closes. */
  readonly credentials?: { readonly username: string; readonly secret: string };
  /**
   * Actions (e.g. the client's resync lists) each connection waits for after Login before its
   * live traffic starts, so they are answered with what Asterisk said at the connection's start.
   */
  readonly awaitActions?: readonly string[];
}

export interface ReplayPosition {
  /** Capture time (ms) of the last live message written; 0 before any. */
  readonly t: number;
  /** The same instant as epoch ms (undefined when the capture has no `Timestamp:` header). */
  readonly epochMs: number | undefined;
}

export interface ReplayCounters {
  readonly connectionsAccepted: number;
  /** Actions received, by name as the client wrote it. */
  readonly actions: Readonly<Record<string, number>>;
}

const DEFAULT_BANNER = Buffer.from('Asterisk Call Manager/11.0.0\r\n', 'utf8');

export class CaptureReplayServer {
  /** Resolves once the last connection's live messages are all written and flushed. */
  readonly finished: Promise<void>;
  private resolveFinished: () => void = () => undefined;
  private readonly server: Server;
  private readonly streams: readonly CaptureConnection[];
  private readonly sessions = new Set<ReplaySession>();
  private readonly actions = new Map<string, number>();
  private readonly host: SessionHost;
  private accepted = 0;
  private lastLiveT = 0;
  /** performance.now() at capture time 0 (paced mode only). */
  private clockOrigin: number | undefined;

  constructor(private readonly options: CaptureReplayOptions) {
    if (options.speed !== undefined && !(options.speed > 0)) throw new Error('speed must be > 0');
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    this.streams = eventStreams(options.capture);
    if (this.streams.length === 0) this.resolveFinished();
    this.host = this.makeHost();
    this.server = createServer((socket) => this.accept(socket));
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('server not started');
    return address.port;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    for (const session of this.sessions) session.destroy();
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  position(): ReplayPosition {
    return { t: this.lastLiveT, epochMs: this.epochOf(this.lastLiveT) };
  }

  counters(): ReplayCounters {
    return { connectionsAccepted: this.accepted, actions: Object.fromEntries(this.actions) };
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const session = new ReplaySession(socket, this.host, this.scriptFor(++this.accepted));
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    session.run().catch(() => session.destroy());
  }

  private scriptFor(socketNumber: number): SessionScript {
    const connections = this.streams;
    const connection = connections[socketNumber - 1];
    if (!connection) {
      // More sockets than recorded connections: answer actions, stream nothing.
      const last = connections[connections.length - 1];
      return {
        conn: last?.conn ?? 1,
        startT: this.lastLiveT,
        banner: last?.banner ?? DEFAULT_BANNER,
        live: [],
        afterLive: 'stay-open',
        awaitActions: [],
      };
    }
    const isLast = socketNumber === connections.length;
    this.anchorClock(connection.startT);
    return {
      conn: connection.conn,
      startT: connection.startT,
      banner: connection.banner.length > 0 ? connection.banner : DEFAULT_BANNER,
      live: connection.live,
      afterLive: isLast ? 'stay-open' : 'close',
      onLiveFlushed: isLast ? () => this.resolveFinished() : undefined,
      awaitActions: (this.options.awaitActions ?? []).map((a) => a.toLowerCase()),
    };
  }

  /** A client reconnecting later than in the capture shifts the schedule, never bursts it. */
  private anchorClock(startT: number): void {
    const { speed } = this.options;
    if (speed === undefined) return;
    const anchored = performance.now() - startT / speed;
    this.clockOrigin = Math.max(this.clockOrigin ?? anchored, anchored);
  }

  private epochOf(t: number): number | undefined {
    const offset = this.options.capture.epochOffsetMs;
    return offset === undefined ? undefined : t + offset;
  }

  private makeHost(): SessionHost {
    const { speed, chunker, credentials, capture } = this.options;
    return {
      book: new AnswerBook(capture),
      credentials,
      chunker,
      dueAt: (t) =>
        speed === undefined || this.clockOrigin === undefined
          ? undefined
          : this.clockOrigin + t / speed,
      positionT: () => this.lastLiveT,
      positionEpochMs: () => this.epochOf(this.lastLiveT),
      liveWritten: (t) => (this.lastLiveT = t),
      actionReceived: (action) => this.actions.set(action, (this.actions.get(action) ?? 0) + 1),
    };
  }
}

/** The connections a product's event socket would have seen; all of them if none carried events. */
function eventStreams(capture: Capture): readonly CaptureConnection[] {
  const streams = capture.connections.filter((c) => c.eventStream);
  return streams.length > 0 ? streams : capture.connections;
}
