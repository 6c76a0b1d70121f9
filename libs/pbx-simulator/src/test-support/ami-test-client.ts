import { connect, type Socket } from 'node:net';
import { type Fields } from '../ami/frame';

/** A frame received from the server, with its keys in order. */
export interface ReceivedFrame {
  fields: Fields;
  get(key: string): string | undefined;
}

function toFrame(text: string): ReceivedFrame {
  const fields: Fields = text.split('\r\n').map((line): [string, string] => {
    const i = line.indexOf(': ');
    return i < 0 ? [line.replace(/:$/, ''), ''] : [line.slice(0, i), line.slice(i + 2)];
  });
  return {
    fields,
    get: (key) => fields.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1],
  };
}

/**
 * A bare AMI client for tests: keeps every byte received (for byte-identity checks) and every
 * frame, splits frames on the raw bytes (so UTF-8 names cut across chunks stay intact).
 */
export class AmiTestClient {
  readonly frames: ReceivedFrame[] = [];
  readonly chunks: Buffer[] = [];
  banner = '';
  private pending = Buffer.alloc(0);
  private waiters: Array<{
    test: (f: ReceivedFrame) => boolean;
    resolve: (f: ReceivedFrame) => void;
  }> = [];
  private nextId = 1;
  readonly closed: Promise<void>;
  onFrame: ((frame: ReceivedFrame) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
  }

  static connect(port: number, host = '127.0.0.1'): Promise<AmiTestClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new AmiTestClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Everything received so far, bytes as they came. */
  get received(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Writes raw text (to test framing variants). */
  writeRaw(text: string): void {
    this.socket.write(text);
  }

  /** Sends an action with a fresh ActionID and returns that id. */
  send(action: string, headers: Record<string, string> = {}): string {
    const id = `t-${this.nextId++}`;
    let text = `Action: ${action}\r\nActionID: ${id}\r\n`;
    for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
    this.socket.write(`${text}\r\n`);
    return id;
  }

  /** Sends an action and waits for its Response frame. */
  async request(
    action: string,
    headers: Record<string, string> = {},
    timeoutMs = 5000,
  ): Promise<ReceivedFrame> {
    const id = this.send(action, headers);
    return this.waitFor(
      (f) => f.get('Response') !== undefined && f.get('ActionID') === id,
      timeoutMs,
    );
  }

  /** Sends a list action; resolves with the frames of its answer up to the `...Complete` event. */
  async list(
    action: string,
    headers: Record<string, string> = {},
    timeoutMs = 5000,
  ): Promise<ReceivedFrame[]> {
    const id = this.send(action, headers);
    const start = this.frames.length;
    await this.waitFor(
      (f) => f.get('ActionID') === id && f.get('EventList') === 'Complete',
      timeoutMs,
    );
    return this.frames.slice(start).filter((f) => f.get('ActionID') === id);
  }

  /** Resolves with the first frame (already received or future) matching `test`. */
  waitFor(test: (f: ReceivedFrame) => boolean, timeoutMs = 5000): Promise<ReceivedFrame> {
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.pending = Buffer.concat([this.pending, chunk]);
    if (this.banner === '') {
      const eol = this.pending.indexOf('\r\n');
      if (eol < 0) return;
      this.banner = this.pending.subarray(0, eol).toString('utf8');
      this.pending = this.pending.subarray(eol + 2);
    }
    let end = this.pending.indexOf('\r\n\r\n');
    while (end >= 0) {
      const frame = toFrame(this.pending.subarray(0, end).toString('utf8'));
      this.pending = this.pending.subarray(end + 4);
      this.frames.push(frame);
      this.onFrame?.(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
      end = this.pending.indexOf('\r\n\r\n');
    }
  }
}
