import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  CALL_ID,
  ENTITY_ID,
  ENTITY_ID_MESSAGE,
  IsInstant,
  ToBoolean,
  ToInt,
} from '../common/validators';
import { IsCalendarDay } from '../common/calendar-params';
import { CallDto } from '../views/call-view';

export const MAX_PAGE_SIZE = 500;

export class CallsQuery {
  @ApiPropertyOptional({ example: '2026-03-10', description: 'Local day of the call' })
  @IsOptional()
  @IsCalendarDay()
  date?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Calls that started at or after this instant',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Calls that started before this instant',
  })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'Agent id (agents: only themselves; team leaders: their team)',
  })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `agent ${ENTITY_ID_MESSAGE}` })
  agent?: string;

  @ApiPropertyOptional({ description: 'Team id (team leaders: only their own)' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `team ${ENTITY_ID_MESSAGE}` })
  team?: string;

  @ApiPropertyOptional({ enum: ['inbound', 'outbound'] })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'effective must be true or false' })
  effective?: boolean;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class CallIdParams {
  @ApiProperty({ example: '7001:1773108000.12:3' })
  @Matches(CALL_ID, { message: 'id must be a call id as listed by GET /api/calls' })
  id!: string;
}

export class CallPageDto {
  @ApiProperty({ type: CallDto, isArray: true }) items!: CallDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CallNumberDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The customer number, unmasked (this read is audited)' })
  customerNumber!: string;
}
