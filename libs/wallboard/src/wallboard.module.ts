import {
  type DynamicModule,
  type FactoryProvider,
  Module,
  type ModuleMetadata,
} from '@nestjs/common';
import { WALLBOARD_SETUP, WallboardGateway, type WallboardSetup } from './wallboard.gateway';

export interface WallboardModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: FactoryProvider['inject'];
  readonly useFactory: (...deps: never[]) => WallboardSetup | Promise<WallboardSetup>;
}

/** `WallboardModule.forRootAsync({ inject: [...], useFactory: (...) => ({ hub, verifier }) })`. */
@Module({})
export class WallboardModule {
  static forRootAsync(options: WallboardModuleOptions): DynamicModule {
    return {
      module: WallboardModule,
      imports: options.imports ?? [],
      providers: [
        { provide: WALLBOARD_SETUP, useFactory: options.useFactory, inject: options.inject ?? [] },
        WallboardGateway,
      ],
      exports: [WallboardGateway],
    };
  }
}
