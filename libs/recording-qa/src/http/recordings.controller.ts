import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
  UsePipes,
} from '@nestjs/common';
import { addDays, MAX_DAY_SPAN, type RecordingStatus } from '@cti/domain';
import { checkDaySpan } from '@cti/http-api';
import { RecordingCatalog, type RecordingView } from '../qa/recording-catalog.service';
import { QaClock } from '../ports/qa-runtime.port';
import { RecordingQaSettings } from '../recording-qa.settings';
import { zonedInstant } from '../qa/week-plan';
import { MuteDto, RecordingQueryDto } from './qa.dto';
import { principalOf, QaAuthGuard, type QaRequest, QaRoles } from './qa-auth.guard';
import { QaErrorFilter } from './qa-error.filter';
import { qaValidation } from './validation';

@Controller('api/qa/recordings')
@UseGuards(QaAuthGuard)
@UseFilters(QaErrorFilter)
@UsePipes(qaValidation)
export class RecordingsController {
  constructor(
    private readonly catalog: RecordingCatalog,
    private readonly settings: RecordingQaSettings,
    private readonly clock: QaClock,
  ) {}

  @ApiOperation({ summary: 'List recordings within what the caller may see' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get()
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  list(@Query() q: RecordingQueryDto, @Req() req: QaRequest): Promise<RecordingView[]> {
    const zone = this.settings.config.timezone;
    if (q.from && q.to) checkDaySpan(q.from, q.to, MAX_DAY_SPAN);
    return this.catalog.list(principalOf(req), {
      ...(q.from ? { from: zonedInstant(q.from, '00:00', zone) } : {}),
      ...(q.to ? { to: zonedInstant(addDays(q.to, 1), '00:00', zone) } : {}),
      ...(q.agentId ? { agentId: q.agentId } : {}),
      ...(q.status ? { statuses: [q.status as RecordingStatus] } : {}),
    });
  }

  @ApiOperation({ summary: 'One recording (status, flags; never its storage path)' })
  @ApiOkResponse({ description: 'OK', type: Object })
  @Get(':id')
  @QaRoles('agent', 'team_leader', 'supervisor', 'qa', 'admin')
  detail(@Param('id') id: string, @Req() req: QaRequest): Promise<RecordingView> {
    return this.catalog.detail(principalOf(req), id, req.ip);
  }

  @ApiOperation({ summary: 'Mute or unmute the recording of a live call (sensitive data)' })
  @ApiCreatedResponse({ description: 'Created', type: Object })
  @Post(':id/mute')
  @QaRoles('agent', 'team_leader', 'supervisor', 'admin')
  mute(
    @Param('id') id: string,
    @Body() body: MuteDto,
    @Req() req: QaRequest,
  ): Promise<RecordingView> {
    return this.catalog.mute(principalOf(req), id, body.mute, body.direction ?? 'both', req.ip);
  }
}
