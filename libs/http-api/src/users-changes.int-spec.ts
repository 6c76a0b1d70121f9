import { startTestDatabase } from '../../testing/src/postgres-test-db';
import {
  type ApiTestApp,
  startApiTestApp,
  type TestUser,
  USER_PASSWORD,
} from './testing/api-test-app';
import { expectError, invalidFields } from './testing/expect-error';

describe('users API: updates, password resets, fail closed (real PostgreSQL)', () => {
  let api: ApiTestApp;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${api.tokens[user]}` });

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase());
  });
  afterAll(() => api?.close());

  it('updates role and team, revoking the old token, audited with before and after', async () => {
    const created = (
      await api
        .http()
        .post('/api/users')
        .set(as('admin'))
        .send({ username: 'mover', password: USER_PASSWORD, role: 'team_leader', team: 'north' })
    ).body as { id: string };
    const token = (await api.login('mover', USER_PASSWORD)).body.token as string;
    const res = await api
      .http()
      .patch(`/api/users/${created.id}`)
      .set(as('admin'))
      .send({ team: 'south' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'team_leader', team: 'south' });
    expectError(
      await api
        .http()
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` }),
      401,
      'UNAUTHENTICATED',
    );
    const [entry] = await api.audit.list({ action: 'user.update' });
    expect(entry).toMatchObject({
      actor: 'admin',
      target: 'mover',
      details: { before: { team: 'north' }, after: { team: 'south' } },
    });
    const cleared = await api
      .http()
      .patch(`/api/users/${created.id}`)
      .set(as('admin'))
      .send({ role: 'qa', team: null });
    expect(cleared.body).toMatchObject({ role: 'qa', team: null });
  });

  it('validates updates: empty body, unknown field, bad uuid, unknown id, impossible assignment', async () => {
    const id = api.ids['lead.south'];
    expectError(
      await api.http().patch(`/api/users/${id}`).set(as('admin')).send({}),
      400,
      'VALIDATION_FAILED',
    );
    const extra = await api
      .http()
      .patch(`/api/users/${id}`)
      .set(as('admin'))
      .send({ password: 'sneaky password 1' });
    expect(invalidFields(extra)).toEqual(['password']);
    expect(
      invalidFields(
        await api.http().patch('/api/users/not-a-uuid').set(as('admin')).send({ disabled: true }),
      ),
    ).toEqual(['id']);
    expectError(
      await api
        .http()
        .patch('/api/users/00000000-0000-4000-8000-000000000000')
        .set(as('admin'))
        .send({ disabled: true }),
      404,
      'NOT_FOUND',
    );
    expect(
      invalidFields(
        await api.http().patch(`/api/users/${id}`).set(as('admin')).send({ team: null }),
      ),
    ).toEqual(['team']);
    expect(
      invalidFields(
        await api.http().patch(`/api/users/${id}`).set(as('admin')).send({ disabled: 'yes' }),
      ),
    ).toEqual(['disabled']);
  });

  it('refuses to disable or demote the last enabled admin (409)', async () => {
    expectError(
      await api
        .http()
        .patch(`/api/users/${api.ids.admin}`)
        .set(as('admin'))
        .send({ disabled: true }),
      409,
      'CONFLICT',
    );
    expectError(
      await api
        .http()
        .patch(`/api/users/${api.ids.admin}`)
        .set(as('admin'))
        .send({ role: 'supervisor' }),
      409,
      'CONFLICT',
    );
    expect((await api.users.findById(api.ids.admin))!).toMatchObject({
      role: 'admin',
      disabled: false,
    });
  });

  it('resets a password: given or generated once, old password and tokens stop working, audited', async () => {
    const created = (
      await api
        .http()
        .post('/api/users')
        .set(as('admin'))
        .send({ username: 'forgetful', password: USER_PASSWORD, role: 'qa' })
    ).body as { id: string };
    const token = (await api.login('forgetful', USER_PASSWORD)).body.token as string;
    const generated = await api
      .http()
      .post(`/api/users/${created.id}/password`)
      .set(as('admin'))
      .send({});
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({
      password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      tokensRevoked: true,
    });
    expectError(
      await api
        .http()
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await api.login('forgetful', USER_PASSWORD), 401, 'UNAUTHENTICATED');
    expect((await api.login('forgetful', generated.body.password as string)).status).toBe(200);
    const chosen = await api
      .http()
      .post(`/api/users/${created.id}/password`)
      .set(as('admin'))
      .send({ password: 'chosen password 42' });
    expect(chosen.body).toEqual({ tokensRevoked: true });
    expect((await api.login('forgetful', 'chosen password 42')).status).toBe(200);
    const entries = await api.audit.list({ action: 'user.password_reset' });
    expect(entries.map((e) => e.details?.generated)).toEqual([false, true]);
    expect(JSON.stringify(entries)).not.toContain('chosen password 42');
    expect(JSON.stringify(entries)).not.toContain(generated.body.password as string);
    expect(
      invalidFields(
        await api
          .http()
          .post(`/api/users/${created.id}/password`)
          .set(as('admin'))
          .send({ password: 'short' }),
      ),
    ).toEqual(['password']);
  });

  it('fails closed: no audit entry, no change (503)', async () => {
    const original = api.audit.append.bind(api.audit);
    api.audit.append = () => Promise.reject(new Error('audit table locked'));
    try {
      expectError(
        await api
          .http()
          .patch(`/api/users/${api.ids['lead.south']}`)
          .set(as('admin'))
          .send({ disabled: true }),
        503,
        'UNAVAILABLE',
      );
    } finally {
      api.audit.append = original;
    }
    expect((await api.users.findById(api.ids['lead.south']))!.disabled).toBe(false);
  });
});
