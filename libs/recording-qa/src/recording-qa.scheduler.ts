import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type QaClock } from './ports/qa-runtime.port';
import { type RecordingFileChecker } from './registry/recording-file-checker';
import { type RecordingRetention } from './registry/recording-retention';

const CHECK_EVERY_MS = 15_000;
const PURGE_EVERY_MS = 3_600_000;

/** Runs the file checks and the retention purge on timers (G17: deleted within 24 h of expiry). */
export class RecordingQaScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RecordingQa');
  private timers: NodeJS.Timeout[] = [];
  private busy = false;

  constructor(
    private readonly checker: RecordingFileChecker,
    private readonly retention: RecordingRetention,
    private readonly clock: QaClock,
    private readonly enabled: boolean,
  ) {}

  onModuleInit(): void {
    if (!this.enabled) return;
    this.timers = [
      setInterval(
        () => void this.run('file check', () => this.checker.checkFiles(this.clock.now())),
        CHECK_EVERY_MS,
      ),
      setInterval(
        () => void this.run('retention', () => this.retention.purgeExpired(this.clock.now())),
        PURGE_EVERY_MS,
      ),
    ];
    for (const t of this.timers) t.unref();
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private async run(what: string, task: () => Promise<unknown>): Promise<void> {
    if (this.busy) return; // one pass at a time: a slow disk must not pile up passes
    this.busy = true;
    try {
      await task();
    } catch (error) {
      this.logger.error(`${what} failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }
}
