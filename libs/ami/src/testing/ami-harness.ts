import { type Subscription } from 'rxjs';
import { AmiConnection, type AmiLinkStatus } from '../ami-connection';
import type { AmiConnectionOptions, AmiLogger } from '../ami-connection-options';
import type { AmiMessage } from '../ami-message';
import { FakeAmiServer, waitFor } from './fake-ami-server';

/** A fake server plus an AmiConnection to it, recording everything the connection emits. */
export class AmiHarness {
  readonly logs: string[] = [];
  readonly events: AmiMessage[] = [];
  readonly statuses: AmiLinkStatus[] = [];
  logins = 0;
  readonly conn: AmiConnection;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    readonly server: FakeAmiServer,
    options: Partial<AmiConnectionOptions> = {},
  ) {
    const logger: AmiLogger = {
      log: (m) => this.logs.push(`log: ${m}`),
      warn: (m) => this.logs.push(`warn: ${m}`),
      error: (m) => this.logs.push(`error: ${m}`),
    };
    this.conn = new AmiConnection({
      host: '127.0.0.1',
      port: server.port,
      username: server.username,
      secret: server.secret,
      logger,
      ...options,
    });
    this.subscriptions.push(
      this.conn.events$.subscribe((e) => this.events.push(e)),
      this.conn.status$.subscribe((s) => this.statuses.push(s)),
      this.conn.onLogin$.subscribe(() => this.logins++),
    );
  }

  static async up(options: Partial<AmiConnectionOptions> = {}): Promise<AmiHarness> {
    const harness = new AmiHarness(await FakeAmiServer.start(), options);
    harness.conn.start();
    await harness.waitForLogins(1);
    return harness;
  }

  waitForLogins(count: number, timeoutMs = 3000): Promise<void> {
    return waitFor(() => this.logins >= count, timeoutMs, `${count} login(s)`);
  }

  waitForEvent(name: string, timeoutMs = 3000): Promise<void> {
    return waitFor(() => this.events.some((e) => e.name === name), timeoutMs, `event ${name}`);
  }

  liveNames(): string[] {
    return this.events.map((e) => e.name).filter((n) => n !== 'FullyBooted');
  }

  async close(): Promise<void> {
    await this.conn.stop();
    for (const s of this.subscriptions) s.unsubscribe();
    await this.server.close();
  }
}
