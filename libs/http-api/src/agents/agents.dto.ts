import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-params';
import { ENTITY_ID, ENTITY_ID_MESSAGE } from '../common/validators';
import { CallDto } from '../views/call-view';

export class AgentsQuery {
  @ApiPropertyOptional({ description: 'Only this team (team leaders: their own)' })
  @IsOptional()
  @Matches(ENTITY_ID, { message: `team ${ENTITY_ID_MESSAGE}` })
  team?: string;
}

export class AgentIdParams {
  @ApiProperty({ description: 'Agent id (工号)' })
  @Matches(ENTITY_ID, { message: `id ${ENTITY_ID_MESSAGE}` })
  id!: string;
}

export class AgentDayQuery {
  @ApiPropertyOptional({
    example: '2026-03-10',
    description:
      'Local day; default today. Today comes from the live core, earlier days from the database.',
  })
  @IsOptional()
  @IsCalendarDay()
  date?: string;
}

const STATUSES = [
  'logged-out',
  'available',
  'ringing',
  'dialing',
  'on-call',
  'wrap-up',
  'paused',
  'unavailable',
];

export class AgentLiveDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() team?: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null: not seen since start',
  })
  since!: string | null;
  @ApiProperty() loggedIn!: boolean;
  @ApiPropertyOptional({ enum: ['inbound', 'outbound', 'internal'] }) direction?: string;
  @ApiPropertyOptional() held?: boolean;
  @ApiPropertyOptional() pauseReason?: string;
  @ApiPropertyOptional({
    description: 'Paused in Asterisk while still busy: shows as paused once the call ends',
    example: { reason: 'break', since: '2026-03-10T09:00:00.000Z' },
  })
  pendingPause?: { reason: string; since: string };
  @ApiProperty({ description: "Today's effective calls as the quota counts them" })
  effectiveToday!: number;
  @ApiProperty() quota!: number;
  @ApiProperty() met!: boolean;
}

export class PauseDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiProperty() seconds!: number;
  @ApiProperty() limitSeconds!: number;
  @ApiProperty() overLimit!: boolean;
}

export class SessionDto {
  @ApiProperty({ format: 'date-time' }) loginAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) logoutAt?: string;
}

export class AgentDayDto {
  @ApiProperty() agentId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() team?: string;
  @ApiProperty({ example: '2026-03-10' }) day!: string;
  @ApiProperty({ enum: ['live', 'archive'] }) source!: 'live' | 'archive';
  @ApiProperty({ type: CallDto, isArray: true }) calls!: CallDto[];
  @ApiProperty({ type: PauseDto, isArray: true }) pauses!: PauseDto[];
  @ApiProperty({ type: SessionDto, isArray: true }) sessions!: SessionDto[];
  @ApiProperty() internalCalls!: number;
  @ApiProperty({
    description: 'Effective calls as the quota counts them (each number once if the rule says so)',
  })
  effective!: number;
  @ApiProperty({ description: 'Effective legs, every one' }) effectiveTotal!: number;
  @ApiProperty() quota!: number;
  @ApiProperty() met!: boolean;
}
