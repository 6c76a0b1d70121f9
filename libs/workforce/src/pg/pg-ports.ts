import { type InjectionToken, type Provider } from '@nestjs/common';
import { AuditTrail } from '@cti/persistence';
import { type DataSource } from 'typeorm';
import { NoWorkforceAlerts, WorkforceAlerts } from '../ports/alerts';
import { WorkforceAudit } from '../ports/audit';
import { CallFactsSource, NoQaScores, QaScoresSource } from '../ports/facts';
import {
  AttendanceExceptionStore,
  DayOverrideStore,
  FollowUpStore,
  ReportDeliveryStore,
  RuleSetStore,
  StayLateStore,
  TeamSubmissionStore,
} from '../ports/stores';
import {
  PgAttendanceExceptionStore,
  PgReportDeliveryStore,
  PgTeamSubmissionStore,
} from './pg-attendance-stores';
import { PgCallFacts } from './pg-call-facts';
import { PgFollowUpStore } from './pg-follow-up-store';
import { PgDayOverrideStore, PgRuleSetStore } from './pg-schedule-stores';
import { PgStayLateStore } from './pg-stay-late-store';

/**
 * Every storage port bound to PostgreSQL (the record writer's tables and the workforce_* ones),
 * the audit to the audit_log table; alerts and QA scores to no-ops unless bound otherwise.
 * `dataSource`: the app's DataSource, or the DI token it is provided under.
 */
export function workforcePostgresPorts(dataSource: DataSource | InjectionToken): Provider[] {
  const bind = <T>(provide: InjectionToken, make: (ds: DataSource) => T): Provider =>
    typeof dataSource === 'object' && dataSource !== null && 'query' in dataSource
      ? { provide, useValue: make(dataSource) }
      : { provide, useFactory: make, inject: [dataSource as InjectionToken] };
  return [
    bind(CallFactsSource, (ds) => new PgCallFacts(ds)),
    bind(DayOverrideStore, (ds) => new PgDayOverrideStore(ds)),
    bind(RuleSetStore, (ds) => new PgRuleSetStore(ds)),
    bind(StayLateStore, (ds) => new PgStayLateStore(ds)),
    bind(FollowUpStore, (ds) => new PgFollowUpStore(ds)),
    bind(TeamSubmissionStore, (ds) => new PgTeamSubmissionStore(ds)),
    bind(AttendanceExceptionStore, (ds) => new PgAttendanceExceptionStore(ds)),
    bind(ReportDeliveryStore, (ds) => new PgReportDeliveryStore(ds)),
    bind(WorkforceAudit, (ds) => new AuditTrail(ds)),
  ];
}

/** The optional ports' defaults: no wallboard alerts, no QA scores. */
export const WORKFORCE_OPTIONAL_DEFAULTS: Provider[] = [
  { provide: WorkforceAlerts, useClass: NoWorkforceAlerts },
  { provide: QaScoresSource, useClass: NoQaScores },
];
