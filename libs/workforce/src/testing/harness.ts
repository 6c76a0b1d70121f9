import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CallCenterConfig, type CoreOutput } from '@cti/domain';
import { AuditTrail, RecordWriter } from '@cti/persistence';
import { type DataSource } from 'typeorm';
import { validateWorkforceConfig } from '../config/validate-workforce-config';
import { type WorkforceConfig } from '../config/workforce-config';
import { AttendanceService } from '../attendance/attendance.service';
import { FollowUpService } from '../follow-up/follow-up.service';
import { PlanningService } from '../live/planning.service';
import { QuotaDayService } from '../live/quota-day.service';
import { ReportService } from '../reports/report.service';
import { QaScoresSource } from '../ports/facts';
import { ShiftEndJob } from '../live/shift-end.job';
import { StayLateService } from '../live/stay-late.service';
import { WebhookNotifier } from '../notify/webhook-notifier';
import {
  PgAttendanceExceptionStore,
  PgReportDeliveryStore,
  PgTeamSubmissionStore,
} from '../pg/pg-attendance-stores';
import { PgCallFacts } from '../pg/pg-call-facts';
import { PgFollowUpStore } from '../pg/pg-follow-up-store';
import { PgDayOverrideStore, PgRuleSetStore } from '../pg/pg-schedule-stores';
import { PgStayLateStore } from '../pg/pg-stay-late-store';
import { type ShiftEndRun, type WorkforceAlerts } from '../ports/alerts';
import { ManualWorkforceClock } from '../ports/clock';
import { PushedCoreOutputs, type WorkforceSettings } from '../ports/settings';
import { fixtureCallCenter } from './fixtures';
import { HttpReceiver } from './http-receiver';

/** A migrated database the harness uses and stops (startTestDatabase() of libs/testing, from the spec). */
export interface HarnessDatabase {
  readonly dataSource: DataSource;
  stop(): Promise<void>;
}

/** Alerts as the wallboard would get them. */
export class RecordedAlerts implements WorkforceAlerts {
  readonly runs: ShiftEndRun[] = [];
  readonly finished: string[] = [];
  /** Each live count update: `agent:effective`. */
  readonly updates: string[] = [];
  mustStay(run: ShiftEndRun): void {
    this.runs.push(run);
  }
  stayUpdated(stay: { agentId: string; effective: number }): void {
    this.updates.push(`${stay.agentId}:${stay.effective}`);
  }
  stayFinished(stay: { agentId: string; state: string }): void {
    this.finished.push(`${stay.agentId}:${stay.state}`);
  }
}

/**
 * The quota day wired as the module wires it, on real parts: PostgreSQL, the record writer, a
 * local HTTP receiver for webhooks; only the clock is manual and the core's outputs are pushed.
 */
export class WorkforceHarness {
  readonly feed = new PushedCoreOutputs();
  readonly alerts = new RecordedAlerts();
  readonly audit: AuditTrail;
  readonly quotaDay: QuotaDayService;
  readonly stayLate: StayLateService;
  readonly job: ShiftEndJob;
  readonly notifier: WebhookNotifier;
  readonly followUps: FollowUpService;
  readonly attendance: AttendanceService;
  readonly planning: PlanningService;
  readonly reports: ReportService;
  /** QA scores per agent of the month, as the QA lib would give them. */
  readonly qaScores = new Map<string, number[]>();
  readonly stores;
  readonly settings: WorkforceSettings;

  private constructor(
    readonly db: HarnessDatabase,
    readonly receiver: HttpReceiver,
    readonly clock: ManualWorkforceClock,
    readonly writer: RecordWriter,
    private readonly spoolDir: string,
    config: WorkforceConfig,
    callCenter: CallCenterConfig,
  ) {
    const ds = db.dataSource;
    this.settings = { config, callCenter };
    this.audit = new AuditTrail(ds);
    this.stores = {
      overrides: new PgDayOverrideStore(ds),
      rules: new PgRuleSetStore(ds),
      stays: new PgStayLateStore(ds),
      followUps: new PgFollowUpStore(ds),
      submissions: new PgTeamSubmissionStore(ds),
      exceptions: new PgAttendanceExceptionStore(ds),
      deliveries: new PgReportDeliveryStore(ds),
      facts: new PgCallFacts(ds),
    };
    this.quotaDay = new QuotaDayService(
      this.settings,
      this.stores.facts,
      this.stores.overrides,
      this.stores.rules,
      clock,
      this.feed,
    );
    this.notifier = new WebhookNotifier(this.settings, clock);
    this.stayLate = new StayLateService(
      this.quotaDay,
      this.stores.stays,
      this.notifier,
      this.alerts,
      this.audit,
      clock,
    );
    this.job = new ShiftEndJob(
      this.settings,
      this.quotaDay,
      this.stayLate,
      this.stores.stays,
      this.notifier,
      this.alerts,
      clock,
    );
    this.followUps = new FollowUpService(
      this.settings,
      this.stores.followUps,
      this.stores.submissions,
      this.audit,
      clock,
    );
    this.attendance = new AttendanceService(
      this.settings,
      this.quotaDay,
      this.stores.exceptions,
      this.stores.stays,
      this.audit,
      clock,
    );
    this.planning = new PlanningService(
      this.settings,
      this.quotaDay,
      this.stores.overrides,
      this.stores.rules,
      this.audit,
      clock,
    );
    const scores = this.qaScores;
    const qa = new (class extends QaScoresSource {
      async scores(): Promise<ReadonlyMap<string, readonly number[]>> {
        return scores;
      }
    })();
    this.reports = new ReportService(
      this.quotaDay,
      this.attendance,
      this.followUps,
      this.stores.followUps,
      this.stores.stays,
      qa,
    );
  }

  /** `workforce` is the raw configuration section; the receiver's URL is added as a generic webhook unless `webhooks` is given. */
  static async start(
    db: HarnessDatabase,
    start: number,
    workforce: Record<string, unknown> = {},
    callCenter = fixtureCallCenter(),
  ): Promise<WorkforceHarness> {
    const receiver = await HttpReceiver.start();
    const notifications = {
      webhooks: [{ url: receiver.url('/hook'), kind: 'generic' }],
      ...(workforce.notifications as object | undefined),
    };
    const config = validateWorkforceConfig({ ...workforce, notifications }, callCenter);
    const spoolDir = mkdtempSync(join(tmpdir(), 'workforce-spool-'));
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: callCenter.timezone,
      spoolDir,
      flushIntervalMs: 20,
    });
    const h = new WorkforceHarness(
      db,
      receiver,
      new ManualWorkforceClock(start),
      writer,
      spoolDir,
      config,
      callCenter,
    );
    h.quotaDay.onModuleInit();
    await h.stayLate.onModuleInit();
    return h;
  }

  /** An output as the app delivers it: to the record writer and to the quota day. */
  push(...outputs: CoreOutput[]): void {
    for (const o of outputs) {
      this.writer.write(o);
      this.feed.push(o);
    }
  }

  /** Everything pushed is stored and every count it caused is done. */
  async settle(): Promise<void> {
    await this.writer.drain();
    await this.stayLate.idle();
  }

  async stop(): Promise<void> {
    this.quotaDay.onModuleDestroy();
    await this.writer.close();
    await this.receiver.close();
    await this.db.stop();
    rmSync(this.spoolDir, { recursive: true, force: true });
  }
}
