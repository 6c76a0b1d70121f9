import { TokenVerifier } from '@cti/wallboard';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { type ApiTestApp, startApiTestApp, USER_PASSWORD } from './testing/api-test-app';
import { expectError } from './testing/expect-error';

describe('a database outage (embedded PostgreSQL stopped): login 503, live views keep working', () => {
  let db: TestDatabase;
  let api: ApiTestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = await startTestDatabase({ embedded: true });
    // A 1 s user cache, so the outage test does not wait 30 s for rows to go stale.
    api = await startApiTestApp(db, { settings: { userCacheSeconds: 1 } });
  });
  afterAll(() => api?.close());

  it('answers login with 503 UNAVAILABLE, serves /api/agents, /api/queues and the wallboard check from known users, and recovers', async () => {
    const sup = api.tokens.sup;
    expect((await api.http().get('/api/agents').set(bearer(sup))).status).toBe(200);

    await db.stopServer();
    await new Promise((r) => setTimeout(r, 1_200)); // the cached row is stale now

    const login = await api.login('sup', USER_PASSWORD);
    expectError(login, 503, 'UNAVAILABLE');
    expect(login.text).not.toMatch(/ECONNREFUSED|terminat/i);

    const agents = await api.http().get('/api/agents').set(bearer(sup));
    expect(agents.status).toBe(200);
    expect(Array.isArray(agents.body)).toBe(true);
    expect((await api.http().get('/api/queues').set(bearer(sup))).status).toBe(200);
    await expect(api.app.get(TokenVerifier).verify(sup)).resolves.toMatchObject({
      userId: api.ids.sup,
      role: 'supervisor',
    });
    // A user not seen before the outage cannot be checked: closed, and said to be temporary.
    expectError(await api.http().get('/api/agents').set(bearer(api.tokens.qa)), 503, 'UNAVAILABLE');

    await db.startServer();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await api.login('sup', USER_PASSWORD)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await api.http().get('/api/agents').set(bearer(api.tokens.qa))).status).toBe(200);
  });
});
