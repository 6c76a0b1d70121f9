import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { type HealthReport } from '../ports/health-source';

/** Login outcomes since start (AuthService.stats). */
export interface LoginCounts {
  readonly succeeded: number;
  readonly failed: number;
  readonly rateLimited: number;
}

// Sub-millisecond to a quarter second: the core handles an event in microseconds; anything near
// the top buckets means the event loop is starved.
const EVENT_TO_STATE_BUCKETS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus registry: Node's default process metrics, the HTTP and event→state
 * latency histograms, and the health report as gauges and counters. One per app (tests run
 * several apps in one process, so never prom-client's global registry).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'cti_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly eventToState = new Histogram({
    name: 'cti_event_to_state_seconds',
    help: 'From an AMI event arriving to the agent state change it caused being published',
    buckets: EVENT_TO_STATE_BUCKETS,
    registers: [this.registry],
  });
  private readonly gauge = (name: string, help: string): Gauge =>
    new Gauge({ name, help, registers: [this.registry] });
  // Totals kept elsewhere (the core, the auth service), mirrored at each scrape.
  private readonly counter = (name: string, help: string): Counter =>
    new Counter({ name, help, registers: [this.registry] });

  private readonly healthReportOk = this.gauge(
    'cti_health_report_ok',
    'Whether the health report could be read (when 0, the report metrics below read 0)',
  );
  private readonly loginSucceeded = this.counter('cti_login_succeeded_total', 'Successful logins');
  private readonly loginFailed = this.counter('cti_login_failed_total', 'Failed logins');
  private readonly loginRateLimited = this.counter(
    'cti_login_rate_limited_total',
    'Logins refused by the rate limit',
  );
  private readonly amiConnected = this.gauge(
    'cti_ami_connected',
    'AMI connection up and logged in',
  );
  private readonly amiFresh = this.gauge('cti_ami_fresh', 'AMI connected and resynced');
  private readonly amiEvents = this.counter('cti_ami_events_total', 'AMI events received');
  private readonly amiEventsPerSecond = this.gauge(
    'cti_ami_events_per_second',
    'AMI events per second, recent average',
  );
  private readonly stateChanges = this.counter(
    'cti_agent_state_changes_total',
    'Agent state changes published',
  );
  private readonly databaseUp = this.gauge('cti_database_up', 'Database answering');
  private readonly dbQueueDepth = this.gauge(
    'cti_db_queue_depth',
    'Records waiting for the database (memory + spool)',
  );
  private readonly dbSpooled = this.gauge(
    'cti_db_spooled_records',
    'Records waiting in the spool file',
  );
  private readonly dbSpoolAlarm = this.gauge('cti_db_spool_alarm', 'Spool above half its budget');
  private readonly wsClients = this.gauge(
    'cti_ws_clients',
    'Wallboard WebSocket clients connected',
  );
  private readonly loopLag = this.gauge(
    'cti_event_loop_lag_seconds',
    'Event-loop delay of this process, p99 over the last second',
  );
  private readonly loopSlow = this.gauge(
    'cti_event_loop_slow',
    'Event loop lagging: batches and coalescing widened on purpose',
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Text exposition of everything, with the report and login counts of this scrape. */
  async render(report: HealthReport | undefined, logins: LoginCounts): Promise<string> {
    this.healthReportOk.set(report ? 1 : 0);
    setTotal(this.loginSucceeded, logins.succeeded);
    setTotal(this.loginFailed, logins.failed);
    setTotal(this.loginRateLimited, logins.rateLimited);
    this.setReport(report);
    return this.registry.metrics();
  }

  private setReport(r: HealthReport | undefined): void {
    const b = (x: boolean | undefined): number => (x ? 1 : 0);
    this.amiConnected.set(b(r?.ami.connected));
    this.amiFresh.set(b(r?.ami.fresh));
    setTotal(this.amiEvents, r?.events.total ?? 0);
    this.amiEventsPerSecond.set(r?.events.perSecond ?? 0);
    setTotal(this.stateChanges, r?.stateChanges ?? 0);
    this.databaseUp.set(b(r?.database.ok));
    this.dbQueueDepth.set(r ? r.spool.queued + r.spool.spooled : 0);
    this.dbSpooled.set(r?.spool.spooled ?? 0);
    this.dbSpoolAlarm.set(b(r?.spool.alarm));
    this.wsClients.set(r?.wsClients ?? 0);
    this.loopLag.set((r?.eventLoop.lagMs ?? 0) / 1000);
    this.loopSlow.set(b(r?.eventLoop.slow));
  }
}

function setTotal(counter: Counter, total: number): void {
  counter.reset();
  counter.inc(total);
}
