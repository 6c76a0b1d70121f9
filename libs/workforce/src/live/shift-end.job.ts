import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { localDay } from '@cti/domain';
import { addDays, mustStayList, planDay } from '@cti/domain';
import { WebhookNotifier } from '../notify/webhook-notifier';
import { type ShiftEndRun, WorkforceAlerts } from '../ports/alerts';
import { WorkforceClock } from '../ports/clock';
import { WorkforceSettings } from '../ports/settings';
import { StayLateStore } from '../ports/stores';
import { QuotaDayService } from './quota-day.service';
import { StayLateService } from './stay-late.service';

/** Shifts that end at one instant on one day: one must-stay list, one notification. */
interface DueShift {
  readonly day: string;
  readonly shiftEnd: number;
  readonly agentIds: Set<string>;
}

/**
 * At each shift end: the must-stay list (agents below quota, by how many), supervisors notified
 * (wallboard alert port, webhooks) and each staying agent tracked. Time comes from the injected
 * clock; `tick()` is what the timer calls, and what tests call after moving a fake clock.
 */
@Injectable()
export class ShiftEndJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ShiftEnd');
  private readonly done = new Set<string>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<ShiftEndRun[]>;

  constructor(
    private readonly settings: WorkforceSettings,
    private readonly quotaDay: QuotaDayService,
    private readonly stayLate: StayLateService,
    private readonly store: StayLateStore,
    private readonly notifier: WebhookNotifier,
    private readonly alerts: WorkforceAlerts,
    private readonly clock: WorkforceClock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.tick().catch((err: Error) =>
        this.logger.error(`shift-end check failed: ${err.message}`),
      );
    }, this.settings.config.shiftEnd.tickSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs every shift end that is due and has not run yet; returns the runs made now. */
  tick(): Promise<ShiftEndRun[]> {
    // One tick at a time: a slow database must not start the same run twice.
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<ShiftEndRun[]> {
    const now = this.clock.now();
    const runs: ShiftEndRun[] = [];
    for (const due of await this.dueShifts(now)) {
      const run = await this.runShiftEnd(due, now);
      if (run) runs.push(run);
    }
    return runs;
  }

  private async dueShifts(now: number): Promise<DueShift[]> {
    const today = localDay(now, this.settings.config.timezone);
    const catchUpMs = this.settings.config.shiftEnd.catchUpHours * 3_600_000;
    const schedule = await this.quotaDay.schedule(addDays(today, -2), today);
    // Runs of days the scan no longer reaches need not be remembered.
    for (const k of this.done) if (k.slice(0, 10) < addDays(today, -3)) this.done.delete(k);
    const due = new Map<string, DueShift>();
    for (const day of [addDays(today, -2), addDays(today, -1), today]) {
      for (const agent of this.quotaDay.agents) {
        const plan = planDay(
          schedule,
          { id: agent.id, ...(agent.team !== undefined ? { team: agent.team } : {}) },
          day,
        );
        if (plan.kind !== 'shift' || plan.shift.end > now || now - plan.shift.end > catchUpMs)
          continue;
        const k = `${day}|${plan.shift.end}`;
        if (this.done.has(k)) continue;
        const group = due.get(k) ?? { day, shiftEnd: plan.shift.end, agentIds: new Set<string>() };
        group.agentIds.add(agent.id);
        due.set(k, group);
      }
    }
    return [...due.values()].sort((a, b) => a.shiftEnd - b.shiftEnd);
  }

  private async runShiftEnd(due: DueShift, now: number): Promise<ShiftEndRun | undefined> {
    const ledger = await this.quotaDay.ledger(due.day, now, due.agentIds);
    const list = mustStayList(ledger.entries);
    const run: ShiftEndRun = {
      day: due.day,
      shiftEnd: due.shiftEnd,
      ranAt: now,
      ruleVersion: ledger.ruleVersion,
      agents: list.map((m) => {
        const who = ledger.names.get(m.agentId);
        return {
          ...m,
          name: who?.name ?? m.agentId,
          ...(who?.team !== undefined ? { team: who.team } : {}),
        };
      }),
    };
    this.done.add(`${due.day}|${due.shiftEnd}`);
    // The store decides: another instance (or this one before a restart) may have run it.
    if (!(await this.store.claimRun(run))) return undefined;
    await this.stayLate.start(list, due.day, due.shiftEnd);
    this.logger.log(
      `shift end ${due.day} ${new Date(due.shiftEnd).toISOString()}: ${list.length} must stay (rules ${run.ruleVersion})`,
    );
    if (list.length > 0) {
      this.alerts.mustStay(run);
      const results = await this.notifier.mustStay(run);
      await this.store.recordNotifications(run.day, run.shiftEnd, results);
    }
    return run;
  }
}
