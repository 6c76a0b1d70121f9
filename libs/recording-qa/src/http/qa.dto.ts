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
  @IsBoolean() mute!: boolean;
  @IsOptional() @IsIn(['read', 'write', 'both']) direction?: 'read' | 'write' | 'both';
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
  @IsObject() definition!: Record<string, unknown>;
}

export class DrawDto {
  @IsCalendarDay() day!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) shiftId!: string;
  @IsOptional() @IsString() @MaxLength(64) seed?: string;
}

export class CommentDto {
  @IsNumber() @Min(0) @Max(86_400) atSeconds!: number;
  @IsString() @MinLength(1) @MaxLength(2000) text!: string;
  @IsOptional() @IsString() @MaxLength(64) itemId?: string;
}

export class SubmitScoreDto {
  @Matches(ID) assignmentId!: string;
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/) scorecardId!: string;
  @IsOptional() @IsInt() @Min(1) scorecardVersion?: number;
  /** itemId → points or 'na'; checked against the scorecard by the domain. */
  @IsObject() answers!: Record<string, number | 'na'>;
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CommentDto)
  comments!: CommentDto[];
}

export class DisputeDto {
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class ResolveDto {
  @IsIn(['uphold', 'amend']) outcome!: 'uphold' | 'amend';
  @IsString() @MinLength(1) @MaxLength(2000) note!: string;
  @IsOptional() @IsNumber() @Min(0) @Max(100) amendedTotal?: number;
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
