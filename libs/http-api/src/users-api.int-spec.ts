import { PasswordHasher } from '@cti/auth';
import { startTestDatabase } from '../../testing/src/postgres-test-db';
import {
  type ApiTestApp,
  startApiTestApp,
  type TestUser,
  USER_PASSWORD,
} from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

describe('users API: admin only, validated, audited (real PostgreSQL)', () => {
  let api: ApiTestApp;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${api.tokens[user]}` });
  const others: TestUser[] = ['sup', 'qa', 'lead.north', 'agent.7001'];

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it('every users route: 401 without a token, 403 for every role but admin', async () => {
    const id = api.ids['lead.south'];
    const calls = [
      () => api.http().get('/api/users'),
      () =>
        api
          .http()
          .post('/api/users')
          .send({ username: 'x.y.z', password: USER_PASSWORD, role: 'qa' }),
      () => api.http().patch(`/api/users/${id}`).send({ disabled: true }),
      () => api.http().post(`/api/users/${id}/password`).send({}),
    ];
    for (const call of calls) {
      expectError(await call(), 401, 'UNAUTHENTICATED');
      for (const user of others) expectError(await call().set(as(user)), 403, 'FORBIDDEN');
    }
    expect((await api.users.findById(id))!.disabled).toBe(false);
  });

  it('lists users without password hashes', async () => {
    const res = await api.http().get('/api/users').set(as('admin'));
    expect(res.status).toBe(200);
    const names = (res.body as { username: string }[]).map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining(['admin', 'sup', 'qa', 'lead.north', 'agent.7001']),
    );
    expect(res.text).not.toMatch(/scrypt|passwordHash|password_hash/);
    expectError(
      await api.http().get('/api/users?all=1').set(as('admin')),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('creates a user (audited, hash stored, password never echoed) and refuses a taken name with 409', async () => {
    const res = await api
      .http()
      .post('/api/users')
      .set(as('admin'))
      .send({ username: 'New.Agent', password: 'a new password 1', role: 'agent', agent: '7002' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'new.agent',
      role: 'agent',
      agent: '7002',
      team: null,
      disabled: false,
    });
    expect(res.text).not.toContain('a new password 1');
    const stored = (await api.users.findByUsername('new.agent'))!;
    await expect(
      api.app.get(PasswordHasher).verify('a new password 1', stored.passwordHash),
    ).resolves.toBe(true);
    const [entry] = await api.audit.list({ action: 'user.create' });
    expect(entry).toMatchObject({
      actor: 'admin',
      target: 'new.agent',
      details: { role: 'agent', agent: '7002', team: null },
    });
    expect(JSON.stringify(entry)).not.toContain('a new password 1');
    expect((await api.login('new.agent', 'a new password 1')).status).toBe(200);
    expectError(
      await api
        .http()
        .post('/api/users')
        .set(as('admin'))
        .send({ username: 'NEW.agent', password: 'whatever password', role: 'qa' }),
      409,
      'CONFLICT',
    );
  });

  it('validates creation: 400 naming each bad field', async () => {
    const bad = await api
      .http()
      .post('/api/users')
      .set(as('admin'))
      .send({ username: 'a b', password: 'short', role: 'root', admin: true });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(invalidFields(bad)).toEqual(['admin', 'password', 'role', 'username']);
    const noTeam = await api
      .http()
      .post('/api/users')
      .set(as('admin'))
      .send({ username: 'lead.x', password: USER_PASSWORD, role: 'team_leader' });
    expectError(noTeam, 400, 'VALIDATION_FAILED');
    expect(noTeam.body.details.fields).toEqual([
      { field: 'team', problems: ['a team_leader needs a team'] },
    ]);
    const unknown = await api.http().post('/api/users').set(as('admin')).send({
      username: 'agent.x',
      password: USER_PASSWORD,
      role: 'agent',
      agent: '9999',
      team: 'west',
    });
    expect(invalidFields(unknown)).toEqual(['agent', 'team']);
    expectError(
      await api.http().post('/api/users').set(as('admin')).send({
        username: 'ok.name',
        password: USER_PASSWORD,
        role: 'qa',
        team: "x'; DROP TABLE app_user; --",
      }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
