/**
 * One accepted socket of the replay server: banner, Login, then the connection's live messages
 * with the answers to the client's actions slipped in between two messages, never inside one.
 */
import { type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  type AmiFrame,
  type AmiHeader,
  FrameAccumulator,
  headerValue,
  parseHeaders,
} from './ami-frames';
import { AnswerBook } from './answer-book';
import { type Chunker } from './chunkers';

export interface SessionHost {
  readonly book: AnswerBook;
  readonly credentials?: { readonly username: string; readonly secret: string };
  readonly chunker?: Chunker;
  /** performance.now() at which capture time `t` is due; undefined = as fast as possible. */
  dueAt(t: number): number | undefined;
  /** Capture time of the last live message written, and its epoch ms. */
  positionT(): number;
  positionEpochMs(): number | undefined;
  liveWritten(t: number): void;
  actionReceived(action: string): void;
}

export interface SessionScript {
  /** Capture connection whose Login answer is replayed. */
  readonly conn: number;
  readonly startT: number;
  readonly banner: Buffer;
  readonly live: readonly AmiFrame[];
  /** What to do once every live message is written. */
  readonly afterLive: 'close' | 'stay-open';
  /** Called once every live message is written and handed to the kernel. */
  readonly onLiveFlushed?: () => void;
  /** Lower-case actions the client must have sent before live traffic starts (its resync). */
  readonly awaitActions: readonly string[];
}

/** How long live traffic waits for the awaited actions before starting anyway. */
const AWAIT_ACTIONS_MS = 5_000;

export class ReplaySession {
  private readonly accumulator = new FrameAccumulator();
  private readonly outbox: Buffer[] = [];
  private readonly stream: Buffer;
  /** End offset of each live message in `stream` (script.live[i] ends at frameEnds[i]). */
  private readonly frameEnds: number[] = [];
  private framesWritten = 0;
  private liveOffset = 0;
  private loggedIn = false;
  private readonly actionsSeen = new Set<string>();
  /** Logoff or failed Login: flush the answer, then close, like Asterisk. */
  private closing = false;
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private lastFlush: Promise<boolean> = Promise.resolve(true);
  private readonly socketClosed: Promise<boolean>;

