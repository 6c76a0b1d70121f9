import { Injectable } from '@nestjs/common';
import { type AgentConfig, localDay } from '@cti/domain';
import {
  addDays,
  type AttendanceFlag,
  type DayAttendance,
  dayAttendance,
  daysOfMonth,
  eachDay,
  MAX_DAY_SPAN,
  parseDay,
  type MonthAttendance,
  monthAttendance,
  planDay,
  type StayLate,
} from '@cti/domain';
import { QuotaDayService } from '../live/quota-day.service';
import { appendAudit, WorkforceAudit } from '../ports/audit';
import { WorkforceClock } from '../ports/clock';
import { actorName, mayView, principalDetails, type WorkforcePrincipal } from '../ports/principal';
import { WorkforceSettings } from '../ports/settings';
import { AttendanceExceptionStore, StayLateStore, type StoredException } from '../ports/stores';
import { invalidInput, WorkforceError } from '../workforce-error';

export const EXCEPTION_FLAGS: readonly (AttendanceFlag | 'all')[] = [
  'all',
  'late',
  'early',
  'late-absence',
  'early-absence',
  'no-show',
  'still-logged-in',
  'pause-over-limit',
  'monthly-incidents',
];

/** First login / last logout per agent and day from the phone system, against the schedule. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly settings: WorkforceSettings,
    private readonly quotaDay: QuotaDayService,
    private readonly exceptions: AttendanceExceptionStore,
    private readonly stays: StayLateStore,
    private readonly audit: WorkforceAudit,
    private readonly clock: WorkforceClock,
  ) {}

  /** Every visible agent's attendance for a range of days, as of `now`. */
  async days(
    fromDay: string,
    toDay: string,
    agents: readonly AgentConfig[],
    now = this.clock.now(),
  ): Promise<DayAttendance[]> {
    const [schedule, facts, exceptions, stayList] = await Promise.all([
      this.quotaDay.schedule(fromDay, toDay),
      this.quotaDay.dayFacts(addDays(fromDay, -1), addDays(toDay, 1)),
      this.exceptions.list(fromDay, toDay),
      this.stays.list(fromDay, toDay),
    ]);
    const out: DayAttendance[] = [];
    for (const day of eachDay(fromDay, toDay, MAX_DAY_SPAN)) {
      for (const agent of agents) {
        const stay = stayList.find((s) => s.agentId === agent.id && s.day === day);
        out.push(
          dayAttendance({
            plan: planDay(
              schedule,
              { id: agent.id, ...(agent.team !== undefined ? { team: agent.team } : {}) },
              day,
            ),
            sessions: facts.sessions.filter((s) => s.agentId === agent.id),
            pauses: facts.pauses.filter((p) => p.agentId === agent.id),
            now,
            rules: this.settings.config.attendance,
            ...(stay ? { stayLateUntil: stayUntil(stay, now) } : {}),
            exceptions,
          }),
        );
      }
    }
    return out;
  }

  /** The month so far (to today), with the monthly late rule applied. */
  async month(
    month: string,
    agents: readonly AgentConfig[],
    now = this.clock.now(),
  ): Promise<MonthAttendance[]> {
    const today = localDay(now, this.settings.config.timezone);
    const days = daysOfMonth(month).filter((d) => d <= today);
    if (days.length === 0)
      return agents.map((a) => monthAttendance(a.id, month, [], this.settings.config.attendance));
    const all = await this.days(days[0]!, days[days.length - 1]!, agents, now);
    const exceptions = await this.exceptions.list(days[0]!, days[days.length - 1]!);
    return agents.map((a) =>
      monthAttendance(a.id, month, all, this.settings.config.attendance, exceptions),
    );
  }

  /** A supervisor records leave or an approved exception: the flag goes off, with the reason, audited. */
  async addException(p: WorkforcePrincipal, body: unknown): Promise<StoredException> {
    const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const problems: string[] = [];
    const agent = this.settings.callCenter.agents.find((a) => a.id === o.agentId);
    if (!agent) problems.push('agentId: is not an agent');
    const day = parseDay(o.day);
    if (!day.ok) problems.push(`day: ${day.problem}`);
    if (!EXCEPTION_FLAGS.includes(o.flag as AttendanceFlag))
      problems.push(`flag: must be one of ${EXCEPTION_FLAGS.join(', ')}`);
    const reason = typeof o.reason === 'string' ? o.reason.trim() : '';
    if (!reason) problems.push('reason: is required');
    else if (reason.length > 500) problems.push('reason: at most 500 characters');
    if (problems.length) throw invalidInput(problems);
    if (!mayView(p, agent!))
      throw new WorkforceError('FORBIDDEN', 'you may not record exceptions for this agent');
    const exception = {
      agentId: agent!.id,
      day: o.day as string,
      flag: o.flag as AttendanceFlag | 'all',
      reason,
      by: actorName(p),
    };
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'attendance.exception',
      target: `${exception.agentId}/${exception.day}`,
      details: { ...principalDetails(p), flag: exception.flag, reason },
    });
    return this.exceptions.add(exception);
  }
}

/** Staying late keeps an agent logged in on purpose until the stay ends (or now, while it lasts). */
function stayUntil(stay: StayLate, now: number): number {
  return stay.finishedAt ?? now;
}

export function visibleOnly(p: WorkforcePrincipal, agents: readonly AgentConfig[]): AgentConfig[] {
  return agents.filter((a) => mayView(p, a));
}
