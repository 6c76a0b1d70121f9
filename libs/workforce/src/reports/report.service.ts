import { Injectable } from '@nestjs/common';
import { type AgentConfig, localDay } from '@cti/domain';
import { AttendanceService } from '../attendance/attendance.service';
import {
  addDays,
  daysOfMonth,
  type LedgerEntry,
  legsOfWorkDay,
  monthlyAgentRow,
  monthlyTeamRows,
} from '@cti/domain';
import { FollowUpService } from '../follow-up/follow-up.service';
import { QuotaDayService } from '../live/quota-day.service';
import { QaScoresSource } from '../ports/facts';
import { assertTeam, mayView, type WorkforcePrincipal } from '../ports/principal';
import { FollowUpStore, StayLateStore } from '../ports/stores';
import { WorkforceError } from '../workforce-error';
import { agentDailyRecord, stayedUntil, teamTotals } from './agent-daily-rows';
import {
  type AgentDailyRecord,
  type AgentDailyReport,
  type MonthlyReport,
  type TeamDailyReport,
} from './report-types';

/** The system itself, for scheduled reports: sees every agent, numbers masked. */
export const REPORT_SYSTEM: WorkforcePrincipal = {
  userId: 'system',
  username: 'report-scheduler',
  role: 'qa',
};

/** Builds the day's and month's reports from the ledger, calls, attendance, records and stays. */
@Injectable()
export class ReportService {
  constructor(
    private readonly quotaDay: QuotaDayService,
    private readonly attendance: AttendanceService,
    private readonly followUps: FollowUpService,
    private readonly followUpStore: FollowUpStore,
    private readonly stays: StayLateStore,
    private readonly qa: QaScoresSource,
  ) {}

  async agentDaily(
    p: WorkforcePrincipal,
    day: string,
    now: number,
    agentId?: string,
  ): Promise<AgentDailyReport> {
    const agents = this.quotaDay.agents.filter(
      (a) => mayView(p, a) && (agentId === undefined || a.id === agentId),
    );
    if (agentId !== undefined && agents.length === 0)
      throw new WorkforceError('NOT_FOUND', 'no such agent');
    const { records, ruleVersion } = await this.records(day, agents, now);
    return {
      kind: 'agent-daily',
      day,
      timezone: this.quotaDay.timezone,
      generatedAt: now,
      ruleVersion,
      agents: records,
    };
  }

  async teamDaily(
    p: WorkforcePrincipal,
    teamId: string,
    day: string,
    now: number,
  ): Promise<TeamDailyReport> {
    assertTeam(p, teamId);
    const team = this.quotaDay.callCenterTeams.find((t) => t.id === teamId);
    if (!team) throw new WorkforceError('NOT_FOUND', 'no such team');
    const agents = this.quotaDay.agents.filter((a) => a.team === teamId);
    const [{ records, ruleVersion }, followUps, states] = await Promise.all([
      this.records(day, agents, now),
      this.followUps.search(p, { teamId, fromDay: day, toDay: day, page: 1, pageSize: 500 }),
      this.followUps.teamDays(p.role === 'team_leader' ? p : { ...p, role: 'supervisor' }, day),
    ]);
    const submission = states.find((s) => s.teamId === teamId)!;
    return {
      kind: 'team-daily',
      day,
      timezone: this.quotaDay.timezone,
      generatedAt: now,
      ruleVersion,
      teamId,
      teamName: team.name,
      submission,
      agents: records,
      totals: teamTotals(records, followUps.total),
      followUps: [...followUps.items].reverse(),
    };
  }

  async monthly(p: WorkforcePrincipal, month: string, now: number): Promise<MonthlyReport> {
    const today = localDay(now, this.quotaDay.timezone);
    const days = daysOfMonth(month).filter((d) => d <= today);
    const agents = this.quotaDay.agents.filter((a) => mayView(p, a));
    const ledger: LedgerEntry[] = [];
    for (const day of days)
      ledger.push(
        ...(await this.quotaDay.ledger(day, now, new Set(agents.map((a) => a.id)))).entries,
      );
    const [attendance, stays, qa] = await Promise.all([
      this.attendance.month(month, agents, now),
      days.length ? this.stays.list(days[0]!, days[days.length - 1]!) : Promise.resolve([]),
      this.qa.scores(month),
    ]);
    // Stays nobody closed count until the agent logged out, as in the daily record.
    const closed = stays.map((s) => {
      if (s.finishedAt !== undefined) return s;
      const day = attendance
        .find((m) => m.agentId === s.agentId)
        ?.days.find((d) => d.day === s.day);
      const until = stayedUntil(s, day, now);
      return until === now ? s : { ...s, finishedAt: until };
    });
    const rows = agents.map((a) =>
      monthlyAgentRow({
        agentId: a.id,
        name: a.name,
        ...(a.team !== undefined ? { team: a.team } : {}),
        days,
        ledger,
        stays: closed,
        attendance: attendance.find((m) => m.agentId === a.id)!,
        qaScores: qa.get(a.id) ?? [],
        now,
      }),
    );
    const teamName = (id: string) =>
      this.quotaDay.callCenterTeams.find((t) => t.id === id)?.name ?? id;
    return {
      kind: 'monthly',
      month,
      timezone: this.quotaDay.timezone,
      generatedAt: now,
      days,
      agents: rows,
      teams: monthlyTeamRows(rows).map((t) => ({ ...t, teamName: teamName(t.team) })),
    };
  }

  private async records(
    day: string,
    agents: readonly AgentConfig[],
    now: number,
  ): Promise<{ records: AgentDailyRecord[]; ruleVersion: string }> {
    const ids = new Set(agents.map((a) => a.id));
    const [ledger, schedule, facts, attendance, followUps, stays] = await Promise.all([
      this.quotaDay.ledger(day, now, ids),
      this.quotaDay.schedule(day, day),
      this.quotaDay.dayFacts(day, addDays(day, 1)),
      this.attendance.days(day, day, agents, now),
      this.followUpStore.search({
        agentIds: [...ids],
        fromDay: day,
        toDay: day,
        page: 1,
        pageSize: 500,
      }),
      this.stays.list(day, day),
    ]);
    const records = agents.map((agent) =>
      agentDailyRecord({
        agent,
        entry: ledger.entries.find((e) => e.agentId === agent.id)!,
        legs: legsOfWorkDay(schedule, this.quotaDay.quotaAgent(agent), day, facts.legs).filter(
          (l) => l.endedAt <= now,
        ),
        attendance: attendance.find((a) => a.agentId === agent.id),
        followUps: followUps.items.filter((f) => f.agentId === agent.id),
        stay: stays.find((s) => s.agentId === agent.id),
        now,
      }),
    );
    return { records, ruleVersion: ledger.ruleVersion };
  }
}
