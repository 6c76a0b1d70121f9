import { type INestApplication, type LoggerService } from '@nestjs/common';

/** Default budget between SIGTERM and exit (CTI_SHUTDOWN_TIMEOUT_MS). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * Stops the app on SIGTERM or SIGINT within a hard deadline: the orderly close (link, writer
 * drain and spool, database) gets the budget, and the process exits when it ends or when the
 * budget is spent, whichever comes first. A second signal exits at once.
 */
export function stopOnSignals(
  app: INestApplication,
  timeoutMs: number,
  logger: LoggerService,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn?.(`${signal} again while stopping: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: stopping (at most ${timeoutMs} ms)`);
    // Not unref'd: the deadline must fire even when nothing else keeps the loop alive.
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
