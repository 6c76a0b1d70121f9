import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthService } from '@cti/auth';
import { Public } from '../access/access.decorators';
import { NoQuery } from '../common/empty.dto';
import { HealthReader } from './health-reader';
import { ServiceMetrics } from './service-metrics';

/**
 * Prometheus metrics. Public by choice: counts and gauges only, no customer data, no ids, no
 * labels carrying names; scrape it from the monitoring network (restrict /metrics at the proxy
 * when the API faces the internet).
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly reader: HealthReader,
    private readonly auth: AuthService,
    private readonly registry: ServiceMetrics,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus text exposition: process metrics, HTTP and event→state latency, events in, events/s, state changes, DB queue depth, WS clients, link state, logins',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'text/plain; version=0.0.4' })
  async metrics(@Query() _query: NoQuery): Promise<string> {
    return this.registry.render(await this.reader.read(), this.auth.stats);
  }
}
