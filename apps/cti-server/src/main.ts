import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type INestApplication } from '@nestjs/common';
import { CtiServerModule } from './cti-server.module';
import { readServerSettings, type ServerSettings } from './live/server-settings';

/** Builds and starts the server; returns the running app (tests call this with their own env). */
export async function startServer(settings: ServerSettings): Promise<INestApplication> {
  const app = await NestFactory.create(CtiServerModule.forSettings(settings), { bufferLogs: false });
  app.enableShutdownHooks();
  await app.listen(settings.port);
  return app;
}

if (require.main === module) {
  const logger = new Logger('cti-server');
  let settings: ServerSettings;
  try {
    settings = readServerSettings(process.env);
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  startServer(settings).then(
    () => logger.log(`Serving on http://localhost:${settings.port} (health: /health, live JSON: /api/live)`),
    (error: Error) => {
      logger.error(`could not start: ${error.message}`);
      process.exit(1);
    },
  );
}
