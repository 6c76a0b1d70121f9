import net from 'node:net';

/** Test-only AMI server on 127.0.0.1: real TCP, the wire format Asterisk speaks. */

export type Header = readonly [key: string, value: string];

/** One action as the server parsed it: headers in wire order. */
export class ReceivedAction {
  constructor(
    readonly headers: readonly Header[],
    readonly session: FakeAmiSession,
  ) {}

  get(key: string): string | undefined {
    return this.headers.find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  }

  get name(): string {
    return this.get('action') ?? '';
  }

  get actionId(): string {
    return this.get('actionid') ?? '';
  }
}

export function frame(headers: readonly Header[]): string {
  return headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
}

export class FakeAmiSession {
  loggedIn = false;
  closed = false;
  /** Everything the client wrote, decoded, in order. */
  received = '';
  private buffer = '';

  constructor(
    readonly socket: net.Socket,
    private readonly server: FakeAmiServer,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => this.onData(data.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => (this.closed = true));
    socket.write('Asterisk Call Manager/11.0.0\r\n');
  }

  send(headers: readonly Header[]): void {
    this.write(frame(headers));
  }

  respond(action: ReceivedAction, headers: readonly Header[]): void {
    this.send([
      headers[0] ?? ['Response', 'Success'],
      ['ActionID', action.actionId],
      ...headers.slice(1),
    ]);
  }

  write(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(text: string): void {
    this.received += text;
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n\r\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      const headers = block.split('\r\n').map((line): Header => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
      });
      this.server.dispatch(new ReceivedAction(headers, this));
    }
  }
}

export type ActionHandler = (action: ReceivedAction, session: FakeAmiSession) => void;

export class FakeAmiServer {
  readonly sessions: FakeAmiSession[] = [];
  readonly actions: ReceivedAction[] = [];
  /** Set false to simulate a half-open link: Ping gets no answer. */
  answerPing = true;
  private readonly handlers = new Map<string, ActionHandler>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    readonly username: string,
    readonly secret: string,
  ) {
    server.on('connection', (socket) => this.sessions.push(new FakeAmiSession(socket, this)));
  }

  static async start(
    credentials = { username: 'cti', secret: 'pa55-w0rd' },
  ): Promise<FakeAmiServer> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    return new FakeAmiServer(server, port, credentials.username, credentials.secret);
  }

  /** Custom behaviour for an action name (case-insensitive); replaces the default. */
  on(actionName: string, handler: ActionHandler): void {
    this.handlers.set(actionName.toLowerCase(), handler);
  }

  get lastSession(): FakeAmiSession {
    const session = this.sessions[this.sessions.length - 1];
    if (!session) throw new Error('no session yet');
    return session;
  }

  actionsNamed(name: string): ReceivedAction[] {
    return this.actions.filter((a) => a.name.toLowerCase() === name.toLowerCase());
  }

  dispatch(action: ReceivedAction): void {
    this.actions.push(action);
    const name = action.name.toLowerCase();
    const custom = this.handlers.get(name);
    if (custom) return custom(action, action.session);
    if (name === 'login') return this.login(action);
    if (name === 'ping') {
      if (this.answerPing)
        action.session.respond(action, [
          ['Response', 'Success'],
          ['Ping', 'Pong'],
        ]);
      return;
    }
    if (name === 'logoff') {
      action.session.respond(action, [
        ['Response', 'Goodbye'],
        ['Message', 'Thanks for all the fish.'],
      ]);
      action.session.socket.end();
      return;
    }
    action.session.respond(action, [
      ['Response', 'Error'],
      ['Message', 'Invalid/unknown command'],
    ]);
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private login(action: ReceivedAction): void {
    const session = action.session;
    if (action.get('username') === this.username && action.get('secret') === this.secret) {
      session.loggedIn = true;
      session.respond(action, [
        ['Response', 'Success'],
        ['Message', 'Authentication accepted'],
      ]);
      session.send([
        ['Event', 'FullyBooted'],
        ['Privilege', 'system,all'],
        ['Status', 'Fully Booted'],
      ]);
      return;
    }
    // Asterisk answers, then closes the session.
    session.respond(action, [
      ['Response', 'Error'],
      ['Message', 'Authentication failed'],
    ]);
    session.socket.end();
  }
}

/** Answers a list action with the given items, the Complete event after completeAfterMs. */
export function serveList(
  server: FakeAmiServer,
  action: string,
  items: Header[][],
  log: string[],
  completeAfterMs = 20,
): void {
  server.on(action, (a: ReceivedAction, s: FakeAmiSession) => {
    log.push(`${action} received`);
    s.respond(a, [
      ['Response', 'Success'],
      ['EventList', 'start'],
      ['Message', `${action} will follow`],
    ]);
    for (const item of items) s.send([item[0]!, ['ActionID', a.actionId], ...item.slice(1)]);
    setTimeout(() => {
      log.push(`${action} complete`);
      s.send([
        ['Event', `${action}Complete`],
        ['ActionID', a.actionId],
        ['EventList', 'Complete'],
        ['ListItems', String(items.length)],
      ]);
    }, completeAfterMs);
  });
}

/** Polls until the condition holds (real time), or fails after timeoutMs. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
