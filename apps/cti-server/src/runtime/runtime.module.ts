import { type DynamicModule, Module } from '@nestjs/common';
import { AuditLog, UserAccounts } from '@cti/auth';
import { CallRecords, CoreLiveView, DayArchive, HealthSource, LiveView } from '@cti/http-api';
import { AuditTrail, CallHistory, loadDay, UserStore } from '@cti/persistence';
import { CoreLiveSource, WallboardHub } from '@cti/wallboard';
import { DataSource } from 'typeorm';
import { DayRestorer, LiveCallCenter } from '../live/live-call-center';
import { ServerSettings } from '../live/server-settings';
import { RuntimeCloser } from './runtime-closer';
import { ServerHealth } from './server-health';
import { ServerRuntime } from './runtime-token';

/**
 * Binds every port to its adapter, once: the stores to PostgreSQL, the live views to the core,
 * the core's outputs to the record writer and the wallboard hub.
 */
@Module({})
export class RuntimeModule {
  static forRuntime(runtime: ServerRuntime): DynamicModule {
    const ds = runtime.database.dataSource;
    return {
      module: RuntimeModule,
      providers: [
        // Factories, not values: Nest serialises a dynamic module's values to key it, and these are big.
        { provide: ServerRuntime, useFactory: () => runtime },
        { provide: DataSource, useFactory: () => ds },
        { provide: ServerSettings, useFactory: () => runtime.settings },
        {
          provide: DayRestorer,
          useFactory: () => ({ loadDay: (day: string) => loadDay(ds, day) }),
        },
        { provide: DayArchive, useFactory: () => ({ loadDay: (day: string) => loadDay(ds, day) }) },
        { provide: UserAccounts, useFactory: () => new UserStore(ds) },
        { provide: AuditLog, useFactory: () => new AuditTrail(ds) },
        { provide: CallRecords, useFactory: () => new CallHistory(ds) },
        LiveCallCenter,
        {
          provide: LiveView,
          useFactory: (live: LiveCallCenter) =>
            new CoreLiveView(live.core, runtime.settings.config, () => live.now()),
          inject: [LiveCallCenter],
        },
        {
          provide: WallboardHub,
          useFactory: (live: LiveCallCenter) => {
            const hub = new WallboardHub(
              new CoreLiveSource(live.core, runtime.settings.config, () => live.now()),
              {
                shift: {
                  ...runtime.settings.boardShift,
                  timezone: runtime.settings.config.timezone,
                },
                // Frames carry PBX time, which agents' `since` is in.
                pbxClock: () => live.now(),
                // Under event-loop lag, fewer and larger frames: boards lag a little, not the PBX link.
                underLoad: () => runtime.loop.slow,
              },
            );
            live.outputs$.subscribe((o) => {
              runtime.writer.write(o);
              hub.onCoreOutput(o);
            });
            return hub;
          },
          inject: [LiveCallCenter],
        },
        ServerHealth,
        { provide: HealthSource, useExisting: ServerHealth },
        RuntimeCloser,
      ],
      exports: [
        ServerRuntime,
        DataSource,
        ServerSettings,
        LiveCallCenter,
        LiveView,
        DayArchive,
        UserAccounts,
        AuditLog,
        CallRecords,
        WallboardHub,
        HealthSource,
        ServerHealth,
      ],
    };
  }
}
