/**
 * A bare `net` AMI client for tests: records every byte and message it receives, with no AMI
 * library in between, so tests see exactly what a replay server sent.
 */
import { type Socket, connect } from 'node:net';
import {
  type AmiHeader,
  FrameAccumulator,
  bannerEnd,
  headerValue,
  parseHeaders,
} from './ami-frames';

export interface ReceivedMessage {
  readonly headers: readonly AmiHeader[];
  readonly text: string;
  get(key: string): string | undefined;
}

export class RawAmiClient {
  /** Every byte received, banner included. */
  readonly chunks: Buffer[] = [];
  /** Messages after the banner, in order. */
  readonly messages: ReceivedMessage[] = [];
  banner: string | undefined;
  /** Resolves when the server (or `close()`) closed the socket. */
  readonly closed: Promise<void>;
  private readonly accumulator = new FrameAccumulator();
  private pendingBanner: Buffer = Buffer.alloc(0);
  private listeners: Array<() => void> = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    this.closed.then(
      () => this.notify(),
      () => undefined,
    );
  }

  static connect(port: number): Promise<RawAmiClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawAmiClient(socket));
      });
    });
  }

  get isClosed(): boolean {
    return this.socket.destroyed || this.socket.readableEnded;
  }

  receivedBytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Sends raw text, or `Key: value` lines in the given order (keys may repeat). */
  send(message: string | ReadonlyArray<readonly [string, string]>): void {
    const text =
      typeof message === 'string'
        ? message
        : `${message.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    this.socket.write(text);
  }

  /** Resolves with the first message (already received or future) matching `predicate`. */
  waitFor(predicate: (m: ReceivedMessage) => boolean, timeoutMs = 5000): Promise<ReceivedMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find(predicate);
        if (found) resolve(found);
        else if (this.isClosed) reject(new Error('socket closed before the expected message'));
        return found !== undefined || this.isClosed;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  count(predicate: (m: ReceivedMessage) => boolean): number {
    return this.messages.filter(predicate).length;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    let rest = chunk;
    if (this.banner === undefined) {
      // The banner is one line without the blank line that ends messages.
      this.pendingBanner = Buffer.concat([this.pendingBanner, chunk]);
      const end = bannerEnd(this.pendingBanner);
      if (end < 0) return;
      this.banner = this.pendingBanner.subarray(0, end).toString('utf8').trimEnd();
      rest = this.pendingBanner.subarray(end);
    }
    for (const bytes of this.accumulator.push(rest)) {
      const headers = parseHeaders(bytes);
      this.messages.push({
        headers,
        text: bytes.toString('utf8'),
        get: (k) => headerValue(headers, k),
      });
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** `Event: <name>` matcher. */
export const isEvent =
  (name: string) =>
  (m: ReceivedMessage): boolean =>
    m.get('Event') === name;
