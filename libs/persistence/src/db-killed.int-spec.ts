import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { type EmbeddedStatus } from './embedded-postgres';
import { RecordWriter } from './record-writer';
import { expectRowsExactly } from './test-support/db-assertions';
import { expectedRows, mixedOutputs } from './test-support/mixed-outputs';
import { postmasterPid } from './test-support/postgres-processes';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('database faults: the embedded PostgreSQL is killed (SIGKILL to the postmaster)', () => {
  let db: TestDatabase;
  let spoolDir: string;

  beforeAll(async () => {
    db = await startTestDatabase({ embedded: true });
  });
  afterAll(() => db.stop());
  beforeEach(() => {
    spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-spool-'));
  });
  afterEach(() => rmSync(spoolDir, { recursive: true, force: true }));

  it('is named down, restarted with backoff, and the spool drains: every record exactly once', async () => {
    const server = db.server!;
    const statuses: EmbeddedStatus[] = [];
    server.onStatus((s) => statuses.push(s));
    // The test cluster runs with synchronous_commit off, which a killed server may undo: the
    // writer's sessions commit durably, as the product's server does.
    const dbName = new URL(db.url).pathname.slice(1);
    await db.dataSource.query(`ALTER DATABASE "${dbName}" SET synchronous_commit = 'on'`);
    const writerDb = db.connect();
    await writerDb.initialize();
    const writer = new RecordWriter({
      dataSource: writerDb,
      timezone: 'UTC',
      spoolDir,
      spillAfterMs: 1_000, // spill soon, so the drain after the restart is a real spool drain
    });
    const back = server.onStatus((s) => {
      if (s.state === 'up') writer.retryNow(); // as the server wires it
    });
    const outputs = mixedOutputs({ count: 6_000, prefix: 'killed' });
    for (const o of outputs.slice(0, 1_000)) writer.write(o);
    expect(await writer.drain()).toBe(true);

    process.kill(postmasterPid(server.dataDir), 'SIGKILL');
    const killedAt = Date.now();
    let upAt = 0;
    let maxSpooled = 0;
    let i = 1_000;
    // Records keep flowing while it is down and while it comes back.
    while (upAt === 0 && Date.now() - killedAt < 60_000) {
      for (const o of outputs.slice(i, i + 100)) writer.write(o);
      i = Math.min(i + 100, 5_000);
      maxSpooled = Math.max(maxSpooled, writer.status.spooled);
      const sawDown = statuses.some((s) => s.state === 'down');
      if (sawDown && server.status.state === 'up') upAt = Date.now();
      await sleep(50);
    }
    expect(upAt).toBeGreaterThan(0);
    for (const o of outputs.slice(i)) writer.write(o);
    expect(await writer.drain(60_000)).toBe(true);
    const drainedAt = Date.now();
    console.log(
      `killed database: restarted ${((upAt - killedAt) / 1000).toFixed(2)} s after SIGKILL, ` +
        `spool drained ${((drainedAt - killedAt) / 1000).toFixed(2)} s after it`,
    );

    const down = statuses.find((s) => s.state === 'down');
    expect(down?.reason).toBe('postgres killed by SIGKILL');
    expect(statuses.at(-1)?.state).toBe('up');
    expect(writer.status.spooled).toBe(0);
    await expectRowsExactly(writerDb, expectedRows(outputs));
    expect(writer.status).toMatchObject({ state: 'ok', queued: 0, rejected: 0 });
    expect(existsSync(path.join(spoolDir, 'records.jsonl'))).toBe(false);
    expect(maxSpooled).toBeGreaterThan(0); // the records really went through the spool
    back();
    await writer.close();
  }, 120_000);
});
