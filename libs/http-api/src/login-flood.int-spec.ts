import { type AddressInfo } from 'node:net';
import { DEFAULT_LOGIN_LIMITS } from '@cti/auth';
import { startTestDatabase } from '../../testing/src/postgres-test-db';
import { type ApiTestApp, startApiTestApp, USER_PASSWORD } from './testing/api-test-app';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly ms: number;
}

async function timed(url: string, init?: RequestInit): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    ms: performance.now() - t0,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('a flood of wrong logins from strangers (real scrypt, PostgreSQL, HTTP)', () => {
  let api: ApiTestApp;
  let base: string;

  beforeAll(async () => {
    // Address and account limits out of the way: only the password-check gate bounds the flood.
    const login = {
      ...DEFAULT_LOGIN_LIMITS,
      maxFailures: 100_000,
      maxFailuresPerIp: 100_000,
      account: { freeFailures: 100_000, maxDelaySeconds: 60 },
    };
    api = await startApiTestApp(await startTestDatabase(), { settings: { login } });
    const server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => api?.close());

  it('200 wrong logins, 50 in flight: no 5xx, excess refused at once with Retry-After, every failure audited, /health answers', async () => {
    const logins: Answer[] = [];
    const health: Answer[] = [];
    let flooding = true;
    const poll = (async () => {
      while (flooding) {
        health.push(await timed(`${base}/health`));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    let next = 0;
    const worker = async () => {
      while (next < 200) {
        const i = next++;
        logins.push(
          await timed(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: 'sup', password: `wrong guess number ${i}` }),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    flooding = false;
    await poll;

    const refused = logins.filter((a) => a.status === 429);
    const failed = logins.filter((a) => a.status === 401).length;
    const healthMs = health.map((a) => a.ms);
    const p99 = percentile(healthMs, 99);
    console.log(
      `login flood: ${failed} × 401, ${refused.length} × 429; /health ${health.length} answers, ` +
        `p50 ${percentile(healthMs, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );
    const statuses = new Set([...logins, ...health].map((a) => a.status));
    expect([...statuses].filter((s) => s >= 500)).toEqual([]);
    expect(health.every((a) => a.status === 200)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.retryAfter === '1')).toBe(true);
    expect(failed + refused.length).toBe(200);
    // Every failure that was answered 401 left its audit row.
    const rows = await api.audit.list({ action: 'auth.login_failed', actor: 'sup', limit: 1000 });
    expect(rows).toHaveLength(failed);
    // A generous sanity bound only (the figure is printed above): seconds meant starvation.
    expect(p99).toBeLessThan(2_000);

    // The owner signs in right after the flood.
    expect((await api.login('sup', USER_PASSWORD)).status).toBe(200);
  });
});
