import { JwtService } from '@nestjs/jwt';
import { JwtTokenVerifier, TokenRejected } from '@cti/wallboard';
import { type AuthSettings, DEFAULT_LOGIN_LIMITS } from './auth-settings';
import { type AppUser } from './ports';
import { ManualClock, MemoryAccounts } from './testing/memory-accounts';
import { TokenService } from './token-service';
import { UserTokenVerifier } from './user-token-verifier';

const settings: AuthSettings = {
  jwtSecret: 's'.repeat(40),
  ephemeralSecret: false,
  tokenTtlSeconds: 900,
  userCacheSeconds: 30,
  login: DEFAULT_LOGIN_LIMITS,
};

async function rejection(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return err instanceof TokenRejected ? err.reason : `other: ${(err as Error).message}`;
  }
}

describe('TokenService', () => {
  const clock = new ManualClock();
  const tokens = new TokenService(settings, clock);
  const lead = {
    id: 'u-1',
    role: 'team_leader' as const,
    teamId: 'north',
    agentId: null,
    tokenVersion: 3,
  };

  it('issues HS256 tokens with exactly sub, role, team, agent, tv, iat, exp (15 min)', async () => {
    const { token, expiresAt } = tokens.issue(lead);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = Math.floor(clock.now() / 1000);
    expect(payload).toEqual({
      sub: 'u-1',
      role: 'team_leader',
      team: 'north',
      tv: 3,
      iat,
      exp: iat + 900,
    });
    expect(expiresAt).toBe((iat + 900) * 1000);
    await expect(tokens.verify(token)).resolves.toMatchObject({
      sub: 'u-1',
      role: 'team_leader',
      team: 'north',
      tv: 3,
    });
  });

  it('is readable by the wallboard JwtTokenVerifier with the same secret', async () => {
    const { token } = new TokenService(settings, { now: () => Date.now() }).issue(lead);
    const wallboard = new JwtTokenVerifier(new JwtService({ secret: settings.jwtSecret }));
    await expect(wallboard.verify(token)).resolves.toMatchObject({
      userId: 'u-1',
      role: 'team_leader',
      teamId: 'north',
    });
  });

  it('rejects expired, tampered, foreign, unsigned and oversized tokens', async () => {
    const { token } = tokens.issue(lead);
    const later = new TokenService(settings, { now: () => clock.now() + 901_000 });
    expect(await rejection(later.verify(token))).toBe('expired');
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    expect(await rejection(tokens.verify(`${h}.${forged}.${s}`))).toBe('bad');
    const foreign = new JwtService({ secret: 'z'.repeat(40) }).sign({
      sub: 'u-1',
      role: 'admin',
      tv: 3,
      exp: 9e9,
    });
    expect(await rejection(tokens.verify(foreign))).toBe('bad');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect(await rejection(tokens.verify(none))).toBe('bad');
    expect(await rejection(tokens.verify('a'.repeat(5000)))).toBe('bad');
    expect(await rejection(tokens.verify(''))).toBe('bad');
  });

  it('rejects a well-signed token without tv or with an unknown role', async () => {
    const jwt = new JwtService({ secret: settings.jwtSecret });
    const iat = Math.floor(clock.now() / 1000);
    expect(
      await rejection(tokens.verify(jwt.sign({ sub: 'u', role: 'agent', iat, exp: iat + 60 }))),
    ).toBe('bad');
    expect(
      await rejection(
        tokens.verify(jwt.sign({ sub: 'u', role: 'root', tv: 0, iat, exp: iat + 60 })),
      ),
    ).toBe('bad');
  });

  it('rejects a well-signed token living longer than the configured lifetime or issued in the future', async () => {
    const jwt = new JwtService({ secret: settings.jwtSecret });
    const now = Math.floor(clock.now() / 1000);
    const claims = { sub: 'u-1', role: 'agent', tv: 3 };
    const tenYears = 10 * 365 * 86_400;
    expect(
      await rejection(tokens.verify(jwt.sign({ ...claims, iat: now, exp: now + tenYears }))),
    ).toBe('bad');
    expect(await rejection(tokens.verify(jwt.sign({ ...claims, iat: now, exp: now + 901 })))).toBe(
      'bad',
    );
    expect(
      await rejection(
        tokens.verify(jwt.sign({ ...claims, iat: now + 3600, exp: now + 3600 + 60 })),
      ),
    ).toBe('bad');
    // Exactly the lifetime, and a peer's clock a little ahead, are fine.
    await expect(
      tokens.verify(jwt.sign({ ...claims, iat: now, exp: now + 900 })),
    ).resolves.toBeDefined();
    await expect(
      tokens.verify(jwt.sign({ ...claims, iat: now + 30, exp: now + 30 + 900 })),
    ).resolves.toBeDefined();
  });
});

