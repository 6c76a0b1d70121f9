import { Injectable, Logger } from '@nestjs/common';
import { type HealthReport, HealthSource } from '../ports/health-source';

/** A health report is awaited this long at most: a hung database ping must not hang /health. */
export const HEALTH_TIMEOUT_MS = 3_000;

/** Reads the HealthSource with a timeout; undefined when it failed or took too long. */
@Injectable()
export class HealthReader {
  private readonly logger = new Logger('Health');

  constructor(private readonly source: HealthSource) {}

  async read(): Promise<HealthReport | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), HEALTH_TIMEOUT_MS);
      timer.unref();
    });
    try {
      return await Promise.race([this.source.report(), timeout]);
    } catch (err) {
      this.logger.error(`health source failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
