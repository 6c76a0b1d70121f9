import { type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTypeScriptMain } from '@cti/testing';
import { startTestDatabase, type TestDatabase } from '../../../libs/testing/src/postgres-test-db';

const SHUTDOWN_TIMEOUT_MS = 3_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function eventsSeen(base: string): Promise<number> {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    return Number(/\ncti_ami_events_total (\d+)/.exec(text)?.[1] ?? 0);
  } catch {
    return 0; // not listening yet
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

describe('SIGTERM under load', () => {
  let db: TestDatabase;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await db.stop();
  });

  it('stops the whole server within its shutdown deadline while the simulator floods it', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'cti-sigterm-'));
    chmodSync(dataDir, 0o755);
    child = spawnTypeScriptMain(join(__dirname, '../src/main.ts'), {
      PORT: String(port),
      DATABASE_URL: db.url,
      CTI_DATA_DIR: dataDir,
      CTI_ADMIN_PASSWORD: 'sigterm-admin-password',
      CTI_SIM_AGENTS: '200',
      CTI_SIM_SPEED: '20',
      CTI_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exit = exited(child);

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while ((await eventsSeen(base)) < 2_000) {
      if (Date.now() > deadline) throw new Error(`server never got busy:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([
      exit,
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), SHUTDOWN_TIMEOUT_MS + 3_000)),
    ]);
    const tookMs = Date.now() - signalledAt;

    expect({ code, output: code === 'hung' ? output : '' }).toEqual({
      code: expect.any(Number),
      output: '',
    });
    expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 3_000);
    expect(output).toContain('SIGTERM: stopping');
  }, 150_000);
});
