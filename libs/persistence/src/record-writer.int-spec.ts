import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CoreOutput } from '@cti/domain';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { RecordWriter } from './record-writer';
import { SpoolCipher, loadSpoolKey } from './writer/spool-cipher';
import { expectRowsExactly } from './test-support/db-assertions';
import { expectedRows, mixedOutputs } from './test-support/mixed-outputs';

describe('RecordWriter (real PostgreSQL)', () => {
  let db: TestDatabase;
  let spoolDir: string;

  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(() => db.stop());
  beforeEach(async () => {
    spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-spool-'));
    await db.dataSource.query(
      'TRUNCATE "call_leg", "pause_interval", "agent_session", "agent_state_interval", "internal_call", "recording", "alert", "daily_agent_counter"',
    );
  });
  afterEach(() => rmSync(spoolDir, { recursive: true, force: true }));

  const newWriter = (): RecordWriter =>
    new RecordWriter({ dataSource: db.dataSource, timezone: 'UTC', spoolDir, flushIntervalMs: 20 });

  it('stores 10,000 mixed outputs, each row exactly once, though every output is written twice', async () => {
    const outputs = mixedOutputs({ count: 10_000 });
    const writer = newWriter();
    const started = Date.now();
    for (const o of outputs) {
      writer.write(o);
      writer.write(o);
    }
    expect(Date.now() - started).toBeLessThan(2_000); // write() only queues
    expect(await writer.drain()).toBe(true);
    const expected = expectedRows(outputs);
    expect(expected.call_leg).toBeGreaterThan(1_000);
    await expectRowsExactly(db.dataSource, expected);

    // A whole replay (a resync or restart re-sending everything) changes nothing either.
    for (const o of outputs) writer.write(o);
    expect(await writer.drain()).toBe(true);
    await expectRowsExactly(db.dataSource, expected);
    expect(writer.status).toMatchObject({ state: 'ok', queued: 0, spooled: 0, rejected: 0 });
    await writer.close();
  });

  it('derives state intervals: each ends when the next begins; only the current one stays open', async () => {
    const outputs = mixedOutputs({ count: 400, agents: 4 });
    const writer = newWriter();
    for (const o of outputs) writer.write(o);
    await writer.drain();
    const open = await db.dataSource.query<{ agent_id: string; n: number }[]>(
      'SELECT "agent_id", count(*)::int AS n FROM "agent_state_interval" WHERE "ended_at" IS NULL GROUP BY 1 ORDER BY 1',
    );
    expect(open).toEqual(
      ['A1000', 'A1001', 'A1002', 'A1003'].map((agent_id) => ({ agent_id, n: 1 })),
    );
    const gaps = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT "ended_at", lead("started_at") OVER (PARTITION BY "agent_id" ORDER BY "started_at") AS next
       FROM "agent_state_interval") s WHERE s.next IS NOT NULL AND s."ended_at" IS DISTINCT FROM s.next`,
    );
    expect(gaps[0]!.n).toBe(0);

    // A restarted writer closes what the earlier run left open at the agent's first new state.
    const later = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
    });
    const at = Date.parse('2026-11-27T23:00:00Z');
    later.write({
      type: 'agent-state',
      agentId: 'A1000',
      state: { status: 'available', since: at, loggedIn: true },
      resync: true,
    });
    await later.drain();
    const stillOpen = await db.dataSource.query<{ started_at: Date }[]>(
      `SELECT "started_at" FROM "agent_state_interval" WHERE "agent_id" = 'A1000' AND "ended_at" IS NULL`,
    );
    expect(stillOpen.map((r) => r.started_at.getTime())).toEqual([at]);
    await Promise.all([writer.close(), later.close()]);
  });

  it('sets a bad record aside without blocking the rows around it', async () => {
    const outputs = mixedOutputs({ count: 200, prefix: 'ok' });
    const legs = outputs.filter(
      (o): o is Extract<CoreOutput, { type: 'call-completed' }> => o.type === 'call-completed',
    );
    const bad: CoreOutput = {
      type: 'call-completed',
      leg: { ...legs[0]!.leg, id: 'bad-leg', day: 'not-a-day' },
    };
    const writer = newWriter();
    for (const o of outputs.slice(0, 100)) writer.write(o);
    writer.write(bad);
    for (const o of outputs.slice(100)) writer.write(o);
    expect(await writer.drain()).toBe(true);
    expect(writer.status.rejected).toBe(1);
    await expectRowsExactly(db.dataSource, expectedRows(outputs));
    const rejected = readFileSync(path.join(spoolDir, 'rejected.jsonl'), 'utf8').trim().split('\n');
    expect(rejected).toHaveLength(1);
    // Sealed at rest like the spool; whoever holds the key reads it back.
    const { reason, sealed } = JSON.parse(rejected[0]!) as { reason: string; sealed: string };
    expect(reason).toMatch(/date/);
    const cipher = new SpoolCipher(loadSpoolKey(undefined, path.join(spoolDir, 'spool.key')));
    expect(cipher.open(sealed)).toContain('bad-leg');
    await writer.close();
  });
});