  constructor(
    private readonly socket: Socket,
    private readonly host: SessionHost,
    private readonly script: SessionScript,
  ) {
    this.stream = Buffer.concat(script.live.map((f) => f.bytes));
    let offset = 0;
    for (const frame of script.live) this.frameEnds.push((offset += frame.bytes.length));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined); // a client vanishing mid-stream is not our failure
    this.socketClosed = new Promise((resolve) =>
      socket.on('close', () => {
        this.closed = true;
        this.wake();
        resolve(false);
      }),
    );
  }

  destroy(): void {
    this.socket.destroy();
  }

  async run(): Promise<void> {
    await this.write(this.script.banner);
    while (!this.loggedIn) {
      if (await this.flushAnswers()) return;
      await this.waitForWake();
    }
    if (!(await this.awaitResyncActions())) return;
    if (!(await this.streamLive())) return;
    const flushed = await Promise.race([this.lastFlush, this.socketClosed]);
    if (!flushed || this.closed) return;
    this.script.onLiveFlushed?.();
    if (this.script.afterLive === 'close') {
      this.closing = true; // the capture's connection ended here: the client must reconnect
    }
    while (!(await this.flushAnswers())) await this.waitForWake();
  }

  /** Holds live traffic until the client asked for its snapshot, so the answers match t = start. */
  private async awaitResyncActions(): Promise<boolean> {
    const deadline = performance.now() + AWAIT_ACTIONS_MS;
    while (
      !this.script.awaitActions.every((a) => this.actionsSeen.has(a)) &&
      performance.now() < deadline
    ) {
      if (await this.flushAnswers()) return false;
      await this.waitForWake(deadline - performance.now());
    }
    return !(await this.flushAnswers());
  }

  private async streamLive(): Promise<boolean> {
    for (const [start, end] of this.liveChunks()) {
      const due = this.host.dueAt(this.timeOfByte(start));
      while (due !== undefined && performance.now() < due) {
        if (await this.flushAnswers()) return false;
        await this.waitForWake(due - performance.now());
      }
      if (!(await this.writeLive(start, end))) return false;
    }
    return true;
  }

  /** Byte ranges to write; of a chunker's output only the lengths count. */
  private liveChunks(): Array<readonly [number, number]> {
    if (!this.host.chunker)
      return this.frameEnds.map((end, i) => [this.frameEnds[i - 1] ?? 0, end]);
    const ranges: Array<readonly [number, number]> = [];
    let offset = 0;
    for (const chunk of this.host.chunker(this.stream)) {
      if (chunk.length > 0) ranges.push([offset, (offset += chunk.length)]);
    }
    if (offset !== this.stream.length) throw new Error('chunker must return every byte, in order');
    return ranges;
  }

  /** Writes stream[start, end), cutting it at a message end when answers are waiting. */
  private async writeLive(start: number, end: number): Promise<boolean> {
    for (let from = start; from < end;) {
      if (await this.flushAnswers()) return false;
      const messageEnd = this.frameEnds[this.framesWritten];
      const to = this.outbox.length > 0 && messageEnd < end ? messageEnd : end;
      await this.write(this.stream.subarray(from, to));
      from = this.liveOffset = to;
      while (this.frameEnds[this.framesWritten] <= to) {
        this.host.liveWritten(this.script.live[this.framesWritten].t);
        this.framesWritten++;
      }
    }
    return !this.closed;
  }

  private timeOfByte(offset: number): number {
    let index = this.framesWritten;
    while (this.frameEnds[index] <= offset) index++;
    return this.script.live[index].t;
  }

  private atMessageBoundary(): boolean {
    return this.liveOffset === (this.frameEnds[this.framesWritten - 1] ?? 0);
  }

  /** Writes the pending answers if the stream is between two messages; true = session over. */
  private async flushAnswers(): Promise<boolean> {
    if (this.closed) return true;
    if (!this.atMessageBoundary()) return false;
    for (let answer = this.outbox.shift(); answer; answer = this.outbox.shift()) {
      await this.write(answer);
    }
    if (this.closing && !this.closed) {
      this.closed = true;
      this.socket.end();
    }
    return this.closed;
  }

  private onData(chunk: Buffer): void {
    for (const message of this.accumulator.push(chunk)) this.handleAction(parseHeaders(message));
    this.wake();
  }

  private handleAction(headers: readonly AmiHeader[]): void {
    if (this.closing) return; // Asterisk reads nothing after Logoff / a failed Login
    const action = headerValue(headers, 'Action');
    const actionId = headerValue(headers, 'ActionID');
    if (action === undefined) return this.reply(AnswerBook.missingAction(actionId));
    this.host.actionReceived(action);
    const name = action.toLowerCase();
    this.actionsSeen.add(name);
    if (name === 'login') return this.login(headers, actionId);
    if (!this.loggedIn) return this.reply(AnswerBook.authenticationRequired(actionId));
    const positionT = Math.max(this.host.positionT(), this.script.startT);
    this.reply(this.host.book.answer({ action, actionId }, positionT, this.host.positionEpochMs()));
    if (name === 'logoff') this.closing = true;
  }

  private login(headers: readonly AmiHeader[], actionId: string | undefined): void {
    const expected = this.host.credentials;
    const username = headerValue(headers, 'Username');
    const secret = headerValue(headers, 'Secret');
    if (expected && (username !== expected.username || secret !== expected.secret)) {
      this.closing = true;
      return this.reply(AnswerBook.authenticationFailed(actionId));
    }
    this.loggedIn = true;
    this.reply(this.host.book.login(this.script.conn, actionId));
  }

  private reply(bytes: Buffer): void {
    this.outbox.push(bytes);
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Sleeps until an action arrives, the socket closes, or `timeoutMs` passes. */
  private waitForWake(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer =
        timeoutMs === undefined ? undefined : setTimeout(resolve, Math.max(0, timeoutMs));
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Resolves when the socket takes more (backpressure); `lastFlush` tells when it hit the kernel. */
  private write(bytes: Buffer): Promise<void> {
    if (this.closed || bytes.length === 0) return Promise.resolve();
    let flushed: (ok: boolean) => void = () => undefined;
    this.lastFlush = new Promise((resolve) => (flushed = resolve));
    const accepted = this.socket.write(bytes, (error) => flushed(!error));
    if (accepted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done).off('close', done);
        resolve();
      };
      this.socket.once('drain', done).once('close', done);
    });
  }
}
