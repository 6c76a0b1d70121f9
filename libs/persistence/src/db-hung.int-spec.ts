import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CoreOutput } from '@cti/domain';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { RecordWriter } from './record-writer';
import { expectRowsExactly, tableCounts } from './test-support/db-assertions';
import { expectedRows, mixedOutputs } from './test-support/mixed-outputs';
import { signalCluster } from './test-support/postgres-processes';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps writing `outputs` in bursts until `stop()` says so or they run out. */
async function streamUntil(
  writer: RecordWriter,
  outputs: readonly CoreOutput[],
  stop: () => boolean,
): Promise<number> {
  let i = 0;
  for (; i < outputs.length && !stop(); i += 50) {
    for (const o of outputs.slice(i, i + 50)) writer.write(o);
    await sleep(20);
  }
  return Math.min(i, outputs.length);
}

/** The spool holds the customer numbers of the legs it carries, but never in clear. */
function expectNoNumberInClear(file: string, outputs: readonly CoreOutput[]): void {
  const onDisk = readFileSync(file, 'utf8');
  expect(onDisk.length).toBeGreaterThan(0);
  const numbers = new Set(
    outputs.flatMap((o) => (o.type === 'call-completed' ? [o.leg.customerNumber] : [])),
  );
  expect(numbers.size).toBeGreaterThan(10);
  expect([...numbers].filter((n) => onDisk.includes(n))).toEqual([]);
}

const SPILL_AFTER_MS = 10_000; // the documented default, measured here as the product runs

describe('database faults: a hung PostgreSQL (real embedded server, records flowing)', () => {
  let db: TestDatabase;
  let spoolDir: string;

  beforeAll(async () => {
    db = await startTestDatabase({ embedded: true });
  });
  afterAll(async () => {
    signalCluster(db.server!.dataDir, 'SIGCONT');
    await db.stop();
  });
  beforeEach(async () => {
    signalCluster(db.server!.dataDir, 'SIGCONT'); // a failed test must not leave it frozen
    spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-spool-'));
    await db.dataSource.query(
      'TRUNCATE "call_leg", "pause_interval", "agent_session", "agent_state_interval", "internal_call", "recording", "alert", "daily_agent_counter"',
    );
  });
  afterEach(() => rmSync(spoolDir, { recursive: true, force: true }));

  it('SIGSTOPped server: records spill by the deadline, status degraded; resumed: every record exactly once', async () => {
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
    });
    const outputs = mixedOutputs({ count: 6_000, prefix: 'hung' });
    await streamUntil(writer, outputs.slice(0, 1_000), () => false);
    expect(await writer.drain()).toBe(true);

    signalCluster(db.server!.dataDir, 'SIGSTOP');
    const frozenAt = Date.now();
    let spilledAt = 0;
    const spilled = (): boolean => {
      const s = writer.status;
      if (spilledAt === 0 && s.spooled > 0 && s.queued === 0) spilledAt = Date.now();
      return spilledAt !== 0;
    };
    const sent = 1_000 + (await streamUntil(writer, outputs.slice(1_000, 5_000), spilled));
    while (!spilled() && Date.now() - frozenAt < SPILL_AFTER_MS + 10_000) await sleep(20);
    const secondsToSpill = (spilledAt - frozenAt) / 1000;
    console.log(`hung database: records spilled ${secondsToSpill.toFixed(2)} s after SIGSTOP`);
    expect(spilledAt).toBeGreaterThan(0);
    // The contract: spill after 10 s of failing writes. The slack is for this shared test machine,
    // whose timers run late under load; without a client-side deadline it took ~70 s.
    expect(spilledAt - frozenAt).toBeLessThanOrEqual(SPILL_AFTER_MS + 5_000);
    expect(writer.status).toMatchObject({ state: 'degraded', queued: 0 });
    expect(writer.status.lastError).toMatch(/no answer within/);
    expectNoNumberInClear(path.join(spoolDir, 'records.jsonl'), outputs);

    signalCluster(db.server!.dataDir, 'SIGCONT');
    for (const o of outputs.slice(sent)) writer.write(o);
    expect(await writer.drain(60_000)).toBe(true);
    await expectRowsExactly(db.dataSource, expectedRows(outputs));
    expect(writer.status).toMatchObject({ state: 'ok', queued: 0, spooled: 0, rejected: 0 });
    expect(existsSync(path.join(spoolDir, 'records.jsonl'))).toBe(false);
    await writer.close();
  }, 90_000);

  it('writes that timed out client-side but commit server-side later are not doubled by the spool', async () => {
    // COMMIT waits for a synchronous standby that does not exist: the writer gives up on it, yet
    // the transaction commits once the standby requirement is lifted. Deterministic "late commit".
    const admin = db.connect();
    await admin.initialize();
    const dbName = new URL(db.url).pathname.slice(1);
    await admin.query(`ALTER DATABASE "${dbName}" SET synchronous_commit = 'on'`);
    await admin.query(`ALTER SYSTEM SET synchronous_standby_names = 'ghost_standby'`);
    await admin.query('SELECT pg_reload_conf()');
    const writerDb = db.connect(); // new sessions: they take the database's synchronous_commit
    await writerDb.initialize();
    const writer = new RecordWriter({
      dataSource: writerDb,
      timezone: 'UTC',
      spoolDir,
      writeTimeoutMs: 1_000,
      spillAfterMs: 2_500,
    });
    try {
      const outputs = mixedOutputs({ count: 2_000, prefix: 'late' });
      for (const o of outputs) writer.write(o);
      const until = Date.now() + 15_000;
      while (writer.status.spooled === 0 && Date.now() < until) await sleep(50);
      expect(writer.status).toMatchObject({ state: 'degraded', queued: 0 });
      expect(writer.status.written.call_leg).toBe(0);

      await admin.query('ALTER SYSTEM RESET synchronous_standby_names');
      await admin.query('SELECT pg_reload_conf()');
      // The abandoned transactions commit now: rows appear that the writer never saw stored.
      let lateRows = 0;
      while (lateRows === 0 && writer.status.written.call_leg === 0) {
        const rows = (await tableCounts(admin)).call_leg;
        if (writer.status.written.call_leg === 0) lateRows = rows;
        await sleep(10);
      }
      expect(lateRows).toBeGreaterThan(0);

      expect(await writer.drain(30_000)).toBe(true);
      await expectRowsExactly(admin, expectedRows(outputs));
    } finally {
      await writer.close();
      await admin.query(`ALTER DATABASE "${dbName}" RESET synchronous_commit`);
      await admin.query('ALTER SYSTEM RESET synchronous_standby_names');
      await admin.query('SELECT pg_reload_conf()');
    }
  }, 60_000);
});
