import { TokenRejected, TokenVerifier } from '@cti/wallboard';
import { AuthSettings, type Clock, TokenService } from '@cti/auth';
import { startTestDatabase } from '../../testing/src/postgres-test-db';
import {
  ADMIN_PASSWORD,
  type ApiTestApp,
  startApiTestApp,
  USER_PASSWORD,
} from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

describe('auth API: login, tokens, revocation, rate limit (real PostgreSQL)', () => {
  let api: ApiTestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it('logs in with a short-lived bearer token and the user, never the hash', async () => {
    const res = await api.login('Lead.North', USER_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as {
      token: string;
      tokenType: string;
      expiresAt: string;
      user: Record<string, unknown>;
    };
    expect(body.tokenType).toBe('Bearer');
    const ttl = Date.parse(body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect(body.user).toEqual({
      id: api.ids['lead.north'],
      username: 'lead.north',
      role: 'team_leader',
      team: 'north',
      agent: null,
      disabled: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('GET /api/auth/me tells who the token belongs to; 401 without or with a bad token', async () => {
    const me = await api.http().get('/api/auth/me').set(bearer(api.tokens['agent.7001']));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'agent.7001',
      role: 'agent',
      agent: '7001',
      team: 'north',
      seesNumbers: false,
    });
    expectError(await api.http().get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    const bad = await api.http().get('/api/auth/me').set(bearer('not.a.token'));
    expectError(bad, 401, 'UNAUTHENTICATED');
    expect(bad.body.message).toBe('invalid token');
    expect(bad.headers['www-authenticate']).toBe('Bearer');
    expectError(
      await api.http().get('/api/auth/me').set('Authorization', `Basic ${api.tokens.admin}`),
      401,
      'UNAUTHENTICATED',
    );
    // A token in the query string is never read.
    expectError(
      await api.http().get(`/api/auth/me?access_token=${api.tokens.admin}`),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses an expired token and one signed with another secret', async () => {
    const settings = api.app.get(AuthSettings);
    const past: Clock = { now: () => Date.now() - 16 * 60_000 };
    const user = (await api.users.findById(api.ids.sup))!;
    const expired = new TokenService(settings, past).issue(user).token;
    const res = await api.http().get('/api/auth/me').set(bearer(expired));
    expectError(res, 401, 'UNAUTHENTICATED');
    expect(res.body.message).toBe('token expired');
    const foreign = new TokenService(
      { ...settings, jwtSecret: 'another-secret-that-is-long-enough-xxxxx' },
      { now: Date.now },
    ).issue(user).token;
    expectError(await api.http().get('/api/auth/me').set(bearer(foreign)), 401, 'UNAUTHENTICATED');
  });

  it('answers every login failure alike (401) and audits it without the password', async () => {
    const wrong = await api.login('sup', 'wrong password 123');
    const unknown = await api.login('nobody-here', 'wrong password 123');
    for (const res of [wrong, unknown]) {
      expectError(res, 401, 'UNAUTHENTICATED');
      expect(res.body.message).toBe('invalid username or password');
    }
    const failed = await api.audit.list({ action: 'auth.login_failed' });
    expect(failed.map((e) => [e.actor, e.details?.reason])).toEqual(
      expect.arrayContaining([
        ['sup', 'bad_password'],
        ['nobody-here', 'unknown_user'],
      ]),
    );
    const logins = await api.audit.list({ action: 'auth.login' });
    expect(logins.map((e) => e.actor)).toEqual(
      expect.arrayContaining(['admin', 'sup', 'qa', 'lead.north', 'agent.7001']),
    );
    const everything = JSON.stringify(await api.audit.list({ limit: 1000 }));
    expect(everything).not.toContain('wrong password 123');
    expect(everything).not.toContain(USER_PASSWORD);
    expect(everything).not.toContain(ADMIN_PASSWORD);
  });

  it('validates the login body: 400 with field messages, unknown fields refused, malformed JSON not echoed', async () => {
    const res = await api
      .http()
      .post('/api/auth/login')
      .send({ username: '', password: 5, role: 'admin' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(invalidFields(res)).toEqual(['password', 'role', 'username']);
    expect(res.body.message).toMatch(/property role should not exist/);
    const malformed = await api
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"13812345678",');
    expectError(malformed, 400, 'VALIDATION_FAILED');
    expect(malformed.text).not.toContain('13812345678');
    const huge = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'sup', password: 'x'.repeat(300) });
    expectError(huge, 400, 'VALIDATION_FAILED');
    expect(invalidFields(huge)).toEqual(['password']);
  });

  it('refuses an oversized body with 413 in the same error shape', async () => {
    const res = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'sup', password: 'x'.repeat(200_000) });
    expectError(res, 413, 'VALIDATION_FAILED');
    expect(res.body.message).toBe('request body too large');
  });

  it('locks a username out after 5 failures: 429 with Retry-After even for the right password, alert audited', async () => {
    for (let i = 0; i < 5; i++)
      expectError(await api.login('qa', `bad password ${i}xx`), 401, 'UNAUTHENTICATED');
    const locked = await api.login('qa', USER_PASSWORD);
    expectError(locked, 429, 'RATE_LIMITED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(290);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(locked.body.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(await api.audit.list({ action: 'auth.login_locked', actor: 'qa' })).toHaveLength(1);
    // Others from the same address are not locked out by it.
    expect((await api.login('sup', USER_PASSWORD)).status).toBe(200);
  });

  it('slows one account guessed from many addresses (429 after 10 failures an hour), never its owner', async () => {
    const express = api.app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void };
    express.set('trust proxy', 'loopback'); // X-Forwarded-For names the guessers' addresses
    const from = (ip: string, password: string) =>
      api
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: 'lead.south', password });
    try {
      // Each guess from a new address: the address limits never trip, the account's does.
      let failures = 0;
      let slowed: Awaited<ReturnType<typeof from>> | undefined;
      for (let i = 0; i < 40 && !slowed; i++) {
        const res = await from(`198.51.100.${i}`, `wrong guess ${i}xx`);
        if (res.status === 429) {
          slowed = res;
        } else {
          expectError(res, 401, 'UNAUTHENTICATED');
          failures++;
        }
      }
      expect(failures).toBeGreaterThanOrEqual(10);
      expectError(slowed!, 429, 'RATE_LIMITED');
      expect(Number(slowed!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(slowed!.headers['retry-after'])).toBeLessThanOrEqual(60);
      // The owner's own address (it signed in from there at the start) is not slowed.
      expect((await api.login('lead.south', USER_PASSWORD)).status).toBe(200);
    } finally {
      express.set('trust proxy', false);
    }
  });

  it("rejects a disabled user's token at once, on the API and on the wallboard verifier", async () => {
    const created = await api
      .http()
      .post('/api/users')
      .set(bearer(api.tokens.admin))
      .send({ username: 'temp.lead', password: USER_PASSWORD, role: 'team_leader', team: 'south' });
    expect(created.status).toBe(201);
    const token = (await api.login('temp.lead', USER_PASSWORD)).body.token as string;
    expect((await api.http().get('/api/auth/me').set(bearer(token))).status).toBe(200);
    const wallboard = api.app.get(TokenVerifier);
    await expect(wallboard.verify(token)).resolves.toMatchObject({
      role: 'team_leader',
      teamId: 'south',
    });

    const disabled = await api
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set(bearer(api.tokens.admin))
      .send({ disabled: true });
    expect(disabled.status).toBe(200);
    const res = await api.http().get('/api/auth/me').set(bearer(token));
    expectError(res, 401, 'UNAUTHENTICATED');
    expect(res.body.message).toBe('token revoked');
    await expect(wallboard.verify(token)).rejects.toEqual(new TokenRejected('revoked'));
    expectError(await api.login('temp.lead', USER_PASSWORD), 401, 'UNAUTHENTICATED');

    await api
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set(bearer(api.tokens.admin))
      .send({ disabled: false });
    // Re-enabling does not bring old tokens back: disabling bumped the token version.
    expectError(await api.http().get('/api/auth/me').set(bearer(token)), 401, 'UNAUTHENTICATED');
    expect((await api.login('temp.lead', USER_PASSWORD)).status).toBe(200);
  });

  it('fails closed (503) when the token cannot be checked because the user store is down', async () => {
    const users = api.users;
    const original = users.findById.bind(users);
    const created = await api
      .http()
      .post('/api/users')
      .set(bearer(api.tokens.admin))
      .send({ username: 'temp.qa', password: USER_PASSWORD, role: 'qa' });
    const token = (await api.login('temp.qa', USER_PASSWORD)).body.token as string;
    users.findById = () => Promise.reject(new Error('connection terminated'));
    try {
      const res = await api.http().get('/api/auth/me').set(bearer(token));
      expectError(res, 503, 'UNAVAILABLE');
      expect(res.text).not.toContain('connection terminated');
    } finally {
      users.findById = original;
    }
    expect(created.status).toBe(201);
  });
});
