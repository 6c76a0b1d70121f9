import { type AgentLeg, type AgentSession, type PauseInterval } from '@cti/domain';

/** What the phone system recorded for a range of local days (both inclusive). */
export interface DayFacts {
  readonly legs: readonly AgentLeg[];
  readonly sessions: readonly AgentSession[];
  readonly pauses: readonly PauseInterval[];
}

/** The stored calls, sessions and pauses (bind the database; the live feed adds what is not stored yet). */
export abstract class CallFactsSource {
  abstract facts(fromDay: string, toDay: string): Promise<DayFacts>;
}

/** QA scores of a month per agent, when the QA lib is there; none otherwise. */
export abstract class QaScoresSource {
  abstract scores(month: string): Promise<ReadonlyMap<string, readonly number[]>>;
}

export class NoQaScores extends QaScoresSource {
  async scores(): Promise<ReadonlyMap<string, readonly number[]>> {
    return new Map();
  }
}
