// The board's WebSocket: authenticates with the first message (the token never goes in the
// URL), subscribes or resumes, pings, and reconnects with jittered backoff.

export const CLOSE = {
  NoToken: 4001,
  BadToken: 4002,
  Expired: 4003,
  Forbidden: 4004,
  TooSlow: 4008,
  ProtocolError: 4400,
};
const SUBPROTOCOL = 'cti-wallboard.v1';
const PING_MS = 15_000;
/** Silence this long (no message, not even a pong) means the server is gone. */
const SILENCE_MS = 40_000;

export class Connection {
  /**
   * @param {object} o
   * @param {string} o.url WebSocket URL
   * @param {() => string} o.token
   * @param {import('./board-state.js').BoardState} o.board
   * @param {() => {scope: object, masked: boolean}} o.subscription what to watch now
   * @param {(welcome: object) => void} o.onWelcome
   * @param {(change: unknown) => void} o.onChange
   * @param {(status: 'connecting'|'live'|'down') => void} o.onStatus
   * @param {(reason: 'noToken'|'expired'|'forbidden') => void} o.onDenied
   */
  constructor(o) {
    this.o = o;
    this.ws = undefined;
    this.attempt = 0;
    this.stopped = false;
    this.subscribed = undefined;
    this.downSince = undefined;
    this.lastHeard = 0;
    this.pings = new Map();
    this.timer = undefined;
    this.retry = undefined;
  }

  start() {
    this.stopped = false;
    this.open();
    this.timer = setInterval(() => this.heartbeat(), PING_MS);
  }

  stop() {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    if (this.ws) this.ws.close(1000);
  }

  /** Subscribes again (filters or TV mode changed); resumes when the audience is the same. */
  subscribe(fresh = false) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.welcome) return;
    const { scope, masked } = this.o.subscription();
    const key = JSON.stringify([scope, masked]);
    const board = this.o.board;
    const resume = !fresh && key === this.subscribed ? board.resumePoint() : undefined;
    if (!resume) board.forget();
    board.masked = masked;
    this.subscribed = key;
    this.send({ type: 'subscribe', scope, ...(masked ? { masked: true } : {}), ...(resume ?? {}) });
  }

  open() {
    this.o.onStatus(this.downSince === undefined ? 'connecting' : 'down');
    const url = new URL(this.o.url, location.href);
    url.protocol =
      url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
    const ws = new WebSocket(url, [SUBPROTOCOL]);
    this.ws = ws;
    this.welcome = undefined;
    ws.onopen = () => this.send({ type: 'auth', token: this.o.token() });
    ws.onmessage = (e) => this.onMessage(e.data);
    ws.onclose = (e) => this.onClose(ws, e.code);
  }

  onMessage(data) {
    this.lastHeard = Date.now();
    let m;
    try {
      m = JSON.parse(data);
    } catch {
      return;
    }
    if (m.type === 'welcome') {
      this.welcome = m;
      this.attempt = 0;
      this.o.onWelcome(m);
      this.subscribe();
      return;
    }
    if (m.type === 'pong') {
      const sent = this.pings.get(m.id);
      this.pings.delete(m.id);
      if (sent !== undefined) this.o.board.syncClock(m.at, Date.now() - sent);
      return;
    }
    if (m.type === 'error') {
      console.warn('wallboard protocol error', m.code, m.message);
      return;
    }
    const change = this.o.board.apply(m);
    if (change === 'gap') return this.subscribe(true);
    if (m.type === 'snapshot' || m.type === 'resumed') {
      this.downSince = undefined;
      this.o.onStatus('live');
    }
    if (change) this.o.onChange(change);
  }

  onClose(ws, code) {
    if (ws !== this.ws) return;
    this.ws = undefined;
    if (this.stopped) return;
    this.downSince ??= Date.now();
    this.o.onStatus('down');
    if (code === CLOSE.NoToken || code === CLOSE.BadToken) return this.deny('noToken');
    if (code === CLOSE.Expired) return this.deny('expired');
    if (code === CLOSE.Forbidden) return this.deny('forbidden');
    if (code === CLOSE.ProtocolError) this.o.board.forget();
    // Jittered exponential backoff: a restarted server is not hit by every board at once.
    const base = Math.min(15_000, 500 * 2 ** this.attempt++);
    this.retry = setTimeout(() => this.open(), base * (0.5 + Math.random()));
  }

  deny(reason) {
    this.stop();
    this.o.onDenied(reason);
  }

  heartbeat() {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.lastHeard && Date.now() - this.lastHeard > SILENCE_MS) {
      this.ws.close();
      this.onClose(this.ws, 1006);
      return;
    }
    const id = Math.floor(Math.random() * 2 ** 31);
    this.pings.set(id, Date.now());
    this.send({ type: 'ping', id });
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }
}
