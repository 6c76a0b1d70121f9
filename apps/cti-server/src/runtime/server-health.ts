import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  EventRateMeter,
  type HealthReport,
  HealthSource,
  type ServiceMetrics,
} from '@cti/http-api';
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
      database: { ok: await this.pingDatabase() },
      spool: {
        state: spool.state,
        queued: spool.queued,
        spooled: spool.spooled,
        alarm: spool.spoolAlarm,
      },
      wsClients: this.gateway?.connectionCount ?? 0,
      events: { total: this.events.total, perSecond: this.events.perSecond() },
      stateChanges: this.stateChanges,
    };
  }

  private async pingDatabase(): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), DB_PING_TIMEOUT_MS).unref(),
    );
    const ping = this.runtime.database.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return Promise.race([ping, timeout]);
  }
}
