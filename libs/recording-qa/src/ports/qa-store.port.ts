import {
  type EvaluationState,
  type ItemAnswer,
  type Scorecard,
  type ScoreResult,
  type ShiftDraw,
  type TimedComment,
} from '@cti/domain';

export interface StoredScorecard {
  readonly card: Scorecard;
  readonly createdAt: number;
  readonly createdBy: string;
}

/** A draw as it is kept: seed, the exact inputs (canonical JSON) and their hash, the result. */
export interface SampleDrawRecord {
  readonly id: string;
  readonly weekId: string;
  readonly shiftId: string;
  readonly seed: string;
  readonly inputs: unknown;
  readonly inputsSha256: string;
  readonly draw: ShiftDraw;
  readonly createdAt: number;
  readonly createdBy: string;
}

export interface AssignmentRecord {
  readonly id: string;
  readonly drawId: string;
  readonly recordingId: string;
  readonly agentId: string;
  readonly teamId?: string;
  readonly reviewerId: string;
  readonly calibration: boolean;
  readonly status: 'open' | 'scored';
  readonly createdAt: number;
}

export interface EvaluationRecord {
  readonly id: string;
  readonly assignmentId?: string;
  readonly recordingId: string;
  readonly teamId?: string;
  readonly scorecardId: string;
  readonly scorecardVersion: number;
  readonly answers: Readonly<Record<string, ItemAnswer>>;
  readonly comments: readonly TimedComment[];
  readonly result: ScoreResult;
  readonly calibration: boolean;
  /** Status, agent, reviewer, times, dispute and resolution. */
  readonly state: EvaluationState;
}

export interface EvaluationFilter {
  readonly agentId?: string;
  readonly reviewerId?: string;
  readonly recordingId?: string;
  readonly teamId?: string;
  readonly statuses?: readonly EvaluationState['status'][];
  /** submittedAt range, epoch ms: [from, to). */
  readonly from?: number;
  readonly to?: number;
}

export interface AssignmentFilter {
  readonly reviewerId?: string;
  readonly status?: AssignmentRecord['status'];
  readonly recordingId?: string;
  readonly drawIds?: readonly string[];
}

/** A write that collides with an existing row (same draw shift, same scorecard version, ...). */
export class QaStoreConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QaStoreConflict';
  }
}

/** Scorecards, draws, assignments and evaluations (in memory for tests, PostgreSQL in production). */
export abstract class QaStore {
  /** Rejects with QaStoreConflict when (id, version) exists. */
  abstract addScorecard(card: Scorecard, by: string, at: number): Promise<void>;
  abstract scorecardVersions(id: string): Promise<StoredScorecard[]>;
  abstract scorecard(id: string, version: number): Promise<Scorecard | undefined>;
  /** The newest version of every scorecard. */
  abstract latestScorecards(): Promise<Scorecard[]>;

  /** Stores a draw and its assignments together; QaStoreConflict when the shift was drawn already. */
  abstract addDraw(draw: SampleDrawRecord, assignments: readonly AssignmentRecord[]): Promise<void>;
  abstract draw(id: string): Promise<SampleDrawRecord | undefined>;
  abstract drawsOfWeek(weekId: string): Promise<SampleDrawRecord[]>;

  abstract assignments(filter: AssignmentFilter): Promise<AssignmentRecord[]>;
  abstract assignment(id: string): Promise<AssignmentRecord | undefined>;

  /** Stores a new evaluation and marks its assignment scored, together. */
  abstract addEvaluation(evaluation: EvaluationRecord): Promise<void>;
  /** Replaces the state (acknowledge, dispute, resolution). */
  abstract updateEvaluationState(id: string, state: EvaluationState): Promise<void>;
  abstract evaluation(id: string): Promise<EvaluationRecord | undefined>;
  abstract evaluations(filter: EvaluationFilter): Promise<EvaluationRecord[]>;
}
