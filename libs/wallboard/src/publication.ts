import { type LiveAgent, type LiveSource } from './live-source';
import { type AgentTile, type Alert } from './protocol';
import { type ShiftWindow } from './shift-clock';
import {
  ALERT_KINDS,
  agentTile,
  alertId,
  alertsFor,
  EXTERNAL_ALERT_KINDS,
  type ExternalAlert,
  maskedTile,
  queuePanel,
  withExternalAlerts,
} from './wallboard-view';

export interface PublishedAgent {
  readonly tile: AgentTile;
  /** The tile serialised once per masking level: every audience reuses these strings. */
  readonly full: string;
  readonly masked: string;
}

export interface PublishedAlert {
  readonly alert: Alert;
  readonly json: string;
}

interface FedAlert {
  readonly alert: ExternalAlert;
  /** Dropped at the first projection at or after this instant. */
  readonly until?: number;
}

/** What one projection changed. */
export interface Changes {
  readonly agents: PublishedAgent[];
  readonly queues: [string, string][];
  readonly removedQueues: string[];
  readonly alerts: PublishedAlert[];
  readonly removedAlerts: string[];
}

/**
 * The rows as last published to the boards. A projection compares freshly built rows with them
 * (as JSON strings) and reports only the rows that really changed.
 */
export class Publication {
  readonly agents = new Map<string, PublishedAgent>();
  readonly queues = new Map<string, string>();
  readonly alerts = new Map<string, PublishedAlert>();
  /** Alerts fed from outside the core, by alert id, until removed or expired. */
  private readonly external = new Map<string, FedAlert>();
  /** Agents whose external alerts changed since the last projection. */
  private readonly externalDirty = new Set<string>();

  constructor(private readonly source: LiveSource) {}

  /** Adds or replaces an external alert; it is published with the agent's next projection. */
  setExternal(alert: ExternalAlert, until?: number): void {
    this.external.set(alertId(alert.kind, alert.agentId), {
      alert,
      ...(until !== undefined ? { until } : {}),
    });
    this.externalDirty.add(alert.agentId);
  }

  deleteExternal(kind: ExternalAlert['kind'], agentId: string): boolean {
    if (!this.external.delete(alertId(kind, agentId))) return false;
    this.externalDirty.add(agentId);
    return true;
  }

  getExternal(kind: ExternalAlert['kind'], agentId: string): ExternalAlert | undefined {
    return this.external.get(alertId(kind, agentId))?.alert;
  }

  /** Re-projects the given agents and queues (all of them when `full`), judging alerts at `now`. */
  project(
    now: number,
    full: boolean,
    agentIds: Iterable<string>,
    queueNames: ReadonlySet<string>,
    shift: ShiftWindow | undefined,
  ): Changes {
    const changes: Changes = {
      agents: [],
      queues: [],
      removedQueues: [],
      alerts: [],
      removedAlerts: [],
    };
    const live = full ? this.source.agents() : [...agentIds].map((id) => this.source.agent(id));
    for (const agent of live) if (agent) this.projectAgent(agent, changes);
    const seen = new Set<string>();
    for (const q of this.source.queueFigures()) {
      seen.add(q.queue);
      if (!full && !queueNames.has(q.queue)) continue;
      const json = JSON.stringify(queuePanel(q));
      if (this.queues.get(q.queue) !== json) changes.queues.push([q.queue, json]);
      this.queues.set(q.queue, json);
    }
    if (full)
      for (const q of this.queues.keys())
        if (!seen.has(q) && this.queues.delete(q)) changes.removedQueues.push(q);
    for (const [id, fed] of this.external)
      if (fed.until !== undefined && now >= fed.until && this.external.delete(id))
        this.externalDirty.add(fed.alert.agentId);
    // Time moves alerts (a pause passing its limit), so a full pass re-judges every agent.
    const judged = full ? [...this.agents.values()] : [...changes.agents];
    if (!full)
      for (const id of this.externalDirty) {
        const row = this.agents.get(id);
        if (row && !changes.agents.includes(row)) judged.push(row);
      }
    this.externalDirty.clear();
    for (const { tile } of judged)
      this.projectAlerts(
        tile,
        withExternalAlerts(tile, alertsFor(tile, now, shift), this.externalOf(tile.id), now, shift),
        changes,
      );
    return changes;
  }

  private externalOf(agentId: string): ExternalAlert[] {
    if (this.external.size === 0) return [];
    const found: ExternalAlert[] = [];
    for (const kind of EXTERNAL_ALERT_KINDS) {
      const fed = this.external.get(alertId(kind, agentId));
      if (fed) found.push(fed.alert);
    }
    return found;
  }

  /** The current alerts of one agent. */
  alertsOf(agentId: string): PublishedAlert[] {
    const found: PublishedAlert[] = [];
    for (const kind of ALERT_KINDS) {
      const a = this.alerts.get(alertId(kind, agentId));
      if (a) found.push(a);
    }
    return found;
  }

  private projectAgent(agent: LiveAgent, changes: Changes): void {
    const tile = agentTile(agent, this.source.progress(agent.id));
    const full = JSON.stringify(tile);
    if (this.agents.get(agent.id)?.full === full) return;
    const masked = tile.customerNumber === undefined ? full : JSON.stringify(maskedTile(tile));
    const published = { tile, full, masked };
    this.agents.set(agent.id, published);
    changes.agents.push(published);
  }

  private projectAlerts(tile: AgentTile, current: Alert[], changes: Changes): void {
    for (const kind of ALERT_KINDS) {
      const id = alertId(kind, tile.id);
      const alert = current.find((a) => a.kind === kind);
      if (!alert) {
        if (this.alerts.delete(id)) changes.removedAlerts.push(id);
        continue;
      }
      const json = JSON.stringify(alert);
      if (this.alerts.get(id)?.json === json) continue;
      const published = { alert, json };
      this.alerts.set(id, published);
      changes.alerts.push(published);
    }
  }
}
