import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ATTENDANCE_EXCEPTION_BODY } from './openapi-bodies';
import { Body, Controller, Get, Post, Query, UseFilters, UseGuards } from '@nestjs/common';
import { type ApiPrincipal } from '@cti/auth';
import { AccessGuard, CurrentPrincipal, HttpErrorFilter, Roles } from '@cti/http-api';
import { AttendanceService } from '../attendance/attendance.service';
import { QuotaDayService } from '../live/quota-day.service';
import { WorkforceClock } from '../ports/clock';
import { mayView } from '../ports/principal';
import { dayParam, monthParam } from './params';

/** Attendance from the phone system against the schedule; leave and approved exceptions. */
@Controller('api/workforce/attendance')
@UseGuards(AccessGuard)
@UseFilters(HttpErrorFilter)
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly quotaDay: QuotaDayService,
    private readonly clock: WorkforceClock,
  ) {}

  @ApiOperation({ summary: 'Attendance of one day: who was present, late, absent or excused' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get()
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async day(@CurrentPrincipal() p: ApiPrincipal, @Query('day') dayQuery?: string) {
    const now = this.clock.now();
    const day = dayParam(dayQuery, this.quotaDay.today(now));
    return {
      day,
      days: await this.attendance.days(
        day,
        day,
        this.quotaDay.agents.filter((a) => mayView(p, a)),
        now,
      ),
    };
  }

  @ApiOperation({ summary: 'Attendance of one month, per agent and day' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get('month')
  @Roles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  async month(@CurrentPrincipal() p: ApiPrincipal, @Query('month') monthQuery?: string) {
    const now = this.clock.now();
    const month = monthParam(monthQuery, this.quotaDay.today(now).slice(0, 7));
    return {
      month,
      agents: await this.attendance.month(
        month,
        this.quotaDay.agents.filter((a) => mayView(p, a)),
        now,
      ),
    };
  }

  @ApiBody({ schema: ATTENDANCE_EXCEPTION_BODY })
  @ApiOperation({
    summary: 'Record an attendance exception (leave, sick day, excused absence) for an agent',
  })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post('exceptions')
  @Roles('supervisor', 'admin')
  addException(@CurrentPrincipal() p: ApiPrincipal, @Body() body: unknown) {
    return this.attendance.addException(p, body);
  }
}
