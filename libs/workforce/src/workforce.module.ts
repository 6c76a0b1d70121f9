import { type DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { AttendanceService } from './attendance/attendance.service';
import { FollowUpService } from './follow-up/follow-up.service';
import { AttendanceController } from './http/attendance.controller';
import { FollowUpsController } from './http/follow-ups.controller';
import { WorkforcePageController } from './http/page.controller';
import { PlanningController } from './http/planning.controller';
import { QuotaDayController } from './http/quota-day.controller';
import { ReportsController } from './http/reports.controller';
import { PlanningService } from './live/planning.service';
import { QuotaDayService } from './live/quota-day.service';
import { ShiftEndJob } from './live/shift-end.job';
import { StayLateService } from './live/stay-late.service';
import { WebhookNotifier } from './notify/webhook-notifier';
import { WORKFORCE_OPTIONAL_DEFAULTS } from './pg/pg-ports';
import { WorkforceSettings } from './ports/settings';
import { ReportScheduler } from './reports/report-scheduler';
import { ReportService } from './reports/report.service';

export interface WorkforceModuleOptions {
  /**
   * Modules exporting the AuthModule's UserTokenVerifier (the routes' guard) and any port not
   * bound in `ports`.
   */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  readonly settings: WorkforceSettings;
  /**
   * The ports, explicitly: WorkforceClock and CoreOutputFeed (the live core), the stores,
   * CallFactsSource and WorkforceAudit (`...workforcePostgresPorts(dataSource)` binds those);
   * optional WorkforceAlerts (the wallboard) and QaScoresSource, no-ops unless given here.
   */
  readonly ports: readonly Provider[];
}

export const WORKFORCE_CONTROLLERS = [
  QuotaDayController,
  PlanningController,
  FollowUpsController,
  AttendanceController,
  ReportsController,
  WorkforcePageController,
];

const SERVICES = [
  QuotaDayService,
  StayLateService,
  ShiftEndJob,
  WebhookNotifier,
  PlanningService,
  FollowUpService,
  AttendanceService,
  ReportService,
  ReportScheduler,
];

/**
 * The quota day: shift-end job, stay-late tracking, follow-up records, attendance, reports and
 * their schedule, the routes under /api/workforce and the page under /workforce/. Every route
 * is guarded (deny by default) by the API's AccessGuard even without the app-wide one.
 */
@Module({})
export class WorkforceModule {
  static forRoot(options: WorkforceModuleOptions): DynamicModule {
    const given = new Set(options.ports.map((p) => (typeof p === 'function' ? p : p.provide)));
    const defaults = WORKFORCE_OPTIONAL_DEFAULTS.filter(
      (p) => !given.has(typeof p === 'function' ? p : p.provide),
    );
    return {
      module: WorkforceModule,
      imports: options.imports,
      controllers: WORKFORCE_CONTROLLERS,
      providers: [
        { provide: WorkforceSettings, useValue: options.settings },
        ...defaults,
        ...options.ports,
        ...SERVICES,
      ],
      exports: [QuotaDayService, StayLateService, ShiftEndJob, ReportService, FollowUpService],
    };
  }
}
