import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  EventRateMeter,
  type HealthReport,
  HealthSource,
  type ServiceMetrics,
} from '@cti/http-api';
import { transactionWithin } from '@cti/persistence';
import { WallboardGateway } from '@cti/wallboard';
import { LiveCallCenter } from '../live/live-call-center';
import { ServerRuntime } from './runtime-token';

const DB_PING_TIMEOUT_MS = 1_000;

/** The facts /health and /metrics report: AMI link, database, record writer, sockets, counters. */
@Injectable()
export class ServerHealth extends HealthSource {
  private readonly events = new EventRateMeter();
  private stateChanges = 0;
  private gateway?: WallboardGateway;
  private metrics?: ServiceMetrics;
  /** When the AMI event being handled arrived; cleared once its synchronous handling is over. */
  private eventArrivedAt?: number;

  constructor(
    private readonly live: LiveCallCenter,
    private readonly runtime: ServerRuntime,
  ) {
    super();
    // Subscribed before the PBX link, so this runs first for each event; the core then handles
    // the event synchronously, and the microtask clears the mark before any clock tick.
    live.events$.subscribe(() => {
      this.events.mark();
      this.eventArrivedAt = performance.now();
      queueMicrotask(() => (this.eventArrivedAt = undefined));
    });
    live.outputs$.subscribe((o) => {
      if (o.type !== 'agent-state') return;
      this.stateChanges++;
      if (this.eventArrivedAt !== undefined) {
        this.metrics?.eventToState.observe((performance.now() - this.eventArrivedAt) / 1000);
      }
    });
  }

  /** The registry lives in the HTTP API module, built after this one. */
  attachMetrics(metrics: ServiceMetrics): void {
    this.metrics = metrics;
  }

  /** The gateway lives in the wallboard module, built after this one. */
  attachGateway(gateway: WallboardGateway): void {
    this.gateway = gateway;
  }

  async report(): Promise<HealthReport> {
    const link = this.live.linkState;
    const spool = this.runtime.writer.status;
    return {
      ami: {
        connected: link.ami?.state === 'up',
        fresh: link.fresh,
        lastEventAt: this.live.lastEventAt,
      },
      database: await this.database(),
      spool: {
        state: spool.state,
        queued: spool.queued,
        spooled: spool.spooled,
        alarm: spool.spoolAlarm,
      },
      wsClients: this.gateway?.connectionCount ?? 0,
      events: { total: this.events.total, perSecond: this.events.perSecond() },
      stateChanges: this.stateChanges,
      eventLoop: { lagMs: this.runtime.loop.lagMs, slow: this.runtime.loop.slow },
    };
  }

  /** The embedded server's supervisor knows when it is down and why; otherwise a ping says. */
  private async database(): Promise<HealthReport['database']> {
    const server = this.runtime.database.server?.status;
    if (server?.state === 'down') {
      const attempts = server.attempts > 0 ? `, restart attempts: ${server.attempts}` : '';
      return {
        ok: false,
        down: `embedded PostgreSQL down: ${server.reason ?? 'exited'}${attempts}`,
      };
    }
    return { ok: await this.pingDatabase() };
  }

  /** Under the writers' deadline: a hung server's ping gives up and frees its connection. */
  private pingDatabase(): Promise<boolean> {
    return transactionWithin(this.runtime.database.dataSource, DB_PING_TIMEOUT_MS, (runner) =>
      runner.query('SELECT 1'),
    ).then(
      () => true,
      () => false,
    );
  }
}
