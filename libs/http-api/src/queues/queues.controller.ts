import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES } from '@cti/auth';
import { Roles } from '../access/access.decorators';
import { NoQuery } from '../common/empty.dto';
import { type LiveQueue, LiveView } from '../ports/live-view';

export class QueueFiguresDto {
  @ApiProperty() queue!: string;
  @ApiProperty({ description: 'Callers waiting now' }) waiting!: number;
  @ApiProperty({ description: 'Seconds the longest-waiting caller has waited (0: nobody waits)' })
  longestWaitSeconds!: number;
  @ApiProperty() offered!: number;
  @ApiProperty() answered!: number;
  @ApiProperty() abandoned!: number;
  @ApiProperty() serviceLevelSeconds!: number;
  @ApiPropertyOptional({
    description:
      'Answered within the service level / (answered + abandoned), 0-100; absent before any call',
  })
  serviceLevelPct?: number;
  @ApiPropertyOptional({ description: 'Average speed of answer, seconds' }) asaSeconds?: number;
  @ApiPropertyOptional({ description: 'Average handle (talk) time, seconds' }) ahtSeconds?: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function queueFigures(q: LiveQueue, now: number): QueueFiguresDto {
  const judged = q.answered + q.abandoned;
  return {
    queue: q.queue,
    waiting: q.waiting,
    longestWaitSeconds:
      q.oldestWaitSince !== undefined
        ? Math.max(0, Math.round((now - q.oldestWaitSince) / 1000))
        : 0,
    offered: q.offered,
    answered: q.answered,
    abandoned: q.abandoned,
    serviceLevelSeconds: q.serviceLevelSeconds,
    ...(judged > 0
      ? { serviceLevelPct: round1((q.answeredWithinServiceLevel / judged) * 100) }
      : {}),
    ...(q.answered > 0 ? { asaSeconds: round1(q.totalAnswerWaitMs / q.answered / 1000) } : {}),
    ...(q.completed > 0 ? { ahtSeconds: round1(q.totalTalkSeconds / q.completed) } : {}),
  };
}

@ApiTags('queues')
@Controller('api/queues')
export class QueuesController {
  constructor(private readonly live: LiveView) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "Queues' live figures for today (no customer data)" })
  @ApiOkResponse({ type: QueueFiguresDto, isArray: true })
  list(@Query() _query: NoQuery): QueueFiguresDto[] {
    const now = this.live.now();
    return this.live.queues().map((q) => queueFigures(q, now));
  }
}
