// The board as the server describes it, rebuilt from a snapshot and the deltas that follow.

export class BoardState {
  constructor() {
    this.stream = undefined;
    this.seq = -1;
    this.scope = undefined;
    this.masked = false;
    this.teams = [];
    this.agents = new Map();
    this.queues = new Map();
    this.alerts = new Map();
    /** PBX link stale since (server epoch ms), undefined when fresh. */
    this.staleSince = undefined;
    /** Server clock minus ours: timers are computed in server time. */
    this.offset = 0;
  }

  now() {
    return Date.now() + this.offset;
  }

  /** The server's clock as of `at`, measured when a message arrived. */
  syncClock(at, rttMs = 0) {
    if (typeof at === 'number') this.offset = at + rttMs / 2 - Date.now();
  }

  /**
   * Applies a server message. Returns what changed ('all' or a change set), or 'gap' when a
   * delta is out of order: the caller must ask for a fresh snapshot.
   */
  apply(m) {
    switch (m.type) {
      case 'snapshot':
        this.stream = m.stream;
        this.seq = m.seq;
        this.scope = m.scope;
        this.teams = m.teams;
        this.staleSince = m.stale ? m.stale.since : undefined;
        this.agents = new Map(m.agents.map((a) => [a.id, a]));
        this.queues = new Map(m.queues.map((q) => [q.queue, q]));
        this.alerts = new Map(m.alerts.map((a) => [a.id, a]));
        this.syncClock(m.at);
        return 'all';
      case 'resumed':
        if (m.stream !== this.stream) return 'gap';
        this.staleSince = m.stale ? m.stale.since : undefined;
        this.syncClock(m.at);
        return { link: true };
      case 'delta':
        return this.applyDelta(m);
      case 'link':
        this.staleSince = m.fresh ? undefined : m.staleSince;
        return { link: true };
      default:
        return undefined;
    }
  }

  applyDelta(m) {
    if (m.seq !== this.seq + 1) return 'gap';
    this.seq = m.seq;
    const change = {
      agents: new Set(),
      removedAgents: new Set(),
      queues: m.queues !== undefined || m.removed?.queues !== undefined,
      alerts: false,
    };
    for (const a of m.agents ?? []) {
      this.agents.set(a.id, a);
      change.agents.add(a.id);
    }
    for (const q of m.queues ?? []) this.queues.set(q.queue, q);
    for (const a of m.alerts ?? []) this.alerts.set(a.id, a);
    for (const id of m.removed?.agents ?? []) {
      this.agents.delete(id);
      change.removedAgents.add(id);
    }
    for (const id of m.removed?.queues ?? []) this.queues.delete(id);
    for (const id of m.removed?.alerts ?? []) this.alerts.delete(id);
    change.alerts = (m.alerts?.length ?? 0) > 0 || (m.removed?.alerts?.length ?? 0) > 0;
    return change;
  }

  /** Where to resume from after a reconnect, if the board ever had a snapshot. */
  resumePoint() {
    return this.stream === undefined ? undefined : { lastSeq: this.seq, stream: this.stream };
  }

  forget() {
    this.stream = undefined;
    this.seq = -1;
  }
}
