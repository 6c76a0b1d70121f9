import 'reflect-metadata';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from '@cti/http-api';
import { WallboardGateway, wallboardStaticDir } from '@cti/wallboard';
import { CtiServerModule } from './cti-server.module';
import { readServerSettings, type ServerSettings } from './live/server-settings';
import { ServerHealth } from './runtime/server-health';
import { openRuntime } from './runtime/server-runtime';

type Env = Readonly<Record<string, string | undefined>>;

/** Builds and starts the server; returns the running app (tests call this with their own env). */
export async function startServer(settings: ServerSettings, env: Env): Promise<INestApplication> {
  const runtime = await openRuntime(settings, env);
  try {
    const app = await NestFactory.create<NestExpressApplication>(CtiServerModule.forRuntime(runtime, env));
    app.enableShutdownHooks();
    app.useStaticAssets(wallboardStaticDir(), { index: 'index.html' });
    setupOpenApi(app);
    app.get(ServerHealth).attachGateway(app.get(WallboardGateway));
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await runtime.close();
    };
    await app.listen(settings.port);
    return app;
  } catch (error) {
    await runtime.close();
    throw error;
  }
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
  startServer(settings, process.env).then(
    () => logger.log(`Wallboard on http://localhost:${settings.port}/ (API docs: /api/docs, health: /health)`),
    (error: Error) => {
      logger.error(`could not start: ${error.message}`);
      process.exit(1);
    },
  );
}
