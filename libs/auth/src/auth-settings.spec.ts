import { AuthConfigError, loadJwtSecret, readAuthSettings } from './auth-settings';

describe('auth settings from the environment', () => {
  const goodSecret = 'x'.repeat(32);

  it('uses CTI_JWT_SECRET when it is long enough', () => {
    expect(loadJwtSecret({ CTI_JWT_SECRET: goodSecret })).toEqual({
      secret: goodSecret,
      ephemeral: false,
    });
  });

  it('generates a random per-process secret when CTI_JWT_SECRET is unset', () => {
    const a = loadJwtSecret({});
    const b = loadJwtSecret({});
    expect(a.ephemeral).toBe(true);
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    expect(a.secret).not.toBe(b.secret);
  });

  it.each(['', '   ', 'short-secret', 'y'.repeat(31)])(
    'refuses a set but short secret (%j) without echoing it',
    (secret) => {
      let error: unknown;
      try {
        loadJwtSecret({ CTI_JWT_SECRET: secret });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AuthConfigError);
      expect((error as Error).message).toMatch(/CTI_JWT_SECRET is too short .* at least 32/);
      if (secret.trim()) expect((error as Error).message).not.toContain(secret);
    },
  );

  it('lists every problem at once and never a value', () => {
    let error: AuthConfigError | undefined;
    try {
      readAuthSettings({
        CTI_JWT_SECRET: 'tiny',
        CTI_ADMIN_PASSWORD: 'admin',
        CTI_TOKEN_TTL_SECONDS: '99999',
      });
    } catch (err) {
      error = err as AuthConfigError;
    }
    expect(error?.problems).toHaveLength(3);
    expect(error?.message).toMatch(/CTI_ADMIN_PASSWORD is too short/);
    expect(error?.message).toMatch(/CTI_TOKEN_TTL_SECONDS must be a whole number from 60 to 3600/);
    expect(error?.message).not.toContain('tiny');
    expect(error?.message).not.toMatch(/'admin'/);
  });

  it('defaults to 15-minute tokens, a 30 s user cache and 5 failures per 5 minutes', () => {
    const s = readAuthSettings({
      CTI_JWT_SECRET: goodSecret,
      CTI_ADMIN_PASSWORD: 'a long admin password',
    });
    expect(s).toMatchObject({
      tokenTtlSeconds: 900,
      userCacheSeconds: 30,
      adminPassword: 'a long admin password',
      login: { maxFailures: 5, windowSeconds: 300 },
    });
    expect(
      readAuthSettings({ CTI_JWT_SECRET: goodSecret, CTI_TOKEN_TTL_SECONDS: '300' })
        .tokenTtlSeconds,
    ).toBe(300);
  });
});
