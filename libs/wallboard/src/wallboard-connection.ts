import { type RawData, WebSocket } from 'ws';
import { defaultScope, mayWatch, maySeeNumbers, type Principal } from './access-policy';
import { type HubSocket } from './audience';
import { parseClientMessage, type ProtocolError } from './parse-client-message';
import { type ClientMessage, CloseCode, type Scope, type ServerMessage } from './protocol';
import { TokenRejected } from './token-verifier';
import { type WallboardHub } from './wallboard-hub';

export interface WallboardLogger {
  log(message: string): void;
  warn(message: string): void;
}

/** What a connection needs from its server; one object, shared by all connections. */
export interface ConnectionContext {
  readonly hub: WallboardHub;
  verify(token: string): Promise<Principal>;
  /** A close code when the principal may not open one more socket (caps), else undefined. */
  admit(principal: Principal): CloseCode | undefined;
  /** The connection has its principal: it leaves the pre-authentication budget. */
  authenticated(connection: WallboardConnection): void;
  closed(connection: WallboardConnection): void;
  /** Records that the principal is about to see unmasked numbers; false when it cannot. */
  auditUnmasked(principal: Principal, scope: Scope): Promise<boolean>;
  readonly logger: WallboardLogger;
  readonly authTimeoutMs: number;
  readonly closeGraceMs: number;
  readonly maxProtocolErrors: number;
  readonly maxMessagesPerSecond: number;
}

type Phase = 'awaiting-auth' | 'authenticating' | 'ready' | 'closed';

const NO_TOKEN: [CloseCode, string] = [CloseCode.NoToken, 'no token'];
const AUTH_SLOW: [CloseCode, string] = [CloseCode.TryAgainLater, 'try again later'];

/** Messages a client may pipeline behind its `auth` before the verdict. */
const MAX_PENDING = 8;

/**
 * One wallboard socket: authentication (at upgrade or by a first `auth` message), then
 * subscriptions, pings and protocol errors. It is the hub's view of the socket too.
 */
