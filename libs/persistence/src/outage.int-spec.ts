import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CoreOutput } from '@cti/domain';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { RecordWriter, type WriterStatus } from './record-writer';
import { expectRowsExactly } from './test-support/db-assertions';
import { expectedRows, mixedOutputs } from './test-support/mixed-outputs';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(20);
  }
}

/** Writes `outputs` in small bursts, as a live call center would, until all are written. */
async function stream(
  writer: RecordWriter,
  outputs: readonly CoreOutput[],
  perBurst: number,
): Promise<void> {
  for (let i = 0; i < outputs.length; i += perBurst) {
    for (const o of outputs.slice(i, i + perBurst)) writer.write(o);
    await sleep(5);
  }
}

describe('outage: PostgreSQL stops mid-stream (embedded server, really stopped)', () => {
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

  it('queues, spills to the spool file, drains in order on return: every record exactly once', async () => {
    const spoolFile = path.join(spoolDir, 'records.jsonl');
    const states: WriterStatus['state'][] = [];
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
      batchRows: 500,
      maxQueuedRows: 1_000,
      spillAfterMs: 60_000,
      retryInitialMs: 50,
      retryMaxMs: 300,
      onStatus: (s) => states.push(s.state),
    });
    const outputs = mixedOutputs({ count: 12_000, prefix: 'outage' });

    await stream(writer, outputs.slice(0, 3_000), 100);
    await db.stopServer();
    // Writes go on while the database is away: memory fills, then the spool file takes over.
    await stream(writer, outputs.slice(3_000, 9_000), 100);
    await waitFor(() => writer.status.state === 'degraded', 5_000);
    expect(writer.status.spooled).toBeGreaterThan(3_000);
    expect(statSync(spoolFile).size).toBeGreaterThan(0);
    expect(writer.status.queued).toBeLessThanOrEqual(1_000 + 500);

    await db.startServer();
    await stream(writer, outputs.slice(9_000), 100);
    expect(await writer.drain(30_000)).toBe(true);

    await expectRowsExactly(db.dataSource, expectedRows(outputs));
    expect(existsSync(spoolFile)).toBe(false);
    expect(writer.status).toMatchObject({ state: 'ok', queued: 0, spooled: 0, rejected: 0 });
    // In order: a leg produced later was never stored in an earlier transaction.
    const legs = await db.dataSource.query<{ id: string; stored_at: Date }[]>(
      'SELECT "id", "stored_at" FROM "call_leg"',
    );
    const byStream = legs.sort((a, b) => Number(a.id.split(':')[2]) - Number(b.id.split(':')[2]));
    const outOfOrder = byStream.filter(
      (leg, i) => i > 0 && leg.stored_at < byStream[i - 1]!.stored_at,
    );
    expect(outOfOrder).toEqual([]);
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['ok', 'degraded', 'ok']);
    await writer.close();
  });

  it('keeps the spool across a process restart during the outage, and the next writer drains it', async () => {
    await db.dataSource.query(
      'TRUNCATE "call_leg", "pause_interval", "agent_session", "agent_state_interval", "internal_call", "recording", "alert", "daily_agent_counter"',
    );
    const options = {
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
      spillAfterMs: 200,
      retryInitialMs: 50,
      retryMaxMs: 200,
    };
    const outputs = mixedOutputs({ count: 3_000, prefix: 'restart' });
    const first = new RecordWriter({ dataSource: db.dataSource, ...options });
    await stream(first, outputs.slice(0, 1_000), 100);
    expect(await first.drain()).toBe(true);
    await db.stopServer();
    await stream(first, outputs.slice(1_000, 2_000), 100);
    await waitFor(() => first.status.spooled > 0, 5_000); // spilled after 200 ms of outage
    await first.close(500); // the process goes down with the database still away
    expect(statSync(path.join(spoolDir, 'records.jsonl')).size).toBeGreaterThan(0);

    await db.startServer();
    const second = new RecordWriter({ dataSource: db.dataSource, ...options });
    expect(second.status.state).toBe('degraded');
    expect(second.status.spooled).toBeGreaterThan(1_000);
    await stream(second, outputs.slice(2_000), 100);
    expect(await second.drain(30_000)).toBe(true);
    // The new writer knows nothing of the first one's open states: closing happens by key.
    await expectRowsExactly(db.dataSource, expectedRows(outputs));
    expect(existsSync(path.join(spoolDir, 'records.jsonl'))).toBe(false);
    await second.close();
  });
});
