import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface EventLoopLagOptions {
  /** How often the delay histogram is read and reset. */
  readonly windowMs?: number;
  /** p99 delay (ms) above which the process calls itself slow. */
  readonly slowAboveMs?: number;
  /** Slow windows in a row before `slow` turns on (one long GC pause is not overload). */
  readonly windowsToTrip?: number;
}

/**
 * How late this process's event loop runs (perf_hooks), judged per window: the p99 delay of the
 * last window, and `slow` while it stays high, so the product can degrade (wider batches,
 * coalescing) and say so in /health instead of mistaking its own lag for a dead PBX.
 */
export class EventLoopLag {
  private readonly histogram: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  private readonly windowMs: number;
  private windowStartedAt = performance.now();
  private readonly slowAboveMs: number;
  private readonly windowsToTrip: number;
  private slowWindows = 0;
  private lastP99Ms = 0;
  private lastMaxMs = 0;

  constructor(options: EventLoopLagOptions = {}) {
    this.slowAboveMs = options.slowAboveMs ?? 200;
    this.windowsToTrip = options.windowsToTrip ?? 2;
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.windowMs = options.windowMs ?? 1_000;
    this.timer = setInterval(() => this.closeWindow(), this.windowMs);
    this.timer.unref();
  }

  /** p99 event-loop delay of the last window, ms. */
  get lagMs(): number {
    return this.lastP99Ms;
  }

  /** Worst delay of the last window, ms. */
  get maxLagMs(): number {
    return this.lastMaxMs;
  }

  get slow(): boolean {
    return this.slowWindows >= this.windowsToTrip;
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private closeWindow(): void {
    // This timer's own lateness counts too: a loop blocked across the window leaves the
    // histogram without samples (it records nanoseconds, from its own timer).
    const now = performance.now();
    const ownDelayMs = Math.max(0, now - this.windowStartedAt - this.windowMs);
    this.windowStartedAt = now;
    const p99Ms = this.histogram.count > 0 ? this.histogram.percentile(99) / 1e6 : 0;
    const maxMs = this.histogram.count > 0 ? this.histogram.max / 1e6 : 0;
    this.lastP99Ms = Math.round(Math.max(p99Ms, ownDelayMs));
    this.lastMaxMs = Math.round(Math.max(maxMs, ownDelayMs));
    this.histogram.reset();
    this.slowWindows = this.lastP99Ms > this.slowAboveMs ? this.slowWindows + 1 : 0;
  }
}
