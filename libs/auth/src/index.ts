export { AuthError, type AuthErrorCode } from './auth-errors';
export { AuthModule, type AuthModuleOptions } from './auth.module';
export {
  AuthConfigError,
  AuthSettings,
  DEFAULT_LOGIN_LIMITS,
  DEFAULT_TOKEN_TTL_SECONDS,
  loadJwtSecret,
  type LoginLimits,
  MAX_USER_CACHE_SECONDS,
  type PasswordCheckLimits,
  MIN_JWT_SECRET_LENGTH,
  MIN_PASSWORD_LENGTH,
  readAuthSettings,
} from './auth-settings';
export {
  AuthService,
  type LoginRequest,
  type LoginResult,
  type LoginStats,
  type PublicUser,
  publicUser,
} from './auth.service';
export {
  AdminBootstrapper,
  BOOTSTRAP_ADMIN_USERNAME,
  bootstrapAdmin,
  type BootstrapAdminDeps,
  type BootstrapLogger,
  type BootstrapOutcome,
} from './bootstrap-admin';
export { Clock, SystemClock } from './clock';
export { type AccountThrottleLimits } from './account-throttle';
export { type LimitVerdict, LoginRateLimiter } from './login-rate-limiter';
export {
  benchLoginFlood,
  type LoginFloodOptions,
  type LoginFloodResult,
} from './bench-login-flood';
export { PasswordCheckGate } from './password-check-gate';
export {
  DEFAULT_SCRYPT_COST,
  MAX_PASSWORD_LENGTH,
  PasswordHasher,
  type ScryptCost,
} from './password-hasher';
export {
  type AppUser,
  type AuditEntry,
  AuditLog,
  type AuditQuery,
  type AuditRecord,
  isUsernameTaken,
  type NewUser,
  normalizeUsername,
  UserAccounts,
  type UserPatch,
} from './ports';
export {
  ALL_ROLES,
  canSeeNumbers,
  isRole,
  maskNumber,
  type Role,
  ROLES,
  seesEveryone,
} from './roles';
export {
  type IssuedToken,
  type TokenClaims,
  TokenService,
  type TokenSubject,
} from './token-service';
export { type ApiPrincipal, UserTokenVerifier } from './user-token-verifier';
