import { type Schedule } from '../wallboard-hub';

/** A clock and a scheduler that only move when the test says so. */
export class ManualClock {
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;

  constructor(public now: number) {}

  readonly clock = (): number => this.now;

  readonly schedule: Schedule = (fn, ms) => {
    const id = ++this.ids;
    this.pending.push({ at: this.now + ms, fn, id });
    return () => {
      this.pending = this.pending.filter((p) => p.id !== id);
    };
  };

  /** Moves time on, running what falls due in order (including what they schedule). */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.pending
        .filter((p) => p.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.now = Math.max(this.now, due.at);
      due.fn();
    }
    this.now = end;
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
