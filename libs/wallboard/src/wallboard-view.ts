import { type QuotaProgress } from '@cti/domain';
import { type LiveAgent, type LiveQueue } from './live-source';
import {
  type AgentTile,
  type Alert,
  type AlertKind,
  type ExternalAlertKind,
  type QueuePanel,
} from './protocol';
import { type ShiftWindow } from './shift-clock';

/** Pure projections from live facts to board rows. */

export function agentTile(a: LiveAgent, progress: QuotaProgress): AgentTile {
  const s = a.state;
  return {
    id: a.id,
    name: a.name,
    team: a.team,
    status: s.status,
    since: s.since,
    loggedIn: s.loggedIn,
    loginAt: a.loginAt,
    queues: a.queues,
    direction: s.status === 'on-call' ? s.direction : undefined,
    held: s.held ? true : undefined,
    pauseReason: s.pauseReason ?? s.pendingPause?.reason ?? a.pause?.reason,
    pauseSince: a.pause?.startedAt ?? s.pendingPause?.since,
    pausePending: s.pendingPause ? true : undefined,
    pauseLimitSeconds: a.pause?.limitSeconds,
    wrapUpUntil: s.status === 'wrap-up' ? s.wrapUpUntil : undefined,
    effective: progress.counted,
    quota: progress.quota,
    callSince: a.call?.since,
    customerNumber: a.call?.customerNumber,
  };
}

/** `13812345678` → `138****5678`; short numbers keep only their last two digits. */
export function maskNumber(n: string): string {
  if (n.length >= 8) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  if (n.length > 2) return '*'.repeat(n.length - 2) + n.slice(-2);
  return '*'.repeat(n.length);
}

export function maskedTile(tile: AgentTile): AgentTile {
  return tile.customerNumber === undefined
    ? tile
    : { ...tile, customerNumber: maskNumber(tile.customerNumber) };
}

export function queuePanel(q: LiveQueue): QueuePanel {
  const judged = q.answered + q.abandoned;
  return {
    queue: q.queue,
    waiting: q.waiting,
    oldestWaitSince: q.oldestWaitSince,
    offered: q.offered,
    answered: q.answered,
    abandoned: q.abandoned,
    serviceLevelSeconds: q.serviceLevelSeconds,
    serviceLevelPct: judged > 0 ? round1((q.answeredWithinServiceLevel / judged) * 100) : undefined,
    asaSeconds: q.answered > 0 ? round1(q.totalAnswerWaitMs / q.answered / 1000) : undefined,
    ahtSeconds: q.completed > 0 ? round1(q.totalTalkSeconds / q.completed) : undefined,
  };
}

export const ALERT_KINDS: readonly AlertKind[] = [
  'pause-over-limit',
  'behind-quota',
  'after-shift',
  'must-stay',
];

export const EXTERNAL_ALERT_KINDS: readonly ExternalAlertKind[] = ['must-stay'];

/**
 * An alert judged outside the live core, as fed to the hub: the board row without id, name and
 * team, which come from the agent's tile when it is published.
 */
export type ExternalAlert = Omit<Alert, 'id' | 'kind' | 'name' | 'team'> & {
  readonly kind: ExternalAlertKind;
};

export function alertId(kind: AlertKind, agentId: string): string {
  return `${kind}:${agentId}`;
}

/**
 * The alerts an agent raises at `now`: a pause past its limit; far behind quota in the late
 * part of the shift; still logged in after the shift. Shift alerts need a shift window.
 */
export function alertsFor(tile: AgentTile, now: number, shift: ShiftWindow | undefined): Alert[] {
  const alerts: Alert[] = [];
  const base = (kind: AlertKind, since: number) => ({
    id: alertId(kind, tile.id),
    kind,
    agentId: tile.id,
    name: tile.name,
    team: tile.team,
    since,
  });
  if (tile.pauseSince !== undefined && tile.pauseLimitSeconds !== undefined) {
    const limitAt = tile.pauseSince + tile.pauseLimitSeconds * 1000;
    if (now > limitAt)
      alerts.push({
        ...base('pause-over-limit', limitAt),
        pauseReason: tile.pauseReason,
        limitSeconds: tile.pauseLimitSeconds,
      });
  }
  if (shift && tile.loggedIn) {
    const late = now >= shift.lateFrom && now < shift.endsAt;
    if (late && tile.quota > 0 && tile.effective < tile.quota * shift.behindRatio) {
      alerts.push({
        ...base('behind-quota', shift.lateFrom),
        effective: tile.effective,
        quota: tile.quota,
      });
    }
    if (now >= shift.afterShiftFrom) alerts.push(base('after-shift', shift.endsAt));
  }
  return alerts;
}

/**
 * The agent's judged alerts together with the external ones fed for them. An agent who must stay
 * is not also "still logged in after the shift": while staying that alert is held back, and once
 * the stay ended it counts from the end of the stay (plus the same grace), as attendance does.
 */
export function withExternalAlerts(
  tile: AgentTile,
  judged: Alert[],
  external: readonly ExternalAlert[],
  now: number,
  shift: ShiftWindow | undefined,
): Alert[] {
  if (external.length === 0) return judged;
  const stay = external.find((a) => a.kind === 'must-stay');
  const alerts =
    stay && (!shift || stay.since >= shift.startedAt)
      ? judged.flatMap((a) => {
          if (a.kind !== 'after-shift') return [a];
          if (stay.state !== 'met' && stay.state !== 'released') return [];
          const endedAt = stay.finishedAt ?? now;
          const grace = shift ? shift.afterShiftFrom - shift.endsAt : 0;
          return now >= endedAt + grace ? [{ ...a, since: Math.max(a.since, endedAt) }] : [];
        })
      : [...judged];
  for (const { kind, agentId, ...rest } of external)
    alerts.push({
      id: alertId(kind, agentId),
      kind,
      agentId,
      name: tile.name,
      team: tile.team,
      ...rest,
    });
  return alerts;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
