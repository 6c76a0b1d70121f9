import { type INestApplication } from '@nestjs/common';
import { chmodSync, mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '@cti/testing';
import {
  postmasterPid,
  signalCluster,
} from '../../../libs/persistence/src/test-support/postgres-processes';
import { startServer } from '../src/main';
import { readServerSettings } from '../src/live/server-settings';

interface Health {
  status: string;
  database: { ok: boolean; down?: string };
  spool: { state: string; queued: number; spooled: number };
}

describe('the running product through database faults (embedded PostgreSQL, simulator traffic)', () => {
  let app: INestApplication;
  let base: string;
  let pgDir: string;

  const health = async (): Promise<{ status: number; body: Health }> => {
    const res = await fetch(`${base}/health`);
    return { status: res.status, body: (await res.json()) as Health };
  };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cti-dbfault-'));
    chmodSync(dataDir, 0o755); // the embedded server's own OS user must enter it
    pgDir = join(dataDir, 'postgres');
    const env = {
      CTI_SIM_SPEED: '60',
      CTI_ADMIN_PASSWORD: 'e2e-admin-password',
      CTI_DATA_DIR: dataDir,
    };
    app = await startServer({ ...readServerSettings(env), port: 0 }, env);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await until(async () => ((await health()).status === 200 ? true : undefined), 30_000);
  }, 120_000);

  afterAll(async () => {
    signalCluster(pgDir, 'SIGCONT');
    await app.close();
  });

  it('a hung database: /health shows the writer degraded once the write deadline passes, ok after', async () => {
    signalCluster(pgDir, 'SIGSTOP');
    const degraded = await until(async () => {
      const h = await health();
      return h.body.spool.state === 'degraded' ? h : undefined;
    }, 20_000);
    expect(degraded.status).toBe(503);
    expect(degraded.body.database.ok).toBe(false);
    signalCluster(pgDir, 'SIGCONT');
    const ok = await until(async () => {
      const h = await health();
      return h.status === 200 && h.body.spool.state === 'ok' ? h : undefined;
    }, 60_000);
    expect(ok.body.spool.spooled).toBe(0); // live traffic keeps a few records queued: no spool
  }, 90_000);

  it('a killed database: /health names it down, the supervisor restarts it, /health ok again', async () => {
    process.kill(postmasterPid(pgDir), 'SIGKILL');
    const down = await until(async () => {
      const h = await health();
      return h.body.database.down ? h : undefined;
    }, 10_000);
    expect(down.status).toBe(503);
    expect(down.body.database.down).toMatch(/embedded PostgreSQL down: postgres killed by SIGKILL/);
    const back = await until(async () => {
      const h = await health();
      return h.status === 200 && h.body.spool.state === 'ok' ? h : undefined;
    }, 60_000);
    expect(back.body.database).toEqual({ ok: true });
  }, 90_000);
});
