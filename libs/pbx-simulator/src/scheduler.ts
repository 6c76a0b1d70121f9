import { type CancelTimer, type ClockSource } from './clock';

type Task = () => void;

interface Entry {
  atUs: number;
  seq: number;
  task: Task;
}

/**
 * Discrete-event scheduler on simulated time (epoch microseconds). Tasks run in (time, insertion)
 * order, which makes a run a pure function of the seed. `speed` maps simulated time onto the wall
 * clock: 1 = real time, 60 = one simulated minute per second, Infinity = as fast as the CPU goes
 * (in slices, so sockets are still written between them).
 */
export class SimScheduler {
  private heap: Entry[] = [];
  private seq = 0;
  private cancelTimer: CancelTimer | undefined;
  private inPump = false;
  private running = false;
  private wallStartMs = 0;
  private simStartUs = 0;
  private currentUs: number;
  /** Largest delay, in wall ms, between when a task was due and when it ran. */
  maxLagMs = 0;
  tasksRun = 0;

  constructor(
    startUs: number,
    private readonly speed: number,
    private readonly clock: ClockSource,
    /** Returns false while the consumers are saturated (back-pressure at Infinity speed). */
    private readonly canProceed: () => boolean = () => true,
  ) {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    this.currentUs = startUs;
  }

  get nowUs(): number {
    return this.currentUs;
  }

  get pending(): number {
    return this.heap.length;
  }

  at(atUs: number, task: Task): void {
    this.push({ atUs: Math.max(atUs, this.currentUs), seq: this.seq++, task });
    // A new earliest task needs an earlier wake-up (a pump re-arms on its own when it ends).
    if (this.running && !this.inPump && this.heap[0].task === task) this.arm();
  }

  after(delaySec: number, task: Task): void {
    this.at(this.currentUs + Math.round(delaySec * 1e6), task);
  }

  /** Starts the clock; `atUs` moves the start of simulated time if nothing is scheduled yet. */
  start(atUs?: number): void {
    if (this.running) return;
    if (atUs !== undefined && this.heap.length === 0) this.currentUs = atUs;
    this.running = true;
    this.wallStartMs = this.clock.nowMs();
    this.simStartUs = this.currentUs;
    this.arm();
  }

  /** Simulated time at which the clock was started (or will start). */
  get startUs(): number {
    return this.running ? this.simStartUs : this.currentUs;
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  /**
   * Brings simulated time up to the wall clock (never past a pending task), so that work done
   * outside a task (a client's action) is stamped "now".
   */
  syncToWall(): void {
    if (!this.running || this.speed === Infinity) return;
    const target = this.wallTargetUs();
    const next = this.heap.length > 0 ? this.heap[0].atUs : Infinity;
    this.currentUs = Math.max(this.currentUs, Math.min(target, next));
  }

  private wallTargetUs(): number {
    return this.simStartUs + (this.clock.nowMs() - this.wallStartMs) * 1000 * this.speed;
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (!this.running || this.heap.length === 0) return;
    let delayMs = 0;
    if (this.speed !== Infinity) {
      const dueWallMs =
        this.wallStartMs + (this.heap[0].atUs - this.simStartUs) / 1000 / this.speed;
      delayMs = Math.max(0, dueWallMs - this.clock.nowMs());
    }
    this.cancelTimer = this.clock.setTimer(() => this.pump(), delayMs);
  }

  private pump(): void {
    this.cancelTimer = undefined;
    if (!this.running) return;
    if (!this.canProceed()) {
      this.cancelTimer = this.clock.setTimer(() => this.pump(), 5);
      return;
    }
    this.inPump = true;
    try {
      this.runDue();
    } finally {
      this.inPump = false;
    }
    this.arm();
  }

  private runDue(): void {
    const infinite = this.speed === Infinity;
    const target = infinite ? Infinity : this.wallTargetUs();
    const budget = infinite ? 5000 : Number.MAX_SAFE_INTEGER;
    let ran = 0;
    while (this.heap.length > 0 && this.heap[0].atUs <= target && ran < budget && this.running) {
      const entry = this.pop();
      this.currentUs = Math.max(this.currentUs, entry.atUs);
      if (!infinite)
        this.maxLagMs = Math.max(this.maxLagMs, (target - entry.atUs) / 1000 / this.speed);
      entry.task();
      ran += 1;
    }
    this.tasksRun += ran;
    if (!infinite) this.currentUs = Math.max(this.currentUs, Math.min(target, this.peekUs()));
  }

  private peekUs(): number {
    return this.heap.length > 0 ? this.heap[0].atUs : Infinity;
  }

  private less(x: Entry, y: Entry): boolean {
    return x.atUs < y.atUs || (x.atUs === y.atUs && x.seq < y.seq);
  }

  private push(entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Entry;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
