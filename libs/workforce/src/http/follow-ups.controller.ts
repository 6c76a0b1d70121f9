import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FOLLOW_UP_BODY, FOLLOW_UP_CHANGE_BODY } from './openapi-bodies';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { type ApiPrincipal } from '@cti/auth';
import { AccessGuard, CurrentPrincipal, HttpErrorFilter, Roles } from '@cti/http-api';
import { FollowUpService } from '../follow-up/follow-up.service';
import { QuotaDayService } from '../live/quota-day.service';
import { WorkforceClock } from '../ports/clock';
import { dayParam, intParam, kindParam, optionalDay, textParam } from './params';

/** Follow-up records (意向客户 / 能发展的客户) and the team leader's hand-in of the day. */
@Controller('api/workforce')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpService,
    private readonly quotaDay: QuotaDayService,
    private readonly clock: WorkforceClock,
  ) {}

  @ApiBody({ schema: FOLLOW_UP_BODY })
  @ApiOperation({ summary: 'Write a follow-up record for an agent and day' })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('follow-ups')
  @HttpCode(201)
  @Roles('agent', 'team_leader', 'supervisor', 'admin')
  create(@CurrentPrincipal() p: ApiPrincipal, @Body() body: unknown) {
    return this.followUps.create(p, body);
  }

  @ApiBody({ schema: FOLLOW_UP_CHANGE_BODY })
  @ApiOperation({ summary: 'Change a follow-up record' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Patch('follow-ups/:id')
  @Roles('agent', 'team_leader', 'supervisor', 'admin')
  update(@CurrentPrincipal() p: ApiPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.followUps.update(p, id, body);
  }

  @ApiOperation({ summary: 'Search follow-up records within what the caller may see' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('follow-ups')
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  search(@CurrentPrincipal() p: ApiPrincipal, @Query() q: Record<string, unknown>) {
    const agentId = textParam(q.agentId, 'agentId', 32);
    const teamId = textParam(q.teamId, 'teamId', 64);
    const fromDay = optionalDay(q.from, 'from');
    const toDay = optionalDay(q.to, 'to');
    const kind = kindParam(q.kind);
    const text = textParam(q.q, 'q', 100);
    return this.followUps.search(p, {
      ...(agentId !== undefined ? { agentId } : {}),
      ...(teamId !== undefined ? { teamId } : {}),
      ...(fromDay !== undefined ? { fromDay } : {}),
      ...(toDay !== undefined ? { toDay } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(text !== undefined ? { text } : {}),
      page: intParam(q.page, 'page', 1, 1, 100_000),
      pageSize: intParam(q.pageSize, 'pageSize', 50, 1, 500),
    });
  }

  @ApiOperation({ summary: "Submit a team's day (team leader sign-off)" })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Post('teams/:teamId/days/:day/submit')
  @HttpCode(200)
  @Roles('team_leader', 'supervisor', 'admin')
  submit(
    @CurrentPrincipal() p: ApiPrincipal,
    @Param('teamId') teamId: string,
    @Param('day') day: string,
  ) {
    return this.followUps.submitTeamDay(p, teamId, dayParam(day, ''));
  }

  @ApiOperation({ summary: "Teams' day submissions" })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('teams/submissions')
  @Roles('team_leader', 'supervisor', 'qa', 'admin')
  async submissions(@CurrentPrincipal() p: ApiPrincipal, @Query('day') day?: string) {
    const d = dayParam(day, this.quotaDay.today(this.clock.now()));
    return { day: d, teams: await this.followUps.teamDays(p, d) };
  }
}
