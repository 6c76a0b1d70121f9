import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentDirectory, type AgentLeg, type CallCenterConfig, DayBook } from '@cti/domain';
import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { recomputeDay } from './daily-counters';
import { loadDay, seedDayBook } from './day-restore';
import { RecordWriter } from './record-writer';
import { expectRowsExactly } from './test-support/db-assertions';
import { expectedRows, mixedOutputs } from './test-support/mixed-outputs';

const config: CallCenterConfig = {
  timezone: 'UTC',
  ami: { port: 5038 },
  rules: {
    version: 'r1',
    effective: {
      minTalkSeconds: 30,
      directions: ['inbound', 'outbound'],
      uniqueNumberPerAgentDay: true,
    },
    quota: { default: 40, newHire: 20, newHireDays: 30 },
    pauses: { defaultLimitSeconds: 60, limitsByReason: {} },
    wrapUpPauseReasons: [],
  },
  queues: [],
  teams: [],
  agents: Array.from({ length: 20 }, (_, a) => ({
    id: `A${1000 + a}`,
    name: `Agent ${a}`,
    hireDate: '2020-01-01',
    interfaces: [],
    devices: [],
  })),
};

describe('restoring a day after a restart (real PostgreSQL)', () => {
  let db: TestDatabase;
  let spoolDir: string;

  beforeAll(async () => {
    db = await startTestDatabase();
    spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-spool-'));
  });
  afterAll(async () => {
    rmSync(spoolDir, { recursive: true, force: true });
    await db.stop();
  });

  it('gives back the day as written, seeds a DayBook to the same counts, and replays add nothing', async () => {
    const outputs = mixedOutputs({ count: 3_000 });
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
    });
    for (const o of outputs) writer.write(o);
    expect(await writer.drain()).toBe(true);

    const restored = await loadDay(db.dataSource, '2026-11-27');
    const legs = outputs.flatMap((o) => (o.type === 'call-completed' ? [o.leg] : []));
    const byEnd = (a: AgentLeg, b: AgentLeg): number =>
      a.endedAt - b.endedAt || (a.id < b.id ? -1 : 1);
    expect(restored.legs).toEqual([...legs].sort(byEnd));
    const ended = outputs.flatMap((o) => (o.type === 'pause-ended' ? [o.pause] : []));
    expect(restored.pauses.filter((p) => p.endedAt !== undefined)).toHaveLength(ended.length);
    expect(restored.pauses).toEqual(expect.arrayContaining(ended));
    expect(restored.sessions).toHaveLength(20);
    expect(restored.internalCalls.length).toBeGreaterThan(0);
    expect(await loadDay(db.dataSource, '2026-11-28')).toMatchObject({
      legs: [],
      pauses: [],
      sessions: [],
    });

    // The restarted process: a fresh DayBook, seeded from the database, counts what the DB counts.
    const book = new DayBook(config, new AgentDirectory(config));
    const seeded = seedDayBook(book, restored);
    expect(seeded.size).toBe(legs.length);
    const counters = await db.dataSource.query<{ agent_id: string; effective_unique: number }[]>(
      `SELECT "agent_id", "effective_unique" FROM "daily_agent_counter" WHERE "day" = '2026-11-27'`,
    );
    for (const c of counters)
      expect(book.progress(c.agent_id, '2026-11-27').counted).toBe(c.effective_unique);

    // Then the PBX resync and replays re-send the same records: nothing is counted twice.
    const again = new RecordWriter({
      dataSource: db.dataSource,
      timezone: 'UTC',
      spoolDir,
      flushIntervalMs: 20,
    });
    for (const o of outputs) again.write(o);
    expect(await again.drain()).toBe(true);
    await recomputeDay(db.dataSource, '2026-11-27');
    await expectRowsExactly(db.dataSource, expectedRows(outputs));
    expect((await loadDay(db.dataSource, '2026-11-27')).legs).toHaveLength(legs.length);
    await Promise.all([writer.close(), again.close()]);
  });
});
