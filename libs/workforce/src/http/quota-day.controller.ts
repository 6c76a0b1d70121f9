import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { type ApiPrincipal } from '@cti/auth';
import { AccessGuard, CurrentPrincipal, HttpErrorFilter, Roles } from '@cti/http-api';
import { type LedgerEntry, stayLateMinutes } from '@cti/domain';
import { QuotaDayService } from '../live/quota-day.service';
import { StayLateService } from '../live/stay-late.service';
import { WorkforceClock } from '../ports/clock';
import { actorName, mayView } from '../ports/principal';
import { StayLateStore } from '../ports/stores';
import { dayParam } from './params';

export interface QuotaDayRow extends LedgerEntry {
  readonly name: string;
  readonly team?: string;
  readonly stay?: {
    readonly state: string;
    readonly minutes: number;
    readonly finishedAt?: number;
    readonly releasedBy?: string;
    readonly releaseReason?: string;
  };
}

/**
 * The supervisor's quota day: progress and pace per agent, the must-stay lists, staying agents and
 * their release. Any day: a past one is recomputed from its stored calls under its own rule.
 */
@Controller('api/workforce/quota-day')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class QuotaDayController {
  constructor(
    private readonly quotaDay: QuotaDayService,
    private readonly stayLate: StayLateService,
    private readonly stays: StayLateStore,
    private readonly clock: WorkforceClock,
  ) {}

  @ApiOperation({
    summary: 'The quota day: effective calls against quota per agent, and who must stay late',
  })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get()
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async day(@CurrentPrincipal() p: ApiPrincipal, @Query('day') dayQuery?: string) {
    const now = this.clock.now();
    const day = dayParam(dayQuery, this.quotaDay.today(now));
    const visible = new Set(this.quotaDay.agents.filter((a) => mayView(p, a)).map((a) => a.id));
    const [ledger, stays, runs] = await Promise.all([
      this.quotaDay.ledger(day, now, visible),
      this.stays.list(day, day),
      this.stays.runs(day),
    ]);
    const agents: QuotaDayRow[] = ledger.entries.map((e) => {
      const who = ledger.names.get(e.agentId);
      const s = stays.find((x) => x.agentId === e.agentId);
      return {
        ...e,
        name: who?.name ?? e.agentId,
        ...(who?.team !== undefined ? { team: who.team } : {}),
        ...(s
          ? {
              stay: {
                state: s.state,
                minutes: stayLateMinutes(s, now),
                ...(s.finishedAt !== undefined ? { finishedAt: s.finishedAt } : {}),
                ...(s.releasedBy !== undefined
                  ? { releasedBy: s.releasedBy, releaseReason: s.releaseReason }
                  : {}),
              },
            }
          : {}),
      };
    });
    return {
      day,
      now,
      timezone: this.quotaDay.timezone,
      ruleVersion: ledger.ruleVersion,
      agents,
      mustStay: runs.map((r) => ({
        shiftEnd: r.shiftEnd,
        ranAt: r.ranAt,
        ruleVersion: r.ruleVersion,
        agents: r.agents.filter((a) => visible.has(a.agentId)),
        notified: r.notifications.map((n) => ({ target: n.kind, ok: n.ok })),
      })),
      teams: this.quotaDay.callCenterTeams,
    };
  }

  @ApiOperation({ summary: 'Release an agent from staying late' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post(':day/stays/:agentId/release')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  async release(
    @CurrentPrincipal() p: ApiPrincipal,
    @Param('day') day: string,
    @Param('agentId') agentId: string,
    @Body() body: unknown,
  ) {
    const reason =
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { reason?: unknown }).reason === 'string'
        ? (body as { reason: string }).reason
        : '';
    const stay = await this.stayLate.release(agentId, dayParam(day, ''), reason, {
      name: actorName(p),
      userId: p.userId,
      role: p.role,
    });
    return { ...stay, minutes: stayLateMinutes(stay, this.clock.now()) };
  }
}
