import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type AgentLeg } from '@cti/domain';
import {
  type MustStay,
  releaseStayLate,
  startStayLate,
  type StayLate,
  stayLateCounted,
  stayLateMinutes,
  workDayOf,
} from '@cti/domain';
import { WebhookNotifier } from '../notify/webhook-notifier';
import { WorkforceAlerts } from '../ports/alerts';
import { appendAudit, WorkforceAudit } from '../ports/audit';
import { WorkforceClock } from '../ports/clock';
import { StayLateStore } from '../ports/stores';
import { WorkforceError } from '../workforce-error';
import { QuotaDayService } from './quota-day.service';

export interface Actor {
  /** What audit entries name: the username. */
  readonly name: string;
  readonly userId: string;
  readonly role: string;
}

/**
 * Agents staying late: started at shift end, counted live from completed calls until the quota
 * is met, or released by a supervisor with a reason (audited before it takes effect).
 */
@Injectable()
export class StayLateService implements OnModuleInit {
  private readonly logger = new Logger('StayLate');
  private readonly stays = new Map<string, StayLate>();
  /** Work is chained: counts and releases of one process never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly quotaDay: QuotaDayService,
    private readonly store: StayLateStore,
    private readonly notifier: WebhookNotifier,
    private readonly alerts: WorkforceAlerts,
    private readonly audit: WorkforceAudit,
    private readonly clock: WorkforceClock,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const s of await this.store.staying()) {
      this.stays.set(key(s.agentId, s.day), s);
      this.alerts.stayUpdated(s);
    }
    this.quotaDay.onLeg((leg) => this.legCompleted(leg));
  }

  /** Resolves once the work queued so far is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  staying(): StayLate[] {
    return [...this.stays.values()].filter((s) => s.state === 'staying');
  }

  async start(list: readonly MustStay[], day: string, shiftEnd: number): Promise<StayLate[]> {
    const started = startStayLate(list, day, shiftEnd);
    for (const s of started) {
      await this.store.save(s);
      this.stays.set(key(s.agentId, s.day), s);
    }
    return started;
  }

  async release(agentId: string, day: string, reason: string, actor: Actor): Promise<StayLate> {
    return this.enqueue(async () => {
      const stay = this.stays.get(key(agentId, day)) ?? (await this.store.get(agentId, day));
      if (!stay) throw new WorkforceError('NOT_FOUND', `${agentId} is not staying late on ${day}`);
      const result = releaseStayLate(stay, this.clock.now(), actor.name, reason);
      if (!result.ok) {
        if (result.refusal === 'reason-required')
          throw new WorkforceError(
            'VALIDATION_FAILED',
            'a reason is required to release an agent',
            { fields: [{ field: 'reason', problems: ['is required'] }] },
          );
        throw new WorkforceError('CONFLICT', `${agentId} is no longer staying (${stay.state})`);
      }
      await appendAudit(this.audit, {
        actor: actor.name,
        action: 'stay_late.release',
        target: `${agentId}/${day}`,
        details: {
          userId: actor.userId,
          role: actor.role,
          reason: result.stay.releaseReason,
          effective: stay.effective,
          quota: stay.quota,
        },
      });
      await this.finish(result.stay);
      return result.stay;
    });
  }

  private legCompleted(leg: AgentLeg): void {
    const mine = [...this.stays.values()].filter(
      (s) => s.agentId === leg.agentId && s.state === 'staying',
    );
    if (mine.length === 0) return;
    void this.enqueue(async () => {
      const agent = this.quotaDay.agents.find((a) => a.id === leg.agentId);
      if (!agent) return;
      const schedule = await this.quotaDay.schedule(leg.day, leg.day);
      const day = workDayOf(
        schedule,
        this.quotaDay.quotaAgent(agent),
        leg.answeredAt ?? leg.startedAt,
      );
      const stay = this.stays.get(key(leg.agentId, day));
      if (!stay || stay.state !== 'staying') return;
      const next = stayLateCounted(
        stay,
        await this.quotaDay.effectiveCount(leg.agentId, day, leg.endedAt),
        leg.endedAt,
      );
      if (next === stay) return;
      if (next.state === 'met') await this.finish(next);
      else {
        await this.store.save(next);
        this.stays.set(key(next.agentId, next.day), next);
        this.alerts.stayUpdated(next);
      }
    }).catch((err: Error) =>
      this.logger.error(`stay-late count for ${leg.agentId} failed: ${err.message}`),
    );
  }

  private async finish(stay: StayLate): Promise<void> {
    await this.store.save(stay);
    this.stays.set(key(stay.agentId, stay.day), stay);
    this.alerts.stayFinished(stay);
    const name = this.quotaDay.agents.find((a) => a.id === stay.agentId)?.name ?? stay.agentId;
    await this.notifier.stayFinished(stay, name, stayLateMinutes(stay, this.clock.now()));
    // Finished stays of past days need not stay in memory.
    for (const [k, s] of this.stays)
      if (s.state !== 'staying' && s.day < stay.day) this.stays.delete(k);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}

function key(agentId: string, day: string): string {
  return `${agentId}|${day}`;
}
