import request from 'supertest';
import { DEFAULT_LOGIN_LIMITS } from '@cti/auth';
import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { applyTrustProxy, parseTrustProxy } from './security/trust-proxy';
import { expectError } from './testing/expect-error';
import { type ApiTestApp, startApiTestApp, USER_PASSWORD } from './testing/api-test-app';

// Three failures from one address block it; the per-user limit is out of reach here.
const LIMITS = {
  ...DEFAULT_LOGIN_LIMITS,
  maxFailures: 100,
  maxFailuresPerIp: 3,
  windowSeconds: 300,
};

describe('login limiter behind a reverse proxy (CTI_TRUST_PROXY, real app)', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp(await startTestDatabase(), { settings: { login: LIMITS } });
  }, 120_000);
  afterAll(() => api?.close());

  const loginFrom = (forwardedFor: string, username: string, password: string) =>
    request(api.app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ username, password });

  async function failThreeTimesFrom(forwardedFor: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      expectError(
        await loginFrom(forwardedFor, `nobody${i}`, 'wrong password 123'),
        401,
        'UNAUTHENTICATED',
      );
    }
  }

  it('off (the default): X-Forwarded-For is ignored, every client is the socket address', async () => {
    await failThreeTimesFrom('203.0.113.1');
    // Another forwarded address changes nothing: the limiter saw 127.0.0.1 each time.
    expect((await loginFrom('203.0.113.2', 'sup', USER_PASSWORD)).status).toBe(429);
    const failed = await api.audit.list({ action: 'auth.login_failed' });
    expect(failed.map((e) => (e.details as { ip: string }).ip)).not.toContain('203.0.113.1');
  });

  it('with one trusted hop, the limiter keys by the address the proxy forwarded', async () => {
    applyTrustProxy(api.app, parseTrustProxy('1'));
    await failThreeTimesFrom('198.51.100.1');
    expect((await loginFrom('198.51.100.1', 'sup', USER_PASSWORD)).status).toBe(429);
    expect((await loginFrom('198.51.100.2', 'sup', USER_PASSWORD)).status).toBe(200);
    // A client cannot pick its address: with one hop, only the proxy's last entry counts.
    expect((await loginFrom('198.51.100.2, 198.51.100.1', 'sup', USER_PASSWORD)).status).toBe(429);
    const failed = await api.audit.list({ action: 'auth.login_failed' });
    expect(failed.map((e) => (e.details as { ip: string }).ip)).toContain('198.51.100.1');
  });
});
