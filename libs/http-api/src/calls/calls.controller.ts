import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, type ApiPrincipal } from '@cti/auth';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import { ErrorBodyDto } from '../common/error-body.dto';
import { CallIdParams, CallNumberDto, CallPageDto, CallsQuery } from './calls.dto';
import { CallsService } from './calls.service';

@ApiTags('calls')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
@ApiServiceUnavailableResponse({
  description: 'UNAVAILABLE: the audit log cannot be written (fail closed)',
  type: ErrorBodyDto,
})
@Controller('api/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'Calls by day, time, agent, team, direction, effective; paged, newest first. Numbers masked for agents and team leaders; unmasked lists are audited.',
  })
  @ApiOkResponse({ type: CallPageDto })
  list(@CurrentPrincipal() p: ApiPrincipal, @Query() query: CallsQuery): Promise<CallPageDto> {
    return this.calls.list(p, query);
  }

  @Get(':id/number')
  @Roles('supervisor', 'qa', 'admin')
  @ApiOperation({ summary: "A call's customer number, unmasked (audited)" })
  @ApiOkResponse({ type: CallNumberDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND', type: ErrorBodyDto })
  number(
    @CurrentPrincipal() p: ApiPrincipal,
    @Param() params: CallIdParams,
  ): Promise<CallNumberDto> {
    return this.calls.number(p, params.id);
  }
}
