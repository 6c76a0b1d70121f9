import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccessGuard } from './access/access.guard';
import { AgentDayService } from './agents/agent-day.service';
import { AgentsController } from './agents/agents.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CallLookup } from './calls/call-lookup';
import { CallsController } from './calls/calls.controller';
import { CallsService } from './calls/calls.service';
import { AuditWriter } from './common/audit-writer';
import { NoStoreInterceptor } from './common/no-store.interceptor';
import { HttpErrorFilter } from './errors/http-error.filter';
import { apiValidationPipe } from './errors/validation';
import { HealthReader } from './health/health-reader';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { QueuesController } from './queues/queues.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

export interface HttpApiModuleOptions {
  /**
   * Modules that export, between them: the AuthModule (AuthService, UserTokenVerifier,
   * PasswordHasher) and the ports UserAccounts, AuditLog (@cti/auth), LiveView, HealthSource,
   * CallRecords, DayArchive (@cti/http-api).
   */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
}

export const HTTP_API_CONTROLLERS = [
  AuthController,
  UsersController,
  AgentsController,
  CallsController,
  QueuesController,
  AuditController,
  HealthController,
  MetricsController,
];

/**
 * The REST API under /api, plus /health and /metrics. Registers app-wide, as it must: the
 * deny-by-default guard (every route of the app then needs @Roles or @Public), the validation
 * pipe, the error filter and the no-store interceptor. Call setupOpenApi(app) for /api/docs.
 */
@Module({})
export class HttpApiModule {
  static forRoot(options: HttpApiModuleOptions): DynamicModule {
    return {
      module: HttpApiModule,
      imports: options.imports,
      controllers: HTTP_API_CONTROLLERS,
      providers: [
        AuditWriter,
        AgentDayService,
        CallLookup,
        CallsService,
        UsersService,
        HealthReader,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: apiValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: NoStoreInterceptor },
      ],
    };
  }
}
