import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type HttpResponse } from '../common/http-types';
import { Public } from '../access/access.decorators';
import { NoQuery } from '../common/empty.dto';
import { type HealthReport } from '../ports/health-source';
import { HealthReader } from './health-reader';

export class HealthDto {
  @ApiProperty({
    enum: ['ok', 'slow', 'down'],
    description: "'slow': working, but the event loop lags and the service degrades on purpose",
  })
  status!: 'ok' | 'slow' | 'down';
  @ApiProperty({ description: '{ connected, fresh }', type: 'object', additionalProperties: true })
  ami!: { connected: boolean; fresh: boolean };
  @ApiProperty({
    description: '{ ok, down? } (down: why, in words, while the database is known to be down)',
    type: 'object',
    additionalProperties: true,
  })
  database!: HealthReport['database'];
  @ApiProperty({
    description: '{ state, queued, spooled, alarm }',
    type: 'object',
    additionalProperties: true,
  })
  spool!: HealthReport['spool'];
  @ApiProperty() wsClients!: number;
  @ApiProperty({
    description: '{ lagMs, slow }: p99 event-loop delay of the last second',
    type: 'object',
    additionalProperties: true,
  })
  eventLoop!: HealthReport['eventLoop'];
}

/**
 * Liveness and readiness in one: 200 only when the AMI link is fresh and the database answers;
 * 'slow' (still 200) when it works but lags, so a load balancer keeps it while people are told.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly reader: HealthReader) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "Health: 200 when the AMI link is fresh and the database is ok (status 'slow' when the event loop lags), else 503 with the parts (no token needed, no customer data)",
  })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(
    @Query() _query: NoQuery,
    @Res({ passthrough: true }) res: HttpResponse,
  ): Promise<HealthDto | { status: 'down'; reason: string }> {
    res.setHeader('Cache-Control', 'no-store');
    const report = await this.reader.read();
    if (!report) {
      res.status(503);
      return { status: 'down', reason: 'health report unavailable' };
    }
    const ok = report.ami.fresh && report.database.ok;
    res.status(ok ? 200 : 503);
    return {
      status: !ok ? 'down' : report.eventLoop.slow ? 'slow' : 'ok',
      ami: { connected: report.ami.connected, fresh: report.ami.fresh },
      database: report.database,
      spool: report.spool,
      wsClients: report.wsClients,
      eventLoop: report.eventLoop,
    };
  }
}
