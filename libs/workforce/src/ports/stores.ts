import {
  type AttendanceException,
  type DayOverride,
  type FollowUpDraft,
  type FollowUpKind,
  type StayLate,
  type WorkforceRuleSet,
} from '@cti/domain';
import { type ShiftEndRun } from './alerts';

/*
 * What the quota day keeps, as ports (abstract classes are Nest DI tokens). The PostgreSQL
 * implementations are in ../pg; services never see SQL.
 */

export interface StoredOverride extends DayOverride {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAt: number;
}

export abstract class DayOverrideStore {
  /** Overrides of days in [fromDay, toDay]. */
  abstract list(fromDay: string, toDay: string): Promise<StoredOverride[]>;
  /** Replaces the override of the same day and target. */
  abstract put(override: DayOverride, by: string): Promise<StoredOverride>;
  abstract remove(id: string): Promise<StoredOverride | undefined>;
}

export abstract class RuleSetStore {
  abstract list(): Promise<WorkforceRuleSet[]>;
  abstract add(set: WorkforceRuleSet, by: string): Promise<void>;
}

export interface NotificationResult {
  readonly target: string;
  readonly kind: string;
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
}

export abstract class StayLateStore {
  /** Records a run once: false when that shift end already had one. */
  abstract claimRun(run: ShiftEndRun): Promise<boolean>;
  abstract recordNotifications(
    day: string,
    shiftEnd: number,
    results: readonly NotificationResult[],
  ): Promise<void>;
  abstract runs(
    day: string,
  ): Promise<(ShiftEndRun & { readonly notifications: readonly NotificationResult[] })[]>;
  abstract save(stay: StayLate): Promise<void>;
  abstract staying(): Promise<StayLate[]>;
  abstract list(fromDay: string, toDay: string): Promise<StayLate[]>;
  abstract get(agentId: string, day: string): Promise<StayLate | undefined>;
}

export interface FollowUpRecord extends FollowUpDraft {
  readonly id: string;
  readonly agentId: string;
  readonly teamId?: string;
  readonly day: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedBy?: string;
  readonly updatedAt?: number;
  readonly revision: number;
}

export interface FollowUpQuery {
  readonly agentIds?: readonly string[];
  readonly teamId?: string;
  readonly fromDay?: string;
  readonly toDay?: string;
  readonly kind?: FollowUpKind;
  /** Words in the contact name or the content (and the number, when `searchNumbers`). */
  readonly text?: string;
  /** Whether `text` may match numbers: only for callers who see them (no probing by digits). */
  readonly searchNumbers?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export abstract class FollowUpStore {
  abstract create(
    record: Omit<FollowUpRecord, 'revision' | 'updatedBy' | 'updatedAt'>,
  ): Promise<FollowUpRecord>;
  /** Updates when `revision` is still the stored one (two editors never overwrite each other). */
  abstract update(
    id: string,
    revision: number,
    draft: FollowUpDraft,
    by: string,
    at: number,
  ): Promise<FollowUpRecord | 'conflict' | undefined>;
  abstract get(id: string): Promise<FollowUpRecord | undefined>;
  abstract search(
    query: FollowUpQuery,
  ): Promise<{ readonly items: FollowUpRecord[]; readonly total: number }>;
  abstract countByTeamDay(teamId: string, day: string): Promise<number>;
}

export interface TeamSubmission {
  readonly teamId: string;
  readonly day: string;
  readonly submittedAt: number;
  readonly submittedBy: string;
  readonly records: number;
  readonly late: boolean;
}

export abstract class TeamSubmissionStore {
  /** The first submission of a team's day stands; a second one returns the first. */
  abstract submit(s: TeamSubmission): Promise<TeamSubmission>;
  abstract list(fromDay: string, toDay: string): Promise<TeamSubmission[]>;
}

export interface StoredException extends AttendanceException {
  readonly id: string;
  readonly createdAt: number;
}

export abstract class AttendanceExceptionStore {
  abstract add(e: AttendanceException): Promise<StoredException>;
  abstract list(fromDay: string, toDay: string): Promise<StoredException[]>;
}

export abstract class ReportDeliveryStore {
  abstract delivered(report: string, period: string, target: string): Promise<boolean>;
  abstract record(
    report: string,
    period: string,
    target: string,
    at: number,
    error?: string,
  ): Promise<void>;
}
