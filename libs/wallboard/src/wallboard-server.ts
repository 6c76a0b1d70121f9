import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { type Principal, scopeKey } from './access-policy';
import { MAX_CLIENT_MESSAGE_BYTES } from './parse-client-message';
import { CloseCode, type Scope, WALLBOARD_SUBPROTOCOL } from './protocol';
import { type TokenVerifier, TokenRejected } from './token-verifier';
import {
  type ConnectionContext,
  rejectionClose,
  WallboardConnection,
  type WallboardLogger,
} from './wallboard-connection';
import { type WallboardHub } from './wallboard-hub';

export interface WallboardServerOptions {
  /** Default '/ws'. */
  readonly path?: string;
  /** Browser origins allowed besides the page's own (same-origin); empty = no other. */
  readonly allowedOrigins?: readonly string[];
  /** Time for the first `auth` message when no token came with the upgrade (default 5 s). */
  readonly authTimeoutMs?: number;
  /** Tokens are verified again this often: revocation reaches open sockets (default 30 s). */
  readonly recheckMs?: number;
  /** Ping interval; a peer that has not answered the previous ping is dropped (default 30 s). */
  readonly heartbeatMs?: number;
  readonly closeGraceMs?: number;
  /** Authenticated sockets in total (default 2,000); sockets still authenticating do not count. */
  readonly maxSockets?: number;
  /** Sockets not yet authenticated, in total (default 200): beyond it the oldest is closed. */
  readonly maxUnauthenticatedSockets?: number;
  /** Sockets not yet authenticated from one client address (default 10). */
  readonly maxUnauthenticatedPerAddress?: number;
  readonly maxSocketsPerUser?: number;
  readonly maxMessagesPerSecond?: number;
  readonly maxProtocolErrors?: number;
  readonly logger?: WallboardLogger;
  /** Where unmasked subscriptions are recorded (the app's audit trail); none: not recorded. */
  readonly audit?: WallboardAudit;
}

/** The audit trail, as @cti/auth's AuditLog offers it. */
export interface WallboardAudit {
  append(entry: {
    readonly actor: string;
    readonly action: string;
    readonly target?: string;
    readonly details?: Readonly<Record<string, unknown>>;
  }): Promise<unknown>;
}

const SILENT: WallboardLogger = { log: () => undefined, warn: () => undefined };
const BEARER_PROTOCOL = 'bearer.';

/**
 * The wallboard's WebSocket endpoint on an existing HTTP server. It owns the `upgrade` so it can
 * refuse before `101`: a foreign Origin (403), a bad header token (401). Tokens may also come in
 * a first `auth` message (what browsers do); nothing is sent before authentication.
 */
