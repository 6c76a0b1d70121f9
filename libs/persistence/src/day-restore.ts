import {
  type AgentLeg,
  type AgentSession,
  type DayBook,
  type InternalCall,
  type PauseInterval,
} from '@cti/domain';
import { type DataSource } from 'typeorm';
import {
  type InternalCallRow,
  LEG_SELECT,
  type LegRow,
  type PauseRow,
  type SessionRow,
  toInternalCall,
  toLeg,
  toPause,
  toSession,
} from './stores/rows';

/** One local day as stored: what a restarted process needs to rebuild its DayBook. */
export interface RestoredDay {
  readonly day: string;
  /** Completed legs, in the order they ended. */
  readonly legs: AgentLeg[];
  /** Every pause that started that day; open ones have no `endedAt`. */
  readonly pauses: PauseInterval[];
  readonly sessions: AgentSession[];
  readonly internalCalls: InternalCall[];
}

/** Reads a day (YYYY-MM-DD, the center's local day) back from the database. */
export async function loadDay(dataSource: DataSource, day: string): Promise<RestoredDay> {
  const [legs, pauses, sessions, internalCalls] = await Promise.all([
    dataSource.query<LegRow[]>(
      `SELECT ${LEG_SELECT} FROM "call_leg" WHERE "day" = $1 ORDER BY "ended_at", "id"`,
      [day],
    ),
    dataSource.query<PauseRow[]>(
      'SELECT "agent_id", "reason", "started_at", "ended_at", "limit_seconds", "over_limit" FROM "pause_interval" WHERE "day" = $1 ORDER BY "started_at", "agent_id"',
      [day],
    ),
    dataSource.query<SessionRow[]>(
      'SELECT "agent_id", "login_at", "logout_at" FROM "agent_session" WHERE "day" = $1 ORDER BY "login_at", "agent_id"',
      [day],
    ),
    dataSource.query<InternalCallRow[]>(
      `SELECT "agent_id", "callee_agent_id", "caller_uniqueid", "started_at", "answered", to_char("day", 'YYYY-MM-DD') AS "day"
       FROM "internal_call" WHERE "day" = $1 ORDER BY "started_at", "caller_uniqueid"`,
      [day],
    ),
  ]);
  return {
    day,
    legs: legs.map(toLeg),
    pauses: pauses.map(toPause),
    sessions: sessions.map(toSession),
    internalCalls: internalCalls.map(toInternalCall),
  };
}

/**
 * Feeds a restored day into a fresh DayBook (before the PBX resync). Returns the leg ids seeded:
 * DayBook itself does not skip a leg it already holds, so a caller replaying legs must skip these.
 */
export function seedDayBook(book: DayBook, restored: RestoredDay): Set<string> {
  for (const leg of restored.legs) book.legCompleted(leg);
  for (const pause of restored.pauses) if (pause.endedAt !== undefined) book.pauseEnded(pause);
  for (const session of restored.sessions) book.session(session);
  for (const call of restored.internalCalls)
    book.internalCall(call.agentId, call.calleeAgentId, call.callerUniqueid, call.startedAt);
  return new Set(restored.legs.map((l) => l.id));
}
