import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuditLog } from '@cti/auth';
import { Roles } from '../access/access.decorators';
import { ErrorBodyDto } from '../common/error-body.dto';
import { ToInt } from '../common/validators';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Username' })
  @IsOptional()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ example: 'call.number_read' })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}\.[a-z_]{1,32}$/, {
    message: 'action must look like area.verb, e.g. user.update',
  })
  action?: string;

  @ApiPropertyOptional({ description: 'Entries older than this id (paging, newest first)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'beforeId must be an entry id' })
  beforeId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional() target?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<
    string,
    unknown
  >;
}

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('admin', 'supervisor')
  @ApiOperation({
    summary: 'The audit log, newest first (logins, user changes, unmasked number reads)',
  })
  @ApiOkResponse({ type: AuditEntryDto, isArray: true })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditEntryDto[]> {
    const entries = await this.audit.list({ ...query });
    return entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      ...(e.target !== undefined ? { target: e.target } : {}),
      ...(e.details !== undefined ? { details: { ...e.details } } : {}),
    }));
  }
}
