import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { OVERRIDE_BODY, RULE_SET_BODY } from './openapi-bodies';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { type ApiPrincipal } from '@cti/auth';
import { AccessGuard, checkDaySpan, CurrentPrincipal, HttpErrorFilter, Roles } from '@cti/http-api';
import { addDays, MAX_DAY_SPAN } from '@cti/domain';
import { PlanningService } from '../live/planning.service';
import { QuotaDayService } from '../live/quota-day.service';
import { WorkforceClock } from '../ports/clock';
import { mayView } from '../ports/principal';
import { dayParam, optionalDay } from './params';

/** Shifts and schedules through the API: the day's plans, per-day overrides, rule versions. */
@Controller('api/workforce')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class PlanningController {
  constructor(
    private readonly planning: PlanningService,
    private readonly quotaDay: QuotaDayService,
    private readonly clock: WorkforceClock,
  ) {}

  @ApiOperation({ summary: 'Shift plans of a day, per agent' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('schedule/plans')
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async plans(@CurrentPrincipal() p: ApiPrincipal, @Query('day') dayQuery?: string) {
    const day = dayParam(dayQuery, this.quotaDay.today(this.clock.now()));
    const visible = new Set(this.quotaDay.agents.filter((a) => mayView(p, a)).map((a) => a.id));
    return {
      day,
      timezone: this.quotaDay.timezone,
      plans: await this.planning.plans(day, visible),
    };
  }

  @ApiOperation({ summary: "Schedule overrides (one-day changes to an agent's shift)" })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('schedule/overrides')
  @Roles('team_leader', 'supervisor', 'admin')
  async overrides(
    @CurrentPrincipal() p: ApiPrincipal,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    const today = this.quotaDay.today(this.clock.now());
    const fromDay = optionalDay(from, 'from') ?? today;
    const toDay = optionalDay(to, 'to') ?? addDays(fromDay, 62);
    checkDaySpan(fromDay, toDay, MAX_DAY_SPAN);
    const all = await this.planning.listOverrides(fromDay, toDay);
    const team = p.role === 'team_leader' ? p.teamId : undefined;
    const mine = (o: { agentId?: string; teamId?: string }) =>
      team === undefined ||
      o.teamId === team ||
      (o.agentId !== undefined &&
        this.quotaDay.agents.find((a) => a.id === o.agentId)?.team === team) ||
      (o.agentId === undefined && o.teamId === undefined);
    return { overrides: all.filter(mine) };
  }

  @ApiBody({ schema: OVERRIDE_BODY })
  @ApiOperation({ summary: 'Create or replace a schedule override' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Put('schedule/overrides')
  @Roles('team_leader', 'supervisor', 'admin')
  putOverride(@CurrentPrincipal() p: ApiPrincipal, @Body() body: unknown) {
    return this.planning.putOverride(p, body);
  }

  @ApiOperation({ summary: 'Remove a schedule override' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Delete('schedule/overrides/:id')
  @Roles('supervisor', 'admin')
  removeOverride(@CurrentPrincipal() p: ApiPrincipal, @Param('id') id: string) {
    return this.planning.removeOverride(p, id);
  }

  @ApiOperation({ summary: 'Scheduling rules in force' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('rules')
  @Roles('team_leader', 'supervisor', 'qa', 'admin')
  async rules() {
    return {
      today: this.quotaDay.today(this.clock.now()),
      ruleSets: await this.planning.ruleSets(),
    };
  }

  @ApiBody({ schema: RULE_SET_BODY })
  @ApiOperation({ summary: 'Add a scheduling rule' })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('rules')
  @HttpCode(201)
  @Roles('supervisor', 'admin')
  addRule(@CurrentPrincipal() p: ApiPrincipal, @Body() body: unknown) {
    return this.planning.addRuleSet(body, p);
  }
}
