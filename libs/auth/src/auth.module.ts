import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { TokenVerifier } from '@cti/wallboard';
import { AuthSettings } from './auth-settings';
import { AuthService } from './auth.service';
import { AdminBootstrapper } from './bootstrap-admin';
import { Clock, SystemClock } from './clock';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordCheckGate } from './password-check-gate';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token-service';
import { UserTokenVerifier } from './user-token-verifier';

export interface AuthModuleOptions {
  /** Modules exporting the ports UserAccounts and AuditLog (bound to @cti/persistence stores). */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  /** From readAuthSettings(process.env), read once by the app. */
  readonly settings: AuthSettings;
}

/**
 * Accounts, passwords and tokens. Build it once and hand the same DynamicModule to every module
 * that needs it (HttpApiModule, the wallboard's TokenVerifier): one limiter, one user cache.
 * On start it creates the first admin when there is no user (see bootstrapAdmin).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: options.imports,
      providers: [
        { provide: AuthSettings, useValue: options.settings },
        { provide: Clock, useClass: SystemClock },
        {
          provide: PasswordHasher,
          useFactory: (s: AuthSettings) => new PasswordHasher(s.scryptCost),
          inject: [AuthSettings],
        },
        {
          provide: LoginRateLimiter,
          useFactory: (s: AuthSettings, clock: Clock) => new LoginRateLimiter(s.login, clock),
          inject: [AuthSettings, Clock],
        },
        {
          provide: PasswordCheckGate,
          useFactory: (s: AuthSettings) => new PasswordCheckGate(s.login.passwordChecks),
          inject: [AuthSettings],
        },
        TokenService,
        UserTokenVerifier,
        { provide: TokenVerifier, useExisting: UserTokenVerifier },
        AuthService,
        AdminBootstrapper,
      ],
      exports: [
        AuthSettings,
        Clock,
        PasswordHasher,
        {
          provide: PasswordCheckGate,
          useFactory: (s: AuthSettings) => new PasswordCheckGate(s.login.passwordChecks),
          inject: [AuthSettings],
        },
        TokenService,
        UserTokenVerifier,
        TokenVerifier,
        AuthService,
      ],
    };
  }
}
