import { type DynamicModule, type INestApplication, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TokenRejected, TokenVerifier } from '@cti/wallboard';
import { AuditTrail, UserStore } from '@cti/persistence';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { AuthModule } from './auth.module';
import { type AuthSettings, DEFAULT_LOGIN_LIMITS } from './auth-settings';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { AuditLog, UserAccounts } from './ports';

class Lines implements LoggerService {
  readonly lines: string[] = [];
  log(m: unknown): void {
    this.lines.push(String(m));
  }
  warn(m: unknown): void {
    this.lines.push(String(m));
  }
  error(m: unknown): void {
    this.lines.push(String(m));
  }
}

const settings = (patch: Partial<AuthSettings> = {}): AuthSettings => ({
  jwtSecret: 'k'.repeat(48),
  ephemeralSecret: false,
  tokenTtlSeconds: 900,
  userCacheSeconds: 30,
  login: DEFAULT_LOGIN_LIMITS,
  ...patch,
});

describe('AuthModule on PostgreSQL: bootstrap admin, login, wallboard verifier', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];

  /** One app start, as the server does it: the persistence stores bound to the auth ports. */
  async function start(s: AuthSettings): Promise<{ app: INestApplication; logs: string[] }> {
    // The stores fit the ports as they are (checked by the compiler here).
    const users: UserAccounts = new UserStore(db.dataSource);
    const audit: AuditLog = new AuditTrail(db.dataSource);
    const ports: DynamicModule = {
      module: class StoresModule {},
      providers: [
        { provide: UserAccounts, useValue: users },
        { provide: AuditLog, useValue: audit },
      ],
      exports: [UserAccounts, AuditLog],
    };
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ imports: [ports], settings: s })],
    }).compile();
    const logger = new Lines();
    const app = moduleRef.createNestApplication({ logger });
    await app.init();
    apps.push(app);
    return { app, logs: logger.lines };
  }

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.stop();
  });

  it('creates admin once with a printed one-time password, warns about the ephemeral secret, never again', async () => {
    const first = await start(settings({ ephemeralSecret: true }));
    const output = first.logs.join('\n');
    expect(output).toMatch(
      /CTI_JWT_SECRET is not set: using a random secret for this process\. Tokens do not survive a restart/,
    );
    const password = /One-time password: (\S+)/.exec(output)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(output.split(password!).length - 1).toBe(1);
    const login = await first.app
      .get(AuthService)
      .login({ username: 'admin', password: password!, ip: '127.0.0.1' });
    expect(login.user).toMatchObject({ username: 'admin', role: 'admin' });

    const second = await start(settings({ adminPassword: 'a password that is ignored now' }));
    expect(second.logs.join('\n')).not.toMatch(/One-time password|Created the first user/);
    expect(second.logs).toContain(
      'CTI_ADMIN_PASSWORD is ignored: users already exist. Remove it from the environment.',
    );
    expect((await new UserStore(db.dataSource).list()).map((u) => u.username)).toEqual(['admin']);
    const audit = await new AuditTrail(db.dataSource).list({ action: 'user.bootstrap' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'system',
        target: 'admin',
        details: { source: 'generated' },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("gives the wallboard a TokenVerifier that refuses a disabled user's token", async () => {
    const { app } = await start(settings({ userCacheSeconds: 0 }));
    const users = new UserStore(db.dataSource);
    const admin = (await users.findByUsername('admin'))!;
    await users.update(admin.id, {
      passwordHash: await new PasswordHasher().hash('known password 123'),
    });
    const { token } = await app
      .get(AuthService)
      .login({ username: 'admin', password: 'known password 123', ip: '::1' });
    const verifier = app.get(TokenVerifier);
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'admin' });
    await users.update(admin.id, { disabled: true });
    await expect(verifier.verify(token)).rejects.toEqual(new TokenRejected('revoked'));
  });
});
