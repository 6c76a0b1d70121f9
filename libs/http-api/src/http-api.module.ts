import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type ModuleMetadata,
  type NestModule,
} from '@nestjs/common';
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
import { HttpMetricsMiddleware } from './health/http-metrics.middleware';
import { MetricsController } from './health/metrics.controller';
import { ServiceMetrics } from './health/service-metrics';
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
 * pipe, the error filter and the no-store interceptor, and times every request for /metrics.
 * Call setupOpenApi(app) for /api/docs. Exports ServiceMetrics (the app's Prometheus registry).
 */
@Module({})
export class HttpApiModule implements NestModule {
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
        { provide: ServiceMetrics, useFactory: () => new ServiceMetrics() },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: apiValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: NoStoreInterceptor },
      ],
      exports: [ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
