import { Injectable } from '@nestjs/common';
import { type AgentLeg, type AgentSession, type PauseInterval } from '@cti/domain';
import { type ApiPrincipal, canSeeNumbers } from '@cti/auth';
import { coversAgent, viewScope } from '../access/view-scope';
import { AuditWriter } from '../common/audit-writer';
import { invalid, notFound } from '../errors/api-error';
import { DayArchive } from '../ports/call-records';
import { type AgentInfo, LiveView } from '../ports/live-view';
import { callView, iso } from '../views/call-view';
import { type AgentDayDto, type PauseDto, type SessionDto } from './agents.dto';

interface DayRecord {
  readonly legs: readonly AgentLeg[];
  readonly pauses: readonly PauseInterval[];
  readonly sessions: readonly AgentSession[];
  readonly internalCalls: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** An agent's day: today from the live core, earlier days from the database. */
@Injectable()
export class AgentDayService {
  constructor(
    private readonly live: LiveView,
    private readonly archive: DayArchive,
    private readonly audit: AuditWriter,
  ) {}

  /** The agent in the caller's scope; 404 alike for another team's agent and an unknown one. */
  visibleAgent(p: ApiPrincipal, agentId: string): AgentInfo {
    const agent = this.live.agent(agentId);
    if (!agent || !coversAgent(viewScope(p), agent)) throw notFound('no such agent');
    return agent;
  }

  async day(p: ApiPrincipal, agentId: string, date?: string): Promise<AgentDayDto> {
    const agent = this.visibleAgent(p, agentId);
    const today = this.live.today();
    const day = date ?? today;
    if (day > today)
      throw invalid([{ field: 'date', problems: ['date must not be in the future'] }]);
    const live = day === today;
    const record = live ? this.liveRecord(agentId, day) : await this.archivedRecord(agentId, day);
    const effectiveLegs = record.legs.filter((l) => l.effective);
    const counted = live
      ? this.live.progress(agentId, day).counted
      : this.live.countsNumbersOnce()
        ? new Set(effectiveLegs.map((l) => l.customerNumber)).size
        : effectiveLegs.length;
    const quota = this.live.quotaFor(agentId, day);
    const unmasked = canSeeNumbers(p.role);
    if (unmasked && record.legs.length > 0) {
      await this.audit.record(p, 'agent_day.read_unmasked', agentId, {
        day,
        calls: record.legs.length,
      });
    }
    return {
      agentId,
      name: agent.name,
      ...(agent.team !== undefined ? { team: agent.team } : {}),
      day,
      source: live ? 'live' : 'archive',
      calls: [...record.legs]
        .sort((a, b) => a.startedAt - b.startedAt)
        .map((l) => callView(l, unmasked)),
      pauses: record.pauses.map(pauseView),
      sessions: record.sessions.map(sessionView),
      internalCalls: record.internalCalls,
      effective: counted,
      effectiveTotal: effectiveLegs.length,
      quota,
      met: counted >= quota,
    };
  }

  private liveRecord(agentId: string, day: string): DayRecord {
    const d = this.live.agentDay(agentId, day);
    return {
      legs: d?.legs ?? [],
      pauses: d?.pauses ?? [],
      sessions: d?.sessions ?? [],
      internalCalls: d?.internalCalls.length ?? 0,
    };
  }

  private async archivedRecord(agentId: string, day: string): Promise<DayRecord> {
    const stored = await this.archive.loadDay(day);
    const mine = <T extends { agentId: string }>(xs: readonly T[]): T[] =>
      xs.filter((x) => x.agentId === agentId);
    return {
      legs: mine(stored.legs),
      pauses: mine(stored.pauses),
      sessions: mine(stored.sessions),
      internalCalls: mine(stored.internalCalls).length,
    };
  }
}

function pauseView(p: PauseInterval): PauseDto {
  return {
    reason: p.reason,
    startedAt: iso(p.startedAt),
    ...(p.endedAt !== undefined ? { endedAt: iso(p.endedAt) } : {}),
    seconds: round1(((p.endedAt ?? p.startedAt) - p.startedAt) / 1000),
    limitSeconds: p.limitSeconds,
    overLimit: p.overLimit,
  };
}

function sessionView(s: AgentSession): SessionDto {
  return {
    loginAt: iso(s.loginAt),
    ...(s.logoutAt !== undefined ? { logoutAt: iso(s.logoutAt) } : {}),
  };
}