describe('UserTokenVerifier (the wallboard TokenVerifier port)', () => {
  async function setup() {
    const clock = new ManualClock();
    const accounts = new MemoryAccounts();
    const user: AppUser = await accounts.create({
      username: 'Agent7',
      passwordHash: 'h',
      role: 'agent',
      agentId: '7001',
      teamId: 'north',
    });
    const tokens = new TokenService(settings, clock);
    const verifier = new UserTokenVerifier(tokens, accounts, clock, settings);
    return { clock, accounts, user, tokens, verifier };
  }

  it('resolves the principal of a current user, with username', async () => {
    const { user, tokens, verifier } = await setup();
    const principal = await verifier.verify(tokens.issue(user).token);
    expect(principal).toMatchObject({
      userId: user.id,
      username: 'agent7',
      role: 'agent',
      agentId: '7001',
      teamId: 'north',
    });
  });

  it('caches the user row for at most 30 s: a change made elsewhere applies within it', async () => {
    const { clock, accounts, user, tokens, verifier } = await setup();
    const { token } = tokens.issue(user);
    await verifier.verify(token);
    await verifier.verify(token);
    expect(accounts.lookups).toBe(1);
    await accounts.update(user.id, { disabled: true }); // another instance disabled the user
    clock.advance(29_000);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    clock.advance(1_000);
    expect(await rejection(verifier.verify(token))).toBe('revoked');
  });

  it('revokes at once after forget(): disabled user, bumped token version, changed role', async () => {
    const { accounts, user, tokens, verifier } = await setup();
    const { token } = tokens.issue(user);
    await verifier.verify(token);
    await accounts.update(user.id, { bumpTokenVersion: true });
    verifier.forget(user.id);
    expect(await rejection(verifier.verify(token))).toBe('revoked');
    const fresh = tokens.issue((await accounts.findById(user.id))!);
    await expect(verifier.verify(fresh.token)).resolves.toBeDefined();
    await accounts.update(user.id, { role: 'qa' });
    verifier.forget(user.id);
    expect(await rejection(verifier.verify(fresh.token))).toBe('revoked');
  });

  it('rejects a token of a deleted user and reports store failures as errors, not rejections', async () => {
    const { accounts, user, tokens, verifier } = await setup();
    const { token } = tokens.issue(user);
    accounts.users.delete(user.id);
    expect(await rejection(verifier.verify(token))).toBe('revoked');
    verifier.forget(user.id);
    accounts.findById = () => Promise.reject(new Error('db down'));
    expect(await rejection(verifier.verify(token))).toBe('other: db down');
  });

  it('keeps the last known row through a store outage, but never revives a forgotten user', async () => {
    const { clock, accounts, user, tokens, verifier } = await setup();
    const other = await accounts.create({
      username: 'lead',
      passwordHash: 'h',
      role: 'supervisor',
    });
    const { token } = tokens.issue(user);
    const otherToken = tokens.issue(other).token;
    await verifier.verify(token);
    await verifier.verify(otherToken);
    accounts.findById = () => Promise.reject(new Error('db down'));
    clock.advance(5 * 60_000); // well past the 30 s cache: the row is stale, the store down
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: user.id });
    verifier.forget(other.id); // disabled through this process
    expect(await rejection(verifier.verify(otherToken))).toBe('other: db down');
    // The token's own expiry still applies.
    clock.advance(11 * 60_000);
    expect(await rejection(verifier.verify(token))).toBe('expired');
  });
});