export class WallboardConnection implements HubSocket {
  /** Cleared by every heartbeat ping, set by the pong. */
  alive = true;
  private phase: Phase = 'awaiting-auth';
  private principalValue?: Principal;
  private tokenValue?: string;
  private subscription?: { scope: Scope; askedMasked: boolean; masked: boolean };
  private pending: ClientMessage[] = [];
  private errors = 0;
  /** The unmasked audience was audited for this connection (once is enough). */
  private unmaskedAudited = false;
  /** Bumped by every subscribe: an audit that returns late must not undo a newer one. */
  private subscriptions = 0;
  private allowance: number;
  private lastRefill = Date.now();
  private authTimer?: NodeJS.Timeout;
  private graceTimer?: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
    verified?: { principal: Principal; token: string },
  ) {
    this.allowance = ctx.maxMessagesPerSecond * 2;
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('error', (error) => ctx.logger.warn(`wallboard socket error: ${error.message}`));
    ws.on('close', () => this.onClosed());
    if (verified) this.authenticated(verified.principal, verified.token);
    // No auth in time: no token; a verification still running by then: the verifier is unwell.
    else
      this.authTimer = setTimeout(
        () => this.close(...(this.phase === 'authenticating' ? AUTH_SLOW : NO_TOKEN)),
        ctx.authTimeoutMs,
      );
  }

  get principal(): Principal | undefined {
    return this.principalValue;
  }

  /** The token the principal was verified with: kept for re-checks, never logged. */
  get token(): string | undefined {
    return this.tokenValue;
  }

  get ready(): boolean {
    return this.phase === 'ready';
  }

  /** Open, but no `auth` message yet. */
  get awaitingAuth(): boolean {
    return this.phase === 'awaiting-auth';
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(data: Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data, { binary: false });
  }

  ping(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** Closes with a code; a peer that does not finish the close handshake is cut after a grace. */
  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.ctx.hub.unsubscribe(this);
    clearTimeout(this.authTimer);
    this.ws.close(code, reason);
    this.graceTimer = setTimeout(() => this.ws.terminate(), this.ctx.closeGraceMs);
  }

  /** A periodic re-check vouched for the token again, maybe with another role or team. */
  reverified(principal: Principal): void {
    if (this.phase !== 'ready') return;
    this.principalValue = principal;
    const sub = this.subscription;
    if (!sub) return;
    if (!mayWatch(principal, sub.scope)) return this.close(CloseCode.Forbidden, 'forbidden scope');
    // A role that gained or lost the right to see numbers moves to the other audience.
    if ((sub.askedMasked || !maySeeNumbers(principal)) !== sub.masked)
      this.subscribe(sub.scope, sub.askedMasked);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.phase === 'closed') return;
    if (!this.withinRate()) return this.close(CloseCode.PolicyViolation, 'too many messages');
    if (isBinary)
      return this.protocolError({
        code: 'invalid-message',
        message: 'binary frames are not accepted',
      });
    const parsed = parseClientMessage(toBuffer(data));
    if (!parsed.ok) return this.protocolError(parsed.error);
    this.handle(parsed.message);
  }

  private handle(m: ClientMessage): void {
    if (this.phase === 'awaiting-auth') {
      if (m.type === 'auth') return this.authenticate(m.token);
      this.sendMessage({
        type: 'error',
        code: 'auth-required',
        message: 'the first message must be auth',
      });
      return this.close(CloseCode.NoToken, 'no token');
    }
    if (this.phase === 'authenticating') {
      if (this.pending.length >= MAX_PENDING)
        return this.protocolError({ code: 'auth-required', message: 'wait for welcome' });
      this.pending.push(m);
      return;
    }
    switch (m.type) {
      case 'auth':
        return this.protocolError({
          code: 'already-authenticated',
          message: 'already authenticated',
        });
      case 'ping':
        return this.sendMessage({
          type: 'pong',
          ...(m.id !== undefined ? { id: m.id } : {}),
          at: Date.now(),
        });
      case 'subscribe':
        if (!mayWatch(this.principalValue!, m.scope))
          return this.close(CloseCode.Forbidden, 'forbidden scope');
        return this.subscribe(m.scope, m.masked === true, m);
    }
  }

  private subscribe(
    scope: Scope,
    askedMasked: boolean,
    m?: { lastSeq?: number; stream?: string },
  ): void {
    const masked = askedMasked || !maySeeNumbers(this.principalValue!);
    const resume =
      m?.lastSeq !== undefined && m.stream !== undefined
        ? { lastSeq: m.lastSeq, stream: m.stream }
        : undefined;
    const current = ++this.subscriptions;
    if (masked || this.unmaskedAudited) return this.join(scope, askedMasked, masked, resume);
    // Numbers in clear only once that is on the audit trail; if it cannot be written, the board
    // still works, masked, and the next re-check tries again.
    void this.ctx.auditUnmasked(this.principalValue!, scope).then((audited) => {
      if (this.phase !== 'ready' || current !== this.subscriptions) return;
      this.unmaskedAudited = audited;
      this.join(scope, askedMasked, !audited, resume);
    });
  }

  private join(
    scope: Scope,
    askedMasked: boolean,
    masked: boolean,
    resume: { lastSeq: number; stream: string } | undefined,
  ): void {
    this.subscription = { scope, askedMasked, masked };
    this.ctx.hub.subscribe(this, scope, masked, resume);
  }

  private authenticate(token: string): void {
    this.phase = 'authenticating';
    this.ctx.verify(token).then(
      (principal) => {
        if (this.phase !== 'authenticating') return;
        const refusal = this.ctx.admit(principal);
        if (refusal !== undefined) return this.close(refusal, 'too many connections');
        this.authenticated(principal, token);
        const pending = this.pending;
        this.pending = [];
        for (const m of pending) if (this.ready) this.handle(m);
      },
      (error: unknown) => this.close(...rejectionClose(error, this.ctx.logger)),
    );
  }

  private authenticated(principal: Principal, token: string): void {
    clearTimeout(this.authTimer);
    const scope = defaultScope(principal);
    if (!scope) return this.close(CloseCode.Forbidden, 'nothing to watch');
    this.phase = 'ready';
    this.principalValue = principal;
    this.tokenValue = token;
    this.ctx.authenticated(this);
    this.sendMessage({
      type: 'welcome',
      user: principal.userId,
      role: principal.role,
      scope,
      numbersMasked: !maySeeNumbers(principal),
    });
  }

  /** Every invalid message is answered; repeated ones, or any before auth, end the connection. */
  private protocolError(error: ProtocolError): void {
    this.sendMessage({ type: 'error', ...error });
    if (this.phase !== 'ready' || ++this.errors >= this.ctx.maxProtocolErrors)
      this.close(CloseCode.ProtocolError, 'protocol error');
  }

  private sendMessage(m: ServerMessage): void {
    this.send(Buffer.from(JSON.stringify(m)));
  }

  /** Token bucket: a burst of twice the rate, refilled continuously. */
  private withinRate(): boolean {
    const now = Date.now();
    const rate = this.ctx.maxMessagesPerSecond;
    this.allowance = Math.min(rate * 2, this.allowance + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.allowance < 1) return false;
    this.allowance--;
    return true;
  }

  private onClosed(): void {
    this.phase = 'closed';
    clearTimeout(this.authTimer);
    clearTimeout(this.graceTimer);
    this.ctx.hub.unsubscribe(this);
    this.ctx.closed(this);
  }
}

/** Close code and generic reason for a failed verification; the token never appears. */
export function rejectionClose(error: unknown, logger: WallboardLogger): [CloseCode, string] {
  if (!(error instanceof TokenRejected)) {
    logger.warn(`token verification failed: ${(error as Error).message}`);
    return [CloseCode.TryAgainLater, 'try again later'];
  }
  return error.reason === 'bad'
    ? [CloseCode.BadToken, 'bad token']
    : [CloseCode.Expired, `token ${error.reason}`];
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
