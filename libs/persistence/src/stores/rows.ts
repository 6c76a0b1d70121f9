import {
  type AgentLeg,
  type AgentSession,
  type DialOutcome,
  type InternalCall,
  type LegGap,
  type LegVia,
  type PauseInterval,
} from '@cti/domain';

/*
 * Rows as pg returns them, and their domain shapes. Queries select `day::text` (pg would turn a
 * date into a local-midnight Date) and read numerics (text in pg) through Number().
 */
export interface LegRow {
  id: string;
  agent_id: string;
  direction: 'inbound' | 'outbound';
  via: string;
  transferred_in: boolean;
  queue: string | null;
  customer_number: string;
  customer_uniqueid: string;
  agent_uniqueid: string;
  linkedid: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  outcome: string;
  talk_seconds: string;
  holds: number;
  hold_seconds: string;
  transferred_out: string | null;
  recorded: boolean;
  effective: boolean;
  rule_version: string;
  day: string;
  gap: string | null;
}

export const LEG_SELECT = `"id", "agent_id", "direction", "via", "transferred_in", "queue", "customer_number",
  "customer_uniqueid", "agent_uniqueid", "linkedid", "started_at", "answered_at", "ended_at", "outcome",
  "talk_seconds", "holds", "hold_seconds", "transferred_out", "recorded", "effective", "rule_version",
  to_char("day", 'YYYY-MM-DD') AS "day", "gap"`;

export function toLeg(r: LegRow): AgentLeg {
  return {
    id: r.id,
    agentId: r.agent_id,
    direction: r.direction,
    via: r.via as LegVia,
    transferredIn: r.transferred_in,
    ...(r.queue !== null ? { queue: r.queue } : {}),
    customerNumber: r.customer_number,
    customerUniqueid: r.customer_uniqueid,
    agentUniqueid: r.agent_uniqueid,
    linkedid: r.linkedid,
    startedAt: r.started_at.getTime(),
    ...(r.answered_at !== null ? { answeredAt: r.answered_at.getTime() } : {}),
    endedAt: r.ended_at.getTime(),
    outcome: r.outcome as DialOutcome,
    talkSeconds: Number(r.talk_seconds),
    holds: r.holds,
    holdSeconds: Number(r.hold_seconds),
    ...(r.transferred_out !== null
      ? { transferredOut: r.transferred_out as 'blind' | 'attended' }
      : {}),
    recorded: r.recorded,
    effective: r.effective,
    ruleVersion: r.rule_version,
    day: r.day,
    ...(r.gap !== null ? { gap: r.gap as LegGap } : {}),
  };
}

export interface PauseRow {
  agent_id: string;
  reason: string;
  started_at: Date;
  ended_at: Date | null;
  limit_seconds: number;
  over_limit: boolean;
}

export function toPause(r: PauseRow): PauseInterval {
  return {
    agentId: r.agent_id,
    reason: r.reason,
    startedAt: r.started_at.getTime(),
    ...(r.ended_at !== null ? { endedAt: r.ended_at.getTime() } : {}),
    limitSeconds: r.limit_seconds,
    overLimit: r.over_limit,
  };
}

export interface SessionRow {
  agent_id: string;
  login_at: Date;
  logout_at: Date | null;
}

export function toSession(r: SessionRow): AgentSession {
  return {
    agentId: r.agent_id,
    loginAt: r.login_at.getTime(),
    ...(r.logout_at !== null ? { logoutAt: r.logout_at.getTime() } : {}),
  };
}

export interface InternalCallRow {
  agent_id: string;
  callee_agent_id: string;
  caller_uniqueid: string;
  started_at: Date;
  answered: boolean;
  day: string;
}

export function toInternalCall(r: InternalCallRow): InternalCall {
  return {
    agentId: r.agent_id,
    calleeAgentId: r.callee_agent_id,
    callerUniqueid: r.caller_uniqueid,
    startedAt: r.started_at.getTime(),
    answered: r.answered,
    day: r.day,
  };
}