export class WallboardServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<WallboardConnection>();
  /** Connections still authenticating, with their client address. */
  private readonly unauthenticated = new Map<WallboardConnection, string>();
  private readonly authenticated = new Set<WallboardConnection>();
  private readonly ctx: ConnectionContext;
  private readonly path: string;
  private readonly allowedOrigins: ReadonlySet<string>;
  private readonly timers: NodeJS.Timeout[] = [];
  private httpServer?: Server;
  private rechecking = false;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    void this.upgrade(req, socket, head);

  constructor(
    hub: WallboardHub,
    private readonly verifier: TokenVerifier,
    private readonly options: WallboardServerOptions = {},
  ) {
    this.path = options.path ?? '/ws';
    this.allowedOrigins = new Set((options.allowedOrigins ?? []).map((o) => o.toLowerCase()));
    // No compression: it cuts fan-out throughput ~8x here (machine-notes) and fragments zlib memory.
    this.wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      clientTracking: false,
      handleProtocols: (offered) =>
        offered.has(WALLBOARD_SUBPROTOCOL) ? WALLBOARD_SUBPROTOCOL : false,
    });
    this.wss.on('error', (error) =>
      this.ctx.logger.warn(`wallboard server error: ${error.message}`),
    );
    this.ctx = {
      hub,
      verify: (token) => verifier.verify(token),
      admit: (p) =>
        this.authenticatedCount >= (options.maxSockets ?? 2_000) ||
        this.socketsOf(p.userId) >= (options.maxSocketsPerUser ?? 5)
          ? CloseCode.TryAgainLater
          : undefined,
      authenticated: (c) => {
        this.unauthenticated.delete(c);
        this.authenticated.add(c);
      },
      closed: (c) => {
        this.connections.delete(c);
        this.unauthenticated.delete(c);
        this.authenticated.delete(c);
      },
      auditUnmasked: (p, scope) => this.auditUnmasked(p, scope),
      logger: options.logger ?? SILENT,
      authTimeoutMs: options.authTimeoutMs ?? 5_000,
      closeGraceMs: options.closeGraceMs ?? 5_000,
      maxProtocolErrors: options.maxProtocolErrors ?? 3,
      maxMessagesPerSecond: options.maxMessagesPerSecond ?? 10,
    };
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private get authenticatedCount(): number {
    return this.authenticated.size;
  }

  attach(server: Server): void {
    this.httpServer = server;
    server.on('upgrade', this.onUpgrade);
    this.timers.push(setInterval(() => this.heartbeat(), this.options.heartbeatMs ?? 30_000));
    this.timers.push(setInterval(() => void this.recheck(), this.options.recheckMs ?? 30_000));
  }

  /** Closes every socket with 1001 and waits for them (each is cut after the grace at worst). */
  async close(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    for (const t of this.timers) clearInterval(t);
    const open = [...this.connections];
    const gone = new Promise<void>((resolve) => {
      if (!open.length) return resolve();
      const check = setInterval(() => {
        if (open.every((c) => !this.connections.has(c))) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    for (const c of open) c.close(CloseCode.GoingAway, 'server shutting down');
    await gone;
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Until `ws` owns the socket, an error on it (a reset mid-handshake) is ours to handle.
    const onError = (error: Error) =>
      this.ctx.logger.warn(`wallboard upgrade socket error: ${error.message}`);
    socket.on('error', onError);
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== this.path) {
      // Other upgrade listeners may own that path; alone, we must not leave the socket hanging.
      if (this.httpServer?.listenerCount('upgrade') === 1) refuse(socket, 404);
      return;
    }
    if (!this.originAllowed(req)) return refuse(socket, 403, { error: 'origin not allowed' });
    const token = tokenOf(req);
    const address = req.socket.remoteAddress ?? 'unknown';
    const refusal = token ? this.authenticatedBudget() : this.unauthenticatedBudget(address);
    if (refusal) return refuse(socket, refusal, { error: 'too many connections' });
    let principal: Principal | undefined;
    if (token) {
      try {
        principal = await withTimeout(this.verifier.verify(token), this.ctx.authTimeoutMs);
      } catch (error) {
        const [code, reason] = rejectionClose(error, this.ctx.logger);
        return refuse(socket, error instanceof TokenRejected ? 401 : 503, { code, error: reason });
      }
      if (this.ctx.admit(principal) !== undefined)
        return refuse(socket, 429, {
          code: CloseCode.TryAgainLater,
          error: 'too many connections',
        });
      if (socket.destroyed) return;
    }
    socket.off('error', onError);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new WallboardConnection(
        ws,
        this.ctx,
        principal && token ? { principal, token } : undefined,
      );
      this.connections.add(connection);
      if (!connection.principal) this.unauthenticated.set(connection, address);
    });
  }

  private async auditUnmasked(principal: Principal, scope: Scope): Promise<boolean> {
    if (!this.options.audit) return true;
    try {
      await this.options.audit.append({
        actor: principal.userId,
        action: 'wallboard.unmasked_subscription',
        target: scopeKey(scope),
        details: { role: principal.role, scope },
      });
      return true;
    } catch (error) {
      this.ctx.logger.warn(
        `audit of an unmasked subscription failed, numbers stay masked: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /** 503 when the authenticated sockets are at their cap. */
  private authenticatedBudget(): 503 | undefined {
    return this.authenticatedCount >= (this.options.maxSockets ?? 2_000) ? 503 : undefined;
  }

  /**
   * Sockets that have not authenticated yet have a small budget of their own, apart from the
   * authenticated cap: a flood of them (each may idle for the auth timeout) cannot lock real
   * boards out. One address gets a few (429 beyond). When the whole budget is taken, the oldest
   * idle one is closed to make room rather than refusing the newcomer: a real board needs only
   * the milliseconds until its `auth` message, a flood's sockets idle, so the board gets through.
   */
  private unauthenticatedBudget(address: string): 429 | 503 | undefined {
    let fromAddress = 0;
    for (const a of this.unauthenticated.values()) if (a === address) fromAddress++;
    if (fromAddress >= (this.options.maxUnauthenticatedPerAddress ?? 10)) return 429;
    if (this.unauthenticated.size < (this.options.maxUnauthenticatedSockets ?? 200))
      return undefined;
    // Only a socket that has not even sent its `auth` is idle; one being verified is not evicted.
    for (const c of this.unauthenticated.keys()) {
      if (!c.awaitingAuth) continue;
      this.unauthenticated.delete(c);
      c.close(CloseCode.TryAgainLater, 'try again later');
      return undefined;
    }
    return 503;
  }

  /** Same-origin pages and allowlisted origins; no Origin header means a non-browser client. */
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (this.allowedOrigins.has(origin.toLowerCase())) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }

  private heartbeat(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        this.ctx.logger.log(
          `wallboard peer ${c.principal?.userId ?? '(unauthenticated)'} missed a ping: dropped`,
        );
        c.terminate();
        continue;
      }
      c.alive = false;
      c.ping();
    }
  }

  /** Verifies every distinct token again; refused ones close their sockets with 4003. */
  private async recheck(): Promise<void> {
    if (this.rechecking) return; // a slow verifier must not pile up rounds
    this.rechecking = true;
    try {
      await this.recheckAll();
    } finally {
      this.rechecking = false;
    }
  }

  private async recheckAll(): Promise<void> {
    const byToken = new Map<string, WallboardConnection[]>();
    for (const c of this.connections) {
      if (c.ready && c.token) byToken.set(c.token, [...(byToken.get(c.token) ?? []), c]);
    }
    await Promise.all(
      [...byToken].map(async ([token, conns]) => {
        try {
          const principal = await this.verifier.verify(token);
          for (const c of conns) c.reverified(principal);
        } catch (error) {
          if (!(error instanceof TokenRejected)) {
            // The check itself failed: keep the sockets unless their token has run out.
            this.ctx.logger.warn(`wallboard re-check failed: ${(error as Error).message}`);
            for (const c of conns)
              if ((c.principal?.expiresAt ?? 0) <= Date.now())
                c.close(CloseCode.Expired, 'token expired');
            return;
          }
          this.ctx.logger.log(
            `wallboard token of ${conns[0]?.principal?.userId ?? '?'} ${error.reason}: ${conns.length} socket(s) closed`,
          );
          for (const c of conns) c.close(...rejectionClose(error, this.ctx.logger));
        }
      }),
    );
  }

  private socketsOf(userId: string): number {
    let n = 0;
    for (const c of this.authenticated) if (c.principal?.userId === userId) n++;
    return n;
  }
}

/** `Authorization: Bearer <t>` or a `bearer.<t>` entry in Sec-WebSocket-Protocol. */
function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  const protocols = req.headers['sec-websocket-protocol'];
  for (const p of protocols?.split(',') ?? []) {
    const t = p.trim();
    if (t.startsWith(BEARER_PROTOCOL) && t.length > BEARER_PROTOCOL.length)
      return t.slice(BEARER_PROTOCOL.length);
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`token verification took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An HTTP answer instead of `101`; the body says why, in the close-code vocabulary. */
function refuse(socket: Duplex, status: number, body?: Record<string, unknown>): void {
  if (socket.destroyed) return;
  const text = body ? JSON.stringify(body) : '';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nCache-Control: no-store\r\n\r\n${text}`,
  );
}
