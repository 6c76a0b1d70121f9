import { type DynamicModule, Module } from '@nestjs/common';
import { AuditLog, AuthModule, readAuthSettings } from '@cti/auth';
import { HttpApiModule } from '@cti/http-api';
import { TokenVerifier, WallboardHub, WallboardModule } from '@cti/wallboard';
import { LiveCallCenter } from './live/live-call-center';
import { quotaDayModule, recordingQaModule } from './runtime/feature-modules';
import { RuntimeModule } from './runtime/runtime.module';
import { type ServerRuntime } from './runtime/runtime-token';

type Env = Readonly<Record<string, string | undefined>>;

/** Composition root: the runtime's ports, accounts and tokens, the REST API and the wallboard. */
@Module({})
export class CtiServerModule {
  static forRuntime(runtime: ServerRuntime, env: Env, dataDir: string): DynamicModule {
    const ports = RuntimeModule.forRuntime(runtime);
    const auth = AuthModule.forRoot({ imports: [ports], settings: readAuthSettings(env) });
    const origins = (env.CTI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    return {
      module: CtiServerModule,
      imports: [
        ports,
        auth,
        HttpApiModule.forRoot({ imports: [ports, auth] }),
        quotaDayModule([ports, auth], runtime, env),
        recordingQaModule([ports, auth], runtime, env, dataDir),
        WallboardModule.forRootAsync({
          imports: [ports, auth],
          inject: [WallboardHub, TokenVerifier, LiveCallCenter, AuditLog],
          useFactory: (
            hub: WallboardHub,
            verifier: TokenVerifier,
            live: LiveCallCenter,
            audit: AuditLog,
          ) => {
            live.freshness$.subscribe((f) => hub.setLinkState(f));
            return { hub, verifier, server: { allowedOrigins: origins, audit } };
          },
        }),
      ],
    };
  }
}
