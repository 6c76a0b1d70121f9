import { type INestApplication } from '@nestjs/common';
import { type AddressInfo } from 'node:net';
import { startServer } from '../src/main';
import { readServerSettings } from '../src/live/server-settings';

interface LiveAgent {
  id: string;
  status: string;
  effectiveToday: number;
}

async function getJson<T>(base: string, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start with nothing configured', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    // No AMI_HOST, no config file: the built-in simulator, sped up so a test sees a busy floor.
    const settings = readServerSettings({ CTI_SIM_SPEED: '60' });
    expect(settings.simulator).toBeDefined();
    app = await startServer({ ...settings, port: 0 });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('becomes healthy once connected to the simulator and resynced', async () => {
    const health = await until(async () => {
      const r = await getJson<{ status: string; simulated: boolean }>(base, '/health');
      return r.status === 200 ? r.body : undefined;
    }, 10_000);
    expect(health).toMatchObject({ status: 'ok', simulated: true });
  });

  it('shows agents changing state and effective calls increasing', async () => {
    const first = (await getJson<{ agents: LiveAgent[] }>(base, '/api/live')).body.agents;
    const seen = new Set(first.map((a) => `${a.id}:${a.status}`));
    const total = (agents: LiveAgent[]) => agents.reduce((n, a) => n + a.effectiveToday, 0);
    const later = await until(async () => {
      const agents = (await getJson<{ agents: LiveAgent[] }>(base, '/api/live')).body.agents;
      agents.forEach((a) => seen.add(`${a.id}:${a.status}`));
      return total(agents) > total(first) && seen.size > first.length ? agents : undefined;
    }, 20_000);
    expect(total(later)).toBeGreaterThan(total(first));
    expect(new Set([...seen].map((s) => s.split(':')[1]))).toContain('on-call');
  });
});
