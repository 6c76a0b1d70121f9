import { type HubSocket } from '../audience';
import { type ServerMessage } from '../protocol';

/** A socket where only what the hub touches matters: backpressure, frames, close. */
export class FakeSocket implements HubSocket {
  bufferedAmount = 0;
  readonly raw: Buffer[] = [];
  closed?: { code: number; reason: string };

  send(data: Buffer): void {
    if (this.closed) throw new Error('send after close');
    this.raw.push(data);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  get messages(): ServerMessage[] {
    return this.raw.map((b) => JSON.parse(b.toString('utf8')) as ServerMessage);
  }

  /** Messages received since the last call. */
  take(): ServerMessage[] {
    const all = this.messages.slice(this.taken);
    this.taken = this.raw.length;
    return all;
  }

  private taken = 0;
}
