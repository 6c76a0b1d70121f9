import { AuthError } from './auth-errors';
import { type PasswordCheckLimits } from './auth-settings';

/** Seconds a client turned away by a full gate should wait: a slot frees within a few hashes. */
const BUSY_RETRY_SECONDS = 1;

/**
 * Admission for password checks. scrypt runs on libuv's small thread pool; unbounded, a flood
 * of logins from strangers queues hundreds of hashes there and starves everything else that
 * needs the pool or the event loop (health, the record writer, the database driver's timers).
 * A few run at once, a few wait, the rest are refused at once (RATE_LIMITED, Retry-After).
 */
export class PasswordCheckGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private refusedCount = 0;

  constructor(private readonly limits: PasswordCheckLimits) {}

  /** Logins turned away because the gate was full, since start. */
  get refused(): number {
    return this.refusedCount;
  }

  async run<T>(check: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await check();
    } finally {
      this.leave();
    }
  }

  private async enter(): Promise<void> {
    if (this.running < this.limits.concurrent) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.limits.queued) {
      this.refusedCount++;
      throw new AuthError(
        'RATE_LIMITED',
        'too many sign-ins in progress: try again in a moment',
        BUSY_RETRY_SECONDS,
      );
    }
    // The slot is handed over by leave(): `running` stays counted for the waiter.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
