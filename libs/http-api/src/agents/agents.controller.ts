import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, type ApiPrincipal } from '@cti/auth';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import { coversAgent, scopedFilter, viewScope } from '../access/view-scope';
import { ErrorBodyDto } from '../common/error-body.dto';
import { LiveView } from '../ports/live-view';
import { AgentDayService } from './agent-day.service';
import { AgentDayDto, AgentDayQuery, AgentIdParams, AgentLiveDto, AgentsQuery } from './agents.dto';

@ApiTags('agents')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
@Controller('api/agents')
export class AgentsController {
  constructor(
    private readonly live: LiveView,
    private readonly days: AgentDayService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      "Live agent states with today's effective calls (team leaders: their team; agents: themselves)",
  })
  @ApiOkResponse({ type: AgentLiveDto, isArray: true })
  list(@CurrentPrincipal() p: ApiPrincipal, @Query() query: AgentsQuery): AgentLiveDto[] {
    const scope = viewScope(p);
    const filter = scopedFilter(scope, { team: query.team }, (id) => this.live.agent(id)?.team);
    const today = this.live.today();
    return this.live
      .agents()
      .filter((a) => coversAgent(scope, a) && (filter.team === undefined || a.team === filter.team))
      .map((a): AgentLiveDto => {
        const state = this.live.agentState(a.id);
        const progress = this.live.progress(a.id, today);
        return {
          id: a.id,
          name: a.name,
          ...(a.team !== undefined ? { team: a.team } : {}),
          status: state?.status ?? 'logged-out',
          since: state && state.since > 0 ? new Date(state.since).toISOString() : null,
          loggedIn: state?.loggedIn ?? false,
          ...(state?.direction !== undefined ? { direction: state.direction } : {}),
          ...(state?.held !== undefined ? { held: state.held } : {}),
          ...(state?.pauseReason !== undefined ? { pauseReason: state.pauseReason } : {}),
          ...(state?.pendingPause !== undefined
            ? {
                pendingPause: {
                  reason: state.pendingPause.reason,
                  since: new Date(state.pendingPause.since).toISOString(),
                },
              }
            : {}),
          effectiveToday: progress.counted,
          quota: progress.quota,
          met: progress.met,
        };
      });
  }

  @Get(':id/day')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      "An agent's day: calls, pauses, sessions, effective count, quota (numbers masked per role; unmasked reads audited)",
  })
  @ApiOkResponse({ type: AgentDayDto })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND: no such agent in your scope',
    type: ErrorBodyDto,
  })
  day(
    @CurrentPrincipal() p: ApiPrincipal,
    @Param() params: AgentIdParams,
    @Query() query: AgentDayQuery,
  ): Promise<AgentDayDto> {
    return this.days.day(p, params.id, query.date);
  }
}
