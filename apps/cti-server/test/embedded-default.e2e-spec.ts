import { type INestApplication } from '@nestjs/common';
import { chmodSync, mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '@cti/testing';
import { startServer } from '../src/main';
import { readServerSettings } from '../src/live/server-settings';

interface LiveAgent {
  id: string;
  status: string;
  effectiveToday: number;
}

let token = '';

/** A fresh data folder the embedded PostgreSQL's own user can enter. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cti-e2e-'));
  chmodSync(dir, 0o755);
  return dir;
}

async function getJson<T>(base: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('npm start with nothing configured', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    // No AMI_HOST, no config file: the built-in simulator, sped up so a test sees a busy floor;
    // the embedded PostgreSQL (or DATABASE_URL when the environment gives one).
    const env = {
      CTI_SIM_SPEED: '60',
      CTI_ADMIN_PASSWORD: 'e2e-admin-password',
      CTI_DATA_DIR: dataDir(),
      DATABASE_URL: process.env.DATABASE_URL,
    };
    const settings = readServerSettings(env);
    expect(settings.simulator).toBeDefined();
    app = await startServer({ ...settings, port: 0 }, env);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: env.CTI_ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { token: string }).token;
  }, 120_000);

  afterAll(async () => {
    await app.close();
  });

  it('becomes healthy once connected to the simulator and resynced, and serves the wallboard page', async () => {
    const health = await until(async () => {
      const r = await getJson<{ status: string }>(base, '/health');
      return r.status === 200 ? r.body : undefined;
    }, 15_000);
    expect(health.status).toBe('ok');
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('serves the quota-day and QA pages and the OpenAPI description', async () => {
    expect((await fetch(`${base}/workforce/`)).status).toBe(200);
    expect((await fetch(`${base}/qa/`)).status).toBe(200);
    const api = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/api/agents', '/api/calls', '/api/queues']),
    );
  });

  it('sends one security policy with every page and API answer, and no X-Powered-By', async () => {
    for (const path of [
      '/',
      '/workforce/',
      '/qa/',
      '/qa/qa.js',
      '/api/agents',
      '/health',
      '/nope',
    ]) {
      const res = await fetch(`${base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("script-src 'self'") });
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses the live API without a token', async () => {
    const res = await fetch(`${base}/api/agents`);
    expect(res.status).toBe(401);
  });

  it('shows agents changing state and effective calls increasing', async () => {
    const first = (await getJson<LiveAgent[]>(base, '/api/agents')).body;
    const seen = new Set(first.map((a) => `${a.id}:${a.status}`));
    const total = (agents: LiveAgent[]) => agents.reduce((n, a) => n + a.effectiveToday, 0);
    const later = await until(async () => {
      const agents = (await getJson<LiveAgent[]>(base, '/api/agents')).body;
      agents.forEach((a) => seen.add(`${a.id}:${a.status}`));
      return total(agents) > total(first) && seen.size > first.length ? agents : undefined;
    }, 20_000);
    expect(total(later)).toBeGreaterThan(total(first));
    expect(new Set([...seen].map((s) => s.split(':')[1]))).toContain('on-call');
  });

  it('times each event-driven state change into the event→state histogram on /metrics', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const count = Number(/^cti_event_to_state_seconds_count (\d+)$/m.exec(text)?.[1]);
    const changes = Number(/^cti_agent_state_changes_total (\d+)$/m.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    // Clock-driven changes (wrap-up ending) have no event behind them and are not timed.
    expect(count).toBeLessThanOrEqual(changes);
  });
});
