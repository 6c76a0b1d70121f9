import { type IncomingMessage } from 'node:http';
import WebSocket, { type ClientOptions } from 'ws';
import { type ServerMessage } from '../protocol';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/**
 * A real `ws` client that queues every frame so none is missed between awaits, and knows how
 * its connection ended.
 */
export class TestClient {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  private cursor = 0;
  private waiters: (() => boolean)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      this.wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    void this.closed.then(() => this.wake());
  }

  static connect(
    url: string,
    options: ClientOptions & { protocols?: string[] } = {},
  ): Promise<TestClient> {
    const ws = new WebSocket(url, options.protocols ?? [], options);
    const client = new TestClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res: IncomingMessage) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      );
    });
  }

  /** The HTTP answer to an upgrade the server refuses before `101`. */
  static refusal(
    url: string,
    options: ClientOptions = {},
  ): Promise<{ status: number; body: string }> {
    const ws = new WebSocket(url, options);
    ws.on('error', () => undefined);
    return new Promise((resolve, reject) => {
      ws.once('open', () => reject(new Error('upgrade was accepted')));
      ws.once('unexpected-response', (_req, res: IncomingMessage) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
    });
  }

  send(message: unknown): void {
    this.ws.send(
      typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message),
    );
  }

  /** The next unread message, optionally of a type (skipping others). */
  async next<T extends ServerMessage['type']>(
    type?: T,
    timeoutMs = 3_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const found = await this.until(() => {
      while (this.cursor < this.received.length) {
        const m = this.received[this.cursor++]!;
        if (!type || m.type === type) return m;
      }
      return undefined;
    }, timeoutMs);
    return found as Extract<ServerMessage, { type: T }>;
  }

  /** Pings and waits for the pong: everything the server sent before has arrived. */
  async sync(): Promise<void> {
    const id = Math.floor(Math.random() * 1e9);
    this.send({ type: 'ping', id });
    await this.until(
      () => this.received.some((m) => m.type === 'pong' && m.id === id) || undefined,
      5_000,
    );
  }

  close(): void {
    this.ws.close();
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms; received ${JSON.stringify(this.received.map((m) => m.type))}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      if (!check()) this.waiters.push(check);
    });
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => !w());
  }
}
