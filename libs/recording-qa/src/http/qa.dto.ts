import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay, IsCalendarMonth } from '@cti/http-api';

/* Request bodies and queries. Unknown fields are refused (whitelist + forbidNonWhitelisted). */

const ID = /^[A-Za-z0-9][A-Za-z0-9._|:T-]{0,160}$/;

export class MuteDto {
  @ApiProperty({ description: 'true to mute, false to unmute' })
  @IsBoolean()
  mute!: boolean;
  @ApiPropertyOptional({ enum: ['read', 'write', 'both'], description: 'default both' })
  @IsOptional()
  @IsIn(['read', 'write', 'both'])
  direction?: 'read' | 'write' | 'both';
}

export class RecordingQueryDto {
  @IsOptional() @IsCalendarDay() from?: string;
  @IsOptional() @IsCalendarDay() to?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9._-]{1,64}$/) agentId?: string;
  @IsOptional()
  @IsIn(['pending', 'complete', 'missing', 'empty', 'changed', 'deleted'])
  status?: string;
}

export class ScorecardDto {
  @ApiProperty({
    description:
      'The scorecard: id, name, passMark, sections with weighted items (docs/recording-qa.md)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class DrawDto {
  @ApiProperty({ example: '2026-11-27', description: 'YYYY-MM-DD' })
  @IsCalendarDay()
  day!: string;
  @ApiProperty({ example: '2026-11-27T08:00', description: 'the shift start, YYYY-MM-DDTHH:MM' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  shiftId!: string;
  @ApiPropertyOptional({
    maxLength: 64,
    description: 'random when left out; stored for verification',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  seed?: string;
}

export class CommentDto {
  @ApiProperty({ minimum: 0, maximum: 86_400, description: 'seconds into the recording' })
  @IsNumber()
  @Min(0)
  @Max(86_400)
  atSeconds!: number;
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text!: string;
  @ApiPropertyOptional({ maxLength: 64, description: 'the scorecard item it is about' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemId?: string;
}

export class SubmitScoreDto {
  @ApiProperty({ description: 'the review assignment being scored' })
  @Matches(ID)
  assignmentId!: string;
  @ApiProperty({ example: 'service' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)
  scorecardId!: string;
  @ApiPropertyOptional({ minimum: 1, description: 'default: the latest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  scorecardVersion?: number;
  /** itemId → points or 'na'; checked against the scorecard by the domain. */
  @ApiProperty({
    description: "item id → points, or 'na' where the item does not apply",
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string', enum: ['na'] }] },
  })
  @IsObject()
  answers!: Record<string, number | 'na'>;
  @ApiProperty({ type: [CommentDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CommentDto)
  comments!: CommentDto[];
}

export class DisputeDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class ResolveDto {
  @ApiProperty({ enum: ['uphold', 'amend'] })
  @IsIn(['uphold', 'amend'])
  outcome!: 'uphold' | 'amend';
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'required with amend' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  amendedTotal?: number;
}

export class EvaluationQueryDto {
  @IsOptional() @IsCalendarMonth() month?: string;
  @IsOptional()
  @IsIn(['submitted', 'acknowledged', 'disputed', 'upheld', 'amended'])
  status?: string;
}

export class MonthQueryDto {
  @IsCalendarMonth() month!: string;
}

export class WeekQueryDto {
  @IsCalendarDay() day!: string;
}
