import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { LiveCallCenter } from './live/live-call-center';
import { LiveController } from './live/live.controller';
import { ServerSettings } from './live/server-settings';

/** Composition root: binds the adapters to the core and serves the product. */
@Module({})
export class CtiServerModule {
  static forSettings(settings: ServerSettings): DynamicModule {
    return {
      module: CtiServerModule,
      controllers: [HealthController, LiveController],
      providers: [{ provide: ServerSettings, useValue: settings }, LiveCallCenter],
    };
  }
}
