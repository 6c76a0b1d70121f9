import { type Audience } from './audience';
import { type TeamInfo } from './protocol';
import { type Changes, type Publication } from './publication';
import { ALERT_KINDS, alertId } from './wallboard-view';

/** Frames for one audience, assembled from rows serialised once (no per-audience stringify). */

/** Starts a new audience's view: the published rows it may see. */
export function seedAudience(a: Audience, p: Publication): void {
  for (const { tile } of p.agents.values()) if (a.includesAgent(tile)) a.visibleAgents.add(tile.id);
  for (const { alert } of p.alerts.values())
    if (a.visibleAgents.has(alert.agentId)) a.visibleAlerts.add(alert.id);
}

/**
 * The audience's part of a projection as the next delta (recorded in its ring), or undefined
 * when nothing it sees changed. Agents entering the scope bring their alerts; agents leaving it
 * are removed with theirs.
 */
export function deltaFrame(
  a: Audience,
  c: Changes,
  p: Publication,
  now: number,
): Buffer | undefined {
  const agents: string[] = [];
  const removedAgents: string[] = [];
  const alerts = new Map<string, string>();
  const removedAlerts: string[] = [];
  for (const { tile, full, masked } of c.agents) {
    const visible = a.visibleAgents.has(tile.id);
    if (a.includesAgent(tile)) {
      agents.push(a.masked ? masked : full);
      if (visible) continue;
      a.visibleAgents.add(tile.id);
      for (const al of p.alertsOf(tile.id)) alerts.set(al.alert.id, al.json);
    } else if (visible) {
      a.visibleAgents.delete(tile.id);
      removedAgents.push(tile.id);
      for (const kind of ALERT_KINDS) {
        const id = alertId(kind, tile.id);
        if (a.visibleAlerts.delete(id)) removedAlerts.push(id);
      }
    }
  }
  for (const al of c.alerts)
    if (a.visibleAgents.has(al.alert.agentId)) alerts.set(al.alert.id, al.json);
  for (const id of c.removedAlerts) if (a.visibleAlerts.delete(id)) removedAlerts.push(id);
  for (const id of alerts.keys()) a.visibleAlerts.add(id);
  const queues = c.queues.filter(([q]) => a.includesQueue(q)).map(([, json]) => json);
  const removedQueues = c.removedQueues.filter((q) => a.includesQueue(q));
  const removed = [
    list('agents', removedAgents),
    list('queues', removedQueues),
    list('alerts', removedAlerts),
  ].filter(Boolean);
  if (!agents.length && !alerts.size && !queues.length && !removed.length) return undefined;
  return a.record((seq) => {
    let json = `{"type":"delta","seq":${seq},"at":${now}`;
    if (agents.length) json += `,"agents":[${agents.join(',')}]`;
    if (queues.length) json += `,"queues":[${queues.join(',')}]`;
    if (alerts.size) json += `,"alerts":[${[...alerts.values()].join(',')}]`;
    if (removed.length) json += `,"removed":{${removed.join(',')}}`;
    return Buffer.from(`${json}}`);
  });
}

/** The whole board of the audience at its current seq. */
export function snapshotFrame(
  a: Audience,
  p: Publication,
  teams: readonly TeamInfo[],
  now: number,
  stale: { stale?: { since: number } },
): Buffer {
  const agents = [...a.visibleAgents]
    .map((id) => p.agents.get(id)!)
    .map((row) => (a.masked ? row.masked : row.full));
  const queues = [...p.queues].filter(([q]) => a.includesQueue(q)).map(([, json]) => json);
  const alerts = [...a.visibleAlerts].map((id) => p.alerts.get(id)!.json);
  const head = JSON.stringify({
    type: 'snapshot',
    stream: a.stream,
    seq: a.seq,
    at: now,
    scope: a.scope,
    ...stale,
  });
  const visibleTeams = JSON.stringify(teams.filter((t) => a.includesTeam(t.id)));
  return Buffer.from(
    `${head.slice(0, -1)},"teams":${visibleTeams},"agents":[${agents.join(',')}],` +
      `"queues":[${queues.join(',')}],"alerts":[${alerts.join(',')}]}`,
  );
}

function list(name: string, ids: string[]): string {
  return ids.length ? `"${name}":${JSON.stringify(ids)}` : '';
}
