import { type CancelTimer, type ClockSource } from '../clock';

/** A wall clock that only moves when the test says so. */
export class FakeClock implements ClockSource {
  private timers: Array<{ at: number; seq: number; callback: () => void }> = [];
  private seq = 0;

  constructor(private now: number) {}

  nowMs(): number {
    return this.now;
  }

  setTimer(callback: () => void, delayMs: number): CancelTimer {
    const timer = { at: this.now + Math.max(0, delayMs), seq: this.seq++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, firing the timers that fall due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.callback();
    }
    this.now = end;
  }
}
