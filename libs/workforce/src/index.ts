/** @cti/workforce: the quota day (shift rules, must-stay, follow-ups, attendance, reports). */
export { loadWorkforceConfig } from './config/load-workforce-config';
export {
  parseRuleSet,
  validateWorkforceConfig,
  WorkforceConfigError,
} from './config/validate-workforce-config';
export * from './config/workforce-config';
export { AttendanceService } from './attendance/attendance.service';
export {
  FollowUpService,
  type FollowUpView,
  type TeamDayState,
} from './follow-up/follow-up.service';
export { workforceStaticDir } from './http/static-dir';
export { PlanningService } from './live/planning.service';
export { QuotaDayService } from './live/quota-day.service';
export { ShiftEndJob } from './live/shift-end.job';
export { StayLateService } from './live/stay-late.service';
export { WebhookNotifier } from './notify/webhook-notifier';
export { workforcePostgresPorts, WORKFORCE_OPTIONAL_DEFAULTS } from './pg/pg-ports';
export { NoWorkforceAlerts, type ShiftEndRun, WorkforceAlerts } from './ports/alerts';
export { WorkforceAudit, type WorkforceAuditAction, type WorkforceAuditEntry } from './ports/audit';
export { ManualWorkforceClock, SystemWorkforceClock, WorkforceClock } from './ports/clock';
export { CallFactsSource, type DayFacts, NoQaScores, QaScoresSource } from './ports/facts';
export { type WorkforcePrincipal } from './ports/principal';
export { CoreOutputFeed, PushedCoreOutputs, WorkforceSettings } from './ports/settings';
export * from './ports/stores';
export { ReportScheduler } from './reports/report-scheduler';
export { ReportService } from './reports/report.service';
export * from './reports/report-types';
export {
  WORKFORCE_CONTROLLERS,
  WorkforceModule,
  type WorkforceModuleOptions,
} from './workforce.module';
export { WorkforceError } from './workforce-error';
