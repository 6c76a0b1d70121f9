import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthService } from '@cti/auth';
import { Public } from '../access/access.decorators';
import { NoQuery } from '../common/empty.dto';
import { HealthReader } from './health-reader';
import { type Metric, renderMetrics } from './prometheus';

const b = (x: boolean): number => (x ? 1 : 0);

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
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus text exposition: events in, events/s, state changes, DB queue depth, WS clients, link state, logins',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'text/plain; version=0.0.4' })
  async metrics(@Query() _query: NoQuery): Promise<string> {
    const r = await this.reader.read();
    const logins = this.auth.stats;
    const metrics: Metric[] = [
      {
        name: 'cti_health_report_ok',
        help: 'Whether the health report could be read',
        type: 'gauge',
        value: b(r !== undefined),
      },
      {
        name: 'cti_login_succeeded_total',
        help: 'Successful logins',
        type: 'counter',
        value: logins.succeeded,
      },
      {
        name: 'cti_login_failed_total',
        help: 'Failed logins',
        type: 'counter',
        value: logins.failed,
      },
      {
        name: 'cti_login_rate_limited_total',
        help: 'Logins refused by the rate limit',
        type: 'counter',
        value: logins.rateLimited,
      },
    ];
    if (r) {
      metrics.push(
        {
          name: 'cti_ami_connected',
          help: 'AMI connection up and logged in',
          type: 'gauge',
          value: b(r.ami.connected),
        },
        {
          name: 'cti_ami_fresh',
          help: 'AMI connected and resynced',
          type: 'gauge',
          value: b(r.ami.fresh),
        },
        {
          name: 'cti_ami_events_total',
          help: 'AMI events received',
          type: 'counter',
          value: r.events.total,
        },
        {
          name: 'cti_ami_events_per_second',
          help: 'AMI events per second, recent average',
          type: 'gauge',
          value: r.events.perSecond,
        },
        {
          name: 'cti_agent_state_changes_total',
          help: 'Agent state changes published',
          type: 'counter',
          value: r.stateChanges,
        },
        {
          name: 'cti_database_up',
          help: 'Database answering',
          type: 'gauge',
          value: b(r.database.ok),
        },
        {
          name: 'cti_db_queue_depth',
          help: 'Records waiting for the database (memory + spool)',
          type: 'gauge',
          value: r.spool.queued + r.spool.spooled,
        },
        {
          name: 'cti_db_spooled_records',
          help: 'Records waiting in the spool file',
          type: 'gauge',
          value: r.spool.spooled,
        },
        {
          name: 'cti_db_spool_alarm',
          help: 'Spool above half its budget',
          type: 'gauge',
          value: b(r.spool.alarm),
        },
        {
          name: 'cti_ws_clients',
          help: 'Wallboard WebSocket clients connected',
          type: 'gauge',
          value: r.wsClients,
        },
        {
          name: 'cti_event_loop_lag_seconds',
          help: 'Event-loop delay of this process, p99 over the last second',
          type: 'gauge',
          value: r.eventLoop.lagMs / 1000,
        },
        {
          name: 'cti_event_loop_slow',
          help: 'Event loop lagging: batches and coalescing widened on purpose',
          type: 'gauge',
          value: b(r.eventLoop.slow),
        },
      );
    }
    return renderMetrics(metrics);
  }
}
