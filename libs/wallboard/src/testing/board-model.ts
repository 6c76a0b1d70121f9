import { type LiveSource } from '../live-source';
import {
  type AgentTile,
  type Alert,
  type QueuePanel,
  type Scope,
  type ServerMessage,
} from '../protocol';
import { type ShiftWindow } from '../shift-clock';
import { agentTile, alertsFor, maskedTile, queuePanel } from '../wallboard-view';

/** What a board shows: a client's model built only from snapshots and deltas, as the page does. */
export class BoardModel {
  stream?: string;
  seq = -1;
  staleSince?: number;
  readonly agents = new Map<string, AgentTile>();
  readonly queues = new Map<string, QueuePanel>();
  readonly alerts = new Map<string, Alert>();

  /** Applies a message; a delta out of sequence is a protocol violation and throws. */
  apply(m: ServerMessage): void {
    switch (m.type) {
      case 'snapshot':
        this.stream = m.stream;
        this.seq = m.seq;
        this.staleSince = m.stale?.since;
        this.agents.clear();
        this.queues.clear();
        this.alerts.clear();
        for (const a of m.agents) this.agents.set(a.id, a);
        for (const q of m.queues) this.queues.set(q.queue, q);
        for (const a of m.alerts) this.alerts.set(a.id, a);
        return;
      case 'resumed':
        if (m.stream !== this.stream) throw new Error('resumed another stream');
        this.staleSince = m.stale?.since;
        return;
      case 'delta':
        if (m.seq !== this.seq + 1) throw new Error(`delta ${m.seq} after ${this.seq}`);
        this.seq = m.seq;
        for (const a of m.agents ?? []) this.agents.set(a.id, a);
        for (const q of m.queues ?? []) this.queues.set(q.queue, q);
        for (const a of m.alerts ?? []) this.alerts.set(a.id, a);
        for (const id of m.removed?.agents ?? []) this.agents.delete(id);
        for (const id of m.removed?.queues ?? []) this.queues.delete(id);
        for (const id of m.removed?.alerts ?? []) this.alerts.delete(id);
        return;
      case 'link':
        this.staleSince = m.fresh ? undefined : m.staleSince;
        return;
      case 'welcome':
      case 'error':
      case 'pong':
        return;
    }
  }

  view(): { agents: AgentTile[]; queues: QueuePanel[]; alerts: Alert[] } {
    return {
      agents: sortBy([...this.agents.values()], (a) => a.id),
      queues: sortBy([...this.queues.values()], (q) => q.queue),
      alerts: sortBy([...this.alerts.values()], (a) => a.id),
    };
  }
}

/** The board a scope should show, straight from the live source (the reference for tests). */
export function expectedBoard(
  source: LiveSource,
  scope: Scope,
  masked: boolean,
  now: number,
  shift?: ShiftWindow,
): ReturnType<BoardModel['view']> {
  const inScope = (t: AgentTile) =>
    scope.kind === 'all' ||
    (scope.kind === 'team' && t.team === scope.team) ||
    (scope.kind === 'queue' && t.queues.includes(scope.queue)) ||
    (scope.kind === 'agent' && t.id === scope.agent);
  const tiles = source
    .agents()
    .map((a) => agentTile(a, source.progress(a.id)))
    .filter(inScope);
  const queues =
    scope.kind === 'agent'
      ? []
      : source.queueFigures().filter((q) => scope.kind !== 'queue' || q.queue === scope.queue);
  return {
    agents: sortBy(
      tiles.map((t) => (masked ? maskedTile(t) : t)),
      (a) => a.id,
    ),
    queues: sortBy(queues.map(queuePanel), (q) => q.queue),
    alerts: sortBy(
      tiles.flatMap((t) => alertsFor(t, now, shift)),
      (a) => a.id,
    ),
  };
}

function sortBy<T>(items: T[], key: (t: T) => string): T[] {
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON round trip: what went over the wire (undefined fields gone). */
export function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
