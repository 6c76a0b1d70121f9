import { type AuthSettings, DEFAULT_LOGIN_LIMITS } from './auth-settings';
import { AuthError } from './auth-errors';
import { AuthService } from './auth.service';
import { bootstrapAdmin } from './bootstrap-admin';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordCheckGate } from './password-check-gate';
import { PasswordHasher } from './password-hasher';
import { ManualClock, MemoryAccounts, MemoryAudit } from './testing/memory-accounts';
import { TokenService } from './token-service';

const settings: AuthSettings = {
  jwtSecret: 's'.repeat(40),
  ephemeralSecret: false,
  tokenTtlSeconds: 900,
  userCacheSeconds: 30,
  login: DEFAULT_LOGIN_LIMITS,
};
const hasher = new PasswordHasher();
const PASSWORD = 'a decent long password';

async function setup() {
  const clock = new ManualClock();
  const accounts = new MemoryAccounts();
  const audit = new MemoryAudit();
  const service = new AuthService(
    accounts,
    hasher,
    new TokenService(settings, clock),
    audit,
    new LoginRateLimiter(settings.login, clock),
    new PasswordCheckGate(settings.login.passwordChecks),
  );
  const user = await accounts.create({
    username: 'lead',
    passwordHash: await hasher.hash(PASSWORD),
    role: 'team_leader',
    teamId: 'north',
  });
  return { clock, accounts, audit, service, user };
}

async function failure(p: Promise<unknown>): Promise<AuthError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AuthError) return err;
    throw err;
  }
  throw new Error('expected the login to fail');
}

describe('AuthService.login', () => {
  it('returns a token and the user (no hash), and audits the login without the password', async () => {
    const { service, audit, user } = await setup();
    const result = await service.login({ username: ' LEAD ', password: PASSWORD, ip: '10.0.0.1' });
    expect(result.user).toEqual({
      id: user.id,
      username: 'lead',
      role: 'team_leader',
      team: 'north',
      agent: null,
      disabled: false,
      createdAt: user.createdAt.toISOString(),
    });
    expect(result.token.split('.')).toHaveLength(3);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: 'lead',
        action: 'auth.login',
        target: user.id,
        details: { ip: '10.0.0.1' },
      }),
    ]);
    expect(JSON.stringify(audit.entries)).not.toContain(PASSWORD);
  });

  it('gives one answer for unknown users, wrong passwords and disabled users, each audited with its reason', async () => {
    const { service, audit, accounts, user } = await setup();
    const unknown = await failure(
      service.login({ username: 'nobody', password: PASSWORD, ip: 'a' }),
    );
    const wrong = await failure(
      service.login({ username: 'lead', password: 'wrong password!!', ip: 'a' }),
    );
    await accounts.update(user.id, { disabled: true });
    const disabled = await failure(
      service.login({ username: 'lead', password: PASSWORD, ip: 'b' }),
    );
    for (const e of [unknown, wrong, disabled]) {
      expect(e.code).toBe('INVALID_CREDENTIALS');
      expect(e.message).toBe('invalid username or password');
    }
    expect(audit.entries.map((e) => [e.actor, e.action, e.details?.reason])).toEqual([
      ['nobody', 'auth.login_failed', 'unknown_user'],
      ['lead', 'auth.login_failed', 'bad_password'],
      ['lead', 'auth.login_failed', 'disabled'],
    ]);
    expect(JSON.stringify(audit.entries)).not.toMatch(/password!!|decent/);
  });

  it('locks a username and address out after 5 failures: 429 even for the right password, audited once', async () => {
    const { service, audit, clock } = await setup();
    for (let i = 0; i < 5; i++) {
      expect(
        (await failure(service.login({ username: 'lead', password: `guess-${i}-xxxxxx`, ip: 'x' })))
          .code,
      ).toBe('INVALID_CREDENTIALS');
    }
    const locked = await failure(service.login({ username: 'lead', password: PASSWORD, ip: 'x' }));
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.retryAfterSeconds).toBe(300);
    await failure(service.login({ username: 'lead', password: PASSWORD, ip: 'x' }));
    expect(audit.entries.filter((e) => e.action === 'auth.login_locked')).toHaveLength(1);
    expect(service.stats).toEqual({ succeeded: 0, failed: 5, rateLimited: 2 });
    await expect(
      service.login({ username: 'lead', password: PASSWORD, ip: 'y' }),
    ).resolves.toBeDefined();
    clock.advance(300_000);
    await expect(
      service.login({ username: 'lead', password: PASSWORD, ip: 'x' }),
    ).resolves.toBeDefined();
  });

  it('fails closed when the audit log cannot be written', async () => {
    const { service, audit } = await setup();
    audit.failing = true;
    expect(
      (await failure(service.login({ username: 'lead', password: PASSWORD, ip: 'x' }))).code,
    ).toBe('AUDIT_UNAVAILABLE');
  });

  it('re-hashes a password stored with an older cost at login', async () => {
    const { service, accounts } = await setup();
    const old = await accounts.create({
      username: 'old',
      passwordHash: await new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }).hash(PASSWORD),
      role: 'qa',
    });
    await service.login({ username: 'old', password: PASSWORD, ip: 'x' });
    const after = (await accounts.findById(old.id))!;
    expect(after.passwordHash).toMatch(/^scrypt\$32768\$/);
    expect(after.tokenVersion).toBe(0);
  });
});

