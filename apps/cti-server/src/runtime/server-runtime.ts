import { Logger } from '@nestjs/common';
import { AgentDirectorySync, openDatabase, RecordWriter } from '@cti/persistence';
import { type ServerSettings } from '../live/server-settings';
import { EventLoopLag } from './event-loop-lag';
import { type ServerRuntime } from './runtime-token';

/**
 * Opens PostgreSQL (DATABASE_URL, else an embedded server under .data/), runs the migrations
 * under their advisory lock, syncs agents and teams from the configuration, starts the writer.
 */
/** The writer's share of the shutdown budget (drain, then the rest spooled). */
const WRITER_CLOSE_MS = 1_000;

export async function openRuntime(
  settings: ServerSettings,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ServerRuntime> {
  const logger = new Logger('Database');
  const database = await openDatabase({
    url: env.DATABASE_URL ?? null,
    dataDir: env.CTI_DATA_DIR ? `${env.CTI_DATA_DIR}/postgres` : undefined,
    logger,
  });
  logger.log(
    database.embedded
      ? 'Using the embedded PostgreSQL (set DATABASE_URL to use your own)'
      : 'Using the PostgreSQL of DATABASE_URL',
  );
  await new AgentDirectorySync(database.dataSource).sync(settings.config);
  const writer = new RecordWriter({
    dataSource: database.dataSource,
    timezone: settings.config.timezone,
    spoolDir: env.CTI_DATA_DIR ? `${env.CTI_DATA_DIR}/spool` : undefined,
    spoolKey: env.CTI_SPOOL_KEY,
    logger: new Logger('RecordWriter'),
  });
  // The supervisor brought the embedded server back: drain the spool now, not after the backoff.
  database.server?.onStatus((s) => {
    if (s.state === 'up') writer.retryNow();
  });
  const loop = new EventLoopLag();
  return {
    settings,
    database,
    writer,
    loop,
    close: async () => {
      loop.stop();
      // Short: what the database does not take by then goes to the spool, within the deadline.
      await writer.close(WRITER_CLOSE_MS);
      await database.stop();
    },
  };
}
