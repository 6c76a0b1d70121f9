import {
  type AgentLeg,
  type AgentSession,
  type InternalCall,
  type PauseInterval,
} from '@cti/domain';

/** Call legs filter (the shape of @cti/persistence's CallHistoryQuery). */
export interface CallQuery {
  /** Local day, YYYY-MM-DD. */
  readonly day?: string;
  /** Legs that started at or after this instant. */
  readonly from?: Date;
  /** Legs that started before this instant. */
  readonly to?: Date;
  readonly agentIds?: readonly string[];
  readonly teamId?: string;
  readonly direction?: 'inbound' | 'outbound';
  readonly effective?: boolean;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface CallPage {
  readonly items: AgentLeg[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * Stored call legs (bind @cti/persistence's CallHistory). `findById` is optional: without it
 * the API finds a leg through `find` within the day its id points to (see CallLookup).
 */
export abstract class CallRecords {
  abstract find(query: CallQuery): Promise<CallPage>;
  abstract findById?(id: string): Promise<AgentLeg | undefined>;
}

/** One stored local day (the shape of @cti/persistence's RestoredDay). */
export interface ArchivedDay {
  readonly day: string;
  readonly legs: AgentLeg[];
  readonly pauses: PauseInterval[];
  readonly sessions: AgentSession[];
  readonly internalCalls: InternalCall[];
}

/** Past days from the database (bind `(day) => loadDay(dataSource, day)` of @cti/persistence). */
export abstract class DayArchive {
  abstract loadDay(day: string): Promise<ArchivedDay>;
}