describe('bootstrapAdmin', () => {
  const logger = () => {
    const lines: string[] = [];
    return { lines, log: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  };

  it('creates admin with a random password printed once, then never again', async () => {
    const accounts = new MemoryAccounts();
    const audit = new MemoryAudit();
    const first = logger();
    await expect(bootstrapAdmin({ users: accounts, hasher, audit, logger: first })).resolves.toBe(
      'created-with-printed-password',
    );
    const printed = /One-time password: (\S+)/.exec(first.lines.join('\n'))?.[1];
    expect(printed).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const admin = (await accounts.findByUsername('admin'))!;
    expect(admin.role).toBe('admin');
    await expect(hasher.verify(printed!, admin.passwordHash)).resolves.toBe(true);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actor: 'system',
        action: 'user.bootstrap',
        details: { source: 'generated' },
      }),
    ]);
    expect(JSON.stringify(audit.entries)).not.toContain(printed);

    const second = logger();
    await expect(
      bootstrapAdmin({
        users: accounts,
        hasher,
        audit,
        logger: second,
        password: 'another long password',
      }),
    ).resolves.toBe('exists');
    expect(second.lines).toEqual([
      'CTI_ADMIN_PASSWORD is ignored: users already exist. Remove it from the environment.',
    ]);
    expect(await accounts.list()).toHaveLength(1);
  });

  it('uses CTI_ADMIN_PASSWORD when given and never prints it', async () => {
    const accounts = new MemoryAccounts();
    const out = logger();
    await expect(
      bootstrapAdmin({
        users: accounts,
        hasher,
        audit: new MemoryAudit(),
        logger: out,
        password: 'from the environment',
      }),
    ).resolves.toBe('created-from-env');
    expect(out.lines.join('\n')).not.toContain('from the environment');
    await expect(
      hasher.verify('from the environment', (await accounts.findByUsername('admin'))!.passwordHash),
    ).resolves.toBe(true);
  });

  it('refuses a short CTI_ADMIN_PASSWORD and treats a concurrent creation as done', async () => {
    await expect(
      bootstrapAdmin({
        users: new MemoryAccounts(),
        hasher,
        audit: new MemoryAudit(),
        logger: logger(),
        password: 'admin',
      }),
    ).rejects.toThrow(/too short/);
    const racing = new MemoryAccounts();
    const original = racing.create.bind(racing);
    racing.list = async () => [];
    await original({ username: 'admin', passwordHash: 'h', role: 'admin' });
    await expect(
      bootstrapAdmin({ users: racing, hasher, audit: new MemoryAudit(), logger: logger() }),
    ).resolves.toBe('exists');
  });
});
