import 'reflect-metadata';
import { resolve } from 'node:path';
import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import {
  applyInputLimits,
  applySecurityHeaders,
  applyTrustProxy,
  ServiceMetrics,
  setupOpenApi,
} from '@cti/http-api';
import { RecordingQaSink } from '@cti/recording-qa';
import { WallboardGateway, wallboardStaticDir } from '@cti/wallboard';
import { workforceStaticDir } from '@cti/workforce';
import { LiveCallCenter } from './live/live-call-center';
import { CtiServerModule } from './cti-server.module';
import { readServerSettings, type ServerSettings } from './live/server-settings';
import { ServerHealth } from './runtime/server-health';
import { recordingsRootOf } from './runtime/recording-env';
import { openRuntime } from './runtime/server-runtime';
import { stopOnSignals } from './runtime/bounded-shutdown';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the service keeps its local data (embedded database, spool, recordings by default). */
function dataDirOf(env: Env): string {
  return env.CTI_DATA_DIR ?? resolve('.data');
}

/** Builds and starts the server; returns the running app (tests call this with their own env). */
export async function startServer(given: ServerSettings, env: Env): Promise<INestApplication> {
  const dataDir = dataDirOf(env);
  // The built-in simulator writes its recordings where the QA registry looks for them.
  const settings: ServerSettings = given.simulator
    ? { ...given, simulator: { ...given.simulator, recordingsDir: recordingsRootOf(env, dataDir) } }
    : given;
  const runtime = await openRuntime(settings, env);
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      CtiServerModule.forRuntime(runtime, env, dataDir),
      { bodyParser: false },
    );
    applyInputLimits(app);
    applySecurityHeaders(app);
    applyTrustProxy(app, settings.trustProxy);
    app.useStaticAssets(wallboardStaticDir(), { index: 'index.html' });
    app.useStaticAssets(workforceStaticDir(), { prefix: '/workforce/', index: 'quota-day.html' });
    const qa = app.get(RecordingQaSink).connect(app.get(LiveCallCenter).core);
    app.get(LiveCallCenter).outputs$.subscribe(qa);
    setupOpenApi(app);
    app.get(ServerHealth).attachGateway(app.get(WallboardGateway));
    app.get(ServerHealth).attachMetrics(app.get(ServiceMetrics));
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
    (app) => {
      stopOnSignals(app, settings.shutdownTimeoutMs, logger);
      logger.log(
        `Wallboard on http://localhost:${settings.port}/ (API docs: /api/docs, health: /health)`,
      );
    },
    (error: Error) => {
      logger.error(`could not start: ${error.message}`);
      process.exit(1);
    },
  );
}
