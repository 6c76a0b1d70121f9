import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuthSettings, MIN_PASSWORD_LENGTH } from './auth-settings';
import { PasswordHasher } from './password-hasher';
import { AuditLog, isUsernameTaken, UserAccounts } from './ports';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

export interface BootstrapLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface BootstrapAdminDeps {
  readonly users: UserAccounts;
  readonly hasher: PasswordHasher;
  readonly audit: AuditLog;
  readonly logger: BootstrapLogger;
  /** CTI_ADMIN_PASSWORD, if set (>= 12 characters). */
  readonly password?: string;
}

export type BootstrapOutcome = 'exists' | 'created-from-env' | 'created-with-printed-password';

/**
 * The first account: when no user exists, creates `admin` with CTI_ADMIN_PASSWORD, or with a
 * random password printed once to the log. There is never a default password. When users
 * exist it does nothing: a forgotten CTI_ADMIN_PASSWORD cannot reset anyone's password later.
 */
export async function bootstrapAdmin(deps: BootstrapAdminDeps): Promise<BootstrapOutcome> {
  const { users, hasher, audit, logger } = deps;
  if ((await users.list()).length > 0) {
    if (deps.password !== undefined) {
      logger.warn(
        'CTI_ADMIN_PASSWORD is ignored: users already exist. Remove it from the environment.',
      );
    }
    return 'exists';
  }
  if (deps.password !== undefined && deps.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(
      `CTI_ADMIN_PASSWORD is too short: use at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  const password = deps.password ?? randomBytes(18).toString('base64url');
  try {
    await users.create({
      username: BOOTSTRAP_ADMIN_USERNAME,
      passwordHash: await hasher.hash(password),
      role: 'admin',
    });
  } catch (err) {
    // Another instance starting at the same moment created it first.
    if (isUsernameTaken(err)) return 'exists';
    throw err;
  }
  const source = deps.password !== undefined ? 'env' : 'generated';
  // The account exists now: a failed audit write must not lose its only copy of the password.
  await audit
    .append({
      actor: 'system',
      action: 'user.bootstrap',
      target: BOOTSTRAP_ADMIN_USERNAME,
      details: { source },
    })
    .catch((err: Error) => logger.warn(`audit of the bootstrap admin failed: ${err.message}`));
  if (deps.password !== undefined) {
    logger.log(
      `Created the first user '${BOOTSTRAP_ADMIN_USERNAME}' (role admin) with the password from CTI_ADMIN_PASSWORD.`,
    );
    return 'created-from-env';
  }
  logger.warn(
    [
      '',
      '==================================================================',
      ` No users existed: created '${BOOTSTRAP_ADMIN_USERNAME}' (role admin).`,
      ` One-time password: ${password}`,
      ' It is printed this once and never again: sign in and change it now',
      ' (POST /api/users/:id/password). Set CTI_ADMIN_PASSWORD to choose it instead.',
      '==================================================================',
    ].join('\n'),
  );
  return 'created-with-printed-password';
}

/** Runs the bootstrap when the app starts, and warns about an ephemeral JWT secret. */
@Injectable()
export class AdminBootstrapper implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly settings: AuthSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.ephemeralSecret) {
      this.logger.warn(
        'CTI_JWT_SECRET is not set: using a random secret for this process. Tokens do not survive a restart and are not accepted by other instances.',
      );
    }
    await bootstrapAdmin({
      users: this.users,
      hasher: this.hasher,
      audit: this.audit,
      logger: this.logger,
      password: this.settings.adminPassword,
    });
  }
}
