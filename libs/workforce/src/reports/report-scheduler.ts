import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { localDay } from '@cti/domain';
import { addDays, daysOfMonth, parseTimeOfDay, planDay, wallTimeOf } from '@cti/domain';
import { QuotaDayService } from '../live/quota-day.service';
import { WorkforceClock } from '../ports/clock';
import { WorkforceSettings } from '../ports/settings';
import { ReportDeliveryStore } from '../ports/stores';
import { deliver, type ReportDelivery, transportLabel } from './delivery/report-transport';
import { reportFile } from './report-files';
import { REPORT_SYSTEM, ReportService } from './report.service';

export interface DeliveryResult {
  readonly report: string;
  readonly period: string;
  readonly target: string;
  readonly ok: boolean;
  readonly error?: string;
}

/**
 * Sends the reports on schedule: at `sendAt` each morning the previous day's agent and team
 * records (when anyone worked), and on `monthlyDay` the month's report. Each (report, period,
 * target) goes once: a restart or a second instance does not send it again.
 */
@Injectable()
export class ReportScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WorkforceReports');
  private timer?: NodeJS.Timeout;
  private running?: Promise<DeliveryResult[]>;

  constructor(
    private readonly settings: WorkforceSettings,
    private readonly quotaDay: QuotaDayService,
    private readonly reports: ReportService,
    private readonly store: ReportDeliveryStore,
    private readonly clock: WorkforceClock,
  ) {}

  onModuleInit(): void {
    if (this.settings.config.reports.transports.length === 0) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: Error) =>
        this.logger.error(`report schedule failed: ${err.message}`),
      );
    }, 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  tick(): Promise<DeliveryResult[]> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<DeliveryResult[]> {
    const { config } = this.settings;
    const now = this.clock.now();
    if (
      config.reports.transports.length === 0 ||
      wallTimeOf(now, config.timezone).minutes < parseTimeOfDay(config.reports.sendAt)
    )
      return [];
    const today = localDay(now, config.timezone);
    const yesterday = addDays(today, -1);
    const due: (() => Promise<ReportDelivery>)[] = [];
    if (await this.anyoneWorked(yesterday)) due.push(() => this.daily(yesterday, now));
    const month = today.slice(0, 7);
    if (Number(today.slice(8)) === Math.min(config.reports.monthlyDay, daysOfMonth(month).length))
      due.push(() => this.monthly(month, now));
    const results: DeliveryResult[] = [];
    for (const make of due) {
      let delivery: ReportDelivery | undefined;
      for (const t of config.reports.transports) {
        const target = transportLabel(t);
        delivery ??= await make();
        if (await this.store.delivered(delivery.report, delivery.period, target)) continue;
        try {
          await deliver(t, delivery, now, config.notifications.timeoutMs);
          await this.store.record(delivery.report, delivery.period, target, now);
          results.push({ report: delivery.report, period: delivery.period, target, ok: true });
        } catch (err) {
          const error = (err as Error).message;
          this.logger.warn(
            `report ${delivery.report} ${delivery.period} to ${target} failed: ${error}`,
          );
          await this.store.record(delivery.report, delivery.period, target, now, error);
          results.push({
            report: delivery.report,
            period: delivery.period,
            target,
            ok: false,
            error,
          });
        }
      }
    }
    return results;
  }

  private async anyoneWorked(day: string): Promise<boolean> {
    const schedule = await this.quotaDay.schedule(day, day);
    return this.quotaDay.agents.some(
      (a) =>
        planDay(schedule, { id: a.id, ...(a.team !== undefined ? { team: a.team } : {}) }, day)
          .kind === 'shift',
    );
  }

  private async daily(day: string, now: number): Promise<ReportDelivery> {
    const locale = this.settings.config.notifications.locale;
    const agents = await this.reports.agentDaily(REPORT_SYSTEM, day, now);
    const teams = await Promise.all(
      this.quotaDay.callCenterTeams.map((t) =>
        this.reports.teamDaily(REPORT_SYSTEM, t.id, day, now),
      ),
    );
    const files = [
      await reportFile(agents, locale, 'xlsx'),
      await reportFile(agents, locale, 'csv'),
      ...(await Promise.all(teams.map((t) => reportFile(t, locale, 'xlsx')))),
    ];
    const met = agents.agents.filter((a) => a.status === 'working' && a.met).length;
    const working = agents.agents.filter((a) => a.status === 'working').length;
    const zh = locale === 'zh-CN';
    return {
      report: 'daily',
      period: day,
      subject: zh ? `坐席工作日报 ${day}` : `Agent daily work records ${day}`,
      text: zh
        ? `${day}：${working} 人上班，${met} 人完成电话量。附件为坐席日报和各班组日报。`
        : `${day}: ${working} agents worked, ${met} met the quota. Attached: the agents' and teams' daily records.`,
      files,
      data: {
        agents: agents.agents,
        teams: teams.map((t) => ({
          teamId: t.teamId,
          totals: t.totals,
          submission: t.submission.state,
        })),
      },
    };
  }

  private async monthly(month: string, now: number): Promise<ReportDelivery> {
    const locale = this.settings.config.notifications.locale;
    const report = await this.reports.monthly(REPORT_SYSTEM, month, now);
    const zh = locale === 'zh-CN';
    return {
      report: 'monthly',
      period: month,
      subject: zh ? `月度报表 ${month}` : `Monthly report ${month}`,
      text: zh
        ? `${month} 月度报表（截至 ${report.days[report.days.length - 1] ?? month}）。`
        : `Monthly report ${month} (to ${report.days[report.days.length - 1] ?? month}).`,
      files: [await reportFile(report, locale, 'xlsx'), await reportFile(report, locale, 'csv')],
      data: { teams: report.teams, agents: report.agents },
    };
  }
}
