import {
  type AgentLeg,
  type AgentState,
  type CoreOutput,
  type PauseInterval,
  localDay,
} from '@cti/domain';
import { type Rec, type Row } from './records';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | undefined): string | null => (ms === undefined ? null : iso(ms));

interface OpenState {
  readonly since: number;
  readonly row: Row | undefined;
}

/**
 * Turns the core's outputs into rows. Stateful only for agent states: an interval ends when the
 * agent's next state begins, so the previous state of each agent is remembered.
 */
export class OutputMapper {
  private readonly states = new Map<string, OpenState>();

  constructor(private readonly timezone: string) {}

  map(output: CoreOutput): Rec[] {
    switch (output.type) {
      case 'call-completed':
        return [{ t: 'call_leg', r: legRow(output.leg) }];
      case 'agent-state':
        return this.agentState(output.agentId, output.state, output.resync);
      case 'pause-started':
      case 'pause-ended':
        return [{ t: 'pause_interval', r: this.pauseRow(output.pause, null) }];
      case 'pause-over-limit':
        return [
          { t: 'pause_interval', r: this.pauseRow(output.pause, output.at) },
          {
            t: 'alert',
            r: {
              kind: 'pause-over-limit',
              agent_id: output.pause.agentId,
              at: iso(output.at),
              payload: JSON.stringify({
                reason: output.pause.reason,
                startedAt: iso(output.pause.startedAt),
                limitSeconds: output.pause.limitSeconds,
              }),
            },
          },
        ];
      case 'session': {
        const s = output.session;
        return [
          {
            t: 'agent_session',
            r: {
              agent_id: s.agentId,
              login_at: iso(s.loginAt),
              logout_at: isoOrNull(s.logoutAt),
              day: this.day(s.loginAt),
            },
          },
        ];
      }
      case 'internal-call': {
        const c = output.call;
        const r = {
          caller_uniqueid: c.callerUniqueid,
          callee_agent_id: c.calleeAgentId,
          agent_id: c.agentId,
          started_at: iso(c.startedAt),
          answered: c.answered,
          day: c.day,
        };
        return [{ t: 'internal_call', r }];
      }
      case 'recording-started': {
        const rec = output.recording;
        return [
          {
            t: 'recording',
            r: {
              uniqueid: rec.uniqueid,
              started_at: iso(rec.at),
              linkedid: rec.linkedid,
              channel: rec.channel,
              day: this.day(rec.at),
            },
          },
        ];
      }
      case 'pbx-restarted':
        return [
          {
            t: 'alert',
            r: { kind: 'pbx-restarted', agent_id: '', at: iso(output.at), payload: '{}' },
          },
        ];
      case 'queue-changed':
        return []; // live view only: queue figures are recomputed, not stored per change
    }
  }

  private agentState(agentId: string, state: AgentState, resync: boolean): Rec[] {
    const recs: Rec[] = [];
    const previous = this.states.get(agentId);
    // Logged out (or first seen since start-up): nothing may still be open before this instant.
    if ((!previous || !previous.row) && state.since > 0) {
      recs.push({ t: 'agent_state_close', r: { agent_id: agentId, at: iso(state.since) } });
    }
    if (previous?.row && previous.since < state.since) {
      recs.push({ t: 'agent_state_interval', r: { ...previous.row, ended_at: iso(state.since) } });
    }
    // Logged-out time is not an interval: sessions already say when the agent was away.
    const row = state.status === 'logged-out' ? undefined : this.stateRow(agentId, state, resync);
    if (row) recs.push({ t: 'agent_state_interval', r: row });
    if (!previous || previous.since <= state.since)
      this.states.set(agentId, { since: state.since, row });
    return recs;
  }

  private stateRow(agentId: string, state: AgentState, resync: boolean): Row {
    return {
      agent_id: agentId,
      started_at: iso(state.since),
      ended_at: null,
      status: state.status,
      direction: state.direction ?? null,
      held: state.held === true,
      pause_reason: state.pauseReason ?? null,
      logged_in: state.loggedIn,
      resync,
      day: this.day(state.since),
    };
  }

  private pauseRow(p: PauseInterval, overLimitAt: number | null): Row {
    return {
      agent_id: p.agentId,
      started_at: iso(p.startedAt),
      reason: p.reason,
      ended_at: isoOrNull(p.endedAt),
      limit_seconds: Math.round(p.limitSeconds),
      over_limit: p.overLimit,
      over_limit_at: overLimitAt === null ? null : iso(overLimitAt),
      day: this.day(p.startedAt),
    };
  }

  private day(ms: number): string {
    return localDay(ms, this.timezone);
  }
}

export function legRow(leg: AgentLeg): Row {
  return {
    id: leg.id,
    agent_id: leg.agentId,
    direction: leg.direction,
    via: leg.via,
    transferred_in: leg.transferredIn,
    queue: leg.queue ?? null,
    customer_number: leg.customerNumber,
    customer_uniqueid: leg.customerUniqueid,
    agent_uniqueid: leg.agentUniqueid,
    linkedid: leg.linkedid,
    started_at: iso(leg.startedAt),
    answered_at: isoOrNull(leg.answeredAt),
    ended_at: iso(leg.endedAt),
    outcome: leg.outcome,
    talk_seconds: leg.talkSeconds,
    holds: leg.holds,
    hold_seconds: leg.holdSeconds,
    transferred_out: leg.transferredOut ?? null,
    recorded: leg.recorded,
    effective: leg.effective,
    rule_version: leg.ruleVersion,
    day: leg.day,
    gap: leg.gap ?? null,
  };
}
