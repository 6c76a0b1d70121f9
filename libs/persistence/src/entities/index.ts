import { AgentSessionEntity } from './agent-session.entity';
import { AgentStateIntervalEntity } from './agent-state-interval.entity';
import { AgentEntity } from './agent.entity';
import { AlertEntity } from './alert.entity';
import { AppUserEntity } from './app-user.entity';
import { AuditLogEntity } from './audit-log.entity';
import { CallLegEntity } from './call-leg.entity';
import { DailyAgentCounterEntity } from './daily-agent-counter.entity';
import { InternalCallEntity } from './internal-call.entity';
import { PauseIntervalEntity } from './pause-interval.entity';
import { RecordingEntity } from './recording.entity';
import { TeamEntity } from './team.entity';
// The quota day (libs/workforce).
import { WorkforceDayOverrideEntity } from './workforce-day-override.entity';
import { WorkforceRuleSetEntity } from './workforce-rule-set.entity';
import { WorkforceShiftEndRunEntity } from './workforce-shift-end-run.entity';
import { WorkforceStayLateEntity } from './workforce-stay-late.entity';
import { WorkforceFollowUpEntity } from './workforce-follow-up.entity';
import { WorkforceTeamSubmissionEntity } from './workforce-team-submission.entity';
import { WorkforceAttendanceExceptionEntity } from './workforce-attendance-exception.entity';
import { WorkforceReportDeliveryEntity } from './workforce-report-delivery.entity';
// Recording registry and QA (libs/recording-qa).
import { QaRecordingEntity } from './qa-recording.entity';
import { QaRecordingDeletionEntity } from './qa-recording-deletion.entity';
import { QaScorecardEntity } from './qa-scorecard.entity';
import { QaSampleDrawEntity } from './qa-sample-draw.entity';
import { QaAssignmentEntity } from './qa-assignment.entity';
import { QaEvaluationEntity } from './qa-evaluation.entity';

export {
  AgentEntity,
  AgentSessionEntity,
  AgentStateIntervalEntity,
  AlertEntity,
  AppUserEntity,
  AuditLogEntity,
  CallLegEntity,
  DailyAgentCounterEntity,
  InternalCallEntity,
  PauseIntervalEntity,
  RecordingEntity,
  TeamEntity,
};
export { USER_ROLES, type UserRole } from './app-user.entity';

/** Every table the migrations own: the schema check compares exactly these. */
export const ENTITIES = [
  TeamEntity,
  AgentEntity,
  AgentSessionEntity,
  AgentStateIntervalEntity,
  PauseIntervalEntity,
  CallLegEntity,
  InternalCallEntity,
  DailyAgentCounterEntity,
  RecordingEntity,
  AlertEntity,
  AuditLogEntity,
  AppUserEntity,
  WorkforceDayOverrideEntity,
  WorkforceRuleSetEntity,
  WorkforceShiftEndRunEntity,
  WorkforceStayLateEntity,
  WorkforceFollowUpEntity,
  WorkforceTeamSubmissionEntity,
  WorkforceAttendanceExceptionEntity,
  WorkforceReportDeliveryEntity,
  QaRecordingEntity,
  QaRecordingDeletionEntity,
  QaScorecardEntity,
  QaSampleDrawEntity,
  QaAssignmentEntity,
  QaEvaluationEntity,
];

export {
  WorkforceDayOverrideEntity,
  WorkforceRuleSetEntity,
  WorkforceShiftEndRunEntity,
  WorkforceStayLateEntity,
  WorkforceFollowUpEntity,
  WorkforceTeamSubmissionEntity,
  WorkforceAttendanceExceptionEntity,
  WorkforceReportDeliveryEntity,
};

// Recording registry and QA (libs/recording-qa).
export {
  QaRecordingEntity,
  QaRecordingDeletionEntity,
  QaScorecardEntity,
  QaSampleDrawEntity,
  QaAssignmentEntity,
  QaEvaluationEntity,
};
