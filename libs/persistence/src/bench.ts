import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AgentLeg } from '@cti/domain';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import { type OpenedDatabase, openDatabase, quoteIdent } from './database';
import { freePort } from './embedded-postgres';
import { CallLegEntity } from './entities';
import { RecordWriter } from './record-writer';

export interface PersistenceBenchOptions {
  /** Rows through the RecordWriter (default 100,000). */
  readonly rows?: number;
  /** Rows through one TypeORM insert each, the baseline (default 1,000). */
  readonly baselineRows?: number;
  /** A server to bench on (a scratch database is created and dropped); default: embedded. */
  readonly url?: string;
  readonly batchRows?: number;
}

export interface PersistenceBenchResult {
  readonly database: 'embedded' | 'url';
  readonly writer: {
    readonly rows: number;
    readonly seconds: number;
    readonly rowsPerSecond: number;
  };
  readonly baseline: {
    readonly rows: number;
    readonly seconds: number;
    readonly rowsPerSecond: number;
  };
  readonly speedup: number;
}

/** Sustained rows/s of the batching writer vs one ORM insert per row, on a real PostgreSQL. */
export async function benchPersistence(
  options: PersistenceBenchOptions = {},
): Promise<PersistenceBenchResult> {
  const rows = options.rows ?? 100_000;
  const baselineRows = options.baselineRows ?? 1_000;
  const scratch = `cti_bench_${randomBytes(4).toString('hex')}`;
  const dir = path.join(tmpdir(), scratch);
  let db: OpenedDatabase;
  if (options.url) {
    const u = new URL(options.url);
    u.pathname = `/${scratch}`;
    db = await openDatabase({ url: u.toString() });
  } else {
    // Durable settings (fsync on), like the product's embedded server: no flattering numbers.
    db = await openDatabase({
      url: null,
      dataDir: path.join(dir, 'postgres'),
      port: await freePort(),
    });
  }
  try {
    const writer = await timeWriter(
      db.dataSource,
      rows,
      path.join(dir, 'spool'),
      options.batchRows,
    );
    const baseline = await timeBaseline(db.dataSource, baselineRows);
    return {
      database: options.url ? 'url' : 'embedded',
      writer,
      baseline,
      speedup: Math.round((writer.rowsPerSecond / baseline.rowsPerSecond) * 10) / 10,
    };
  } finally {
    await db.stop();
    if (options.url) await dropScratch(options.url, scratch);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeWriter(
  ds: DataSource,
  rows: number,
  spoolDir: string,
  batchRows?: number,
): Promise<PersistenceBenchResult['writer']> {
  const writer = new RecordWriter({
    dataSource: ds,
    timezone: 'UTC',
    spoolDir,
    batchRows,
    maxQueuedRows: rows + 1,
  });
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i++) writer.write({ type: 'call-completed', leg: benchLeg('w', i) });
  const drained = await writer.drain(600_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await writer.close();
  if (!drained || writer.status.written.call_leg !== rows)
    throw new Error(`bench writer stored ${writer.status.written.call_leg} of ${rows} rows`);
  return { rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds) };
}

async function timeBaseline(
  ds: DataSource,
  rows: number,
): Promise<PersistenceBenchResult['baseline']> {
  const repository = ds.getRepository(CallLegEntity);
  const started = process.hrtime.bigint();
  for (let i = 0; i < rows; i++) {
    const leg = benchLeg('b', i);
    await repository.insert({
      id: leg.id,
      agentId: leg.agentId,
      direction: leg.direction,
      via: leg.via,
      transferredIn: leg.transferredIn,
      queue: leg.queue ?? null,
      customerNumber: leg.customerNumber,
      customerUniqueid: leg.customerUniqueid,
      agentUniqueid: leg.agentUniqueid,
      linkedid: leg.linkedid,
      startedAt: new Date(leg.startedAt),
      answeredAt: leg.answeredAt === undefined ? null : new Date(leg.answeredAt),
      endedAt: new Date(leg.endedAt),
      outcome: leg.outcome,
      talkSeconds: leg.talkSeconds,
      holds: leg.holds,
      holdSeconds: leg.holdSeconds,
      recorded: leg.recorded,
      effective: leg.effective,
      ruleVersion: leg.ruleVersion,
      day: leg.day,
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds) };
}

const DAY_START = Date.parse('2026-11-27T00:00:00Z');

/** A plausible answered leg: 50 agents, 10,000 customer numbers, talk 0–300 s. */
export function benchLeg(prefix: string, i: number): AgentLeg {
  const startedAt = DAY_START + i * 50;
  const talkSeconds = (i * 37) % 300;
  return {
    id: `${prefix}-${i}`,
    agentId: `A${(i % 50) + 1000}`,
    direction: i % 3 === 0 ? 'outbound' : 'inbound',
    via: i % 3 === 0 ? 'dial' : 'queue',
    transferredIn: false,
    queue: i % 3 === 0 ? undefined : 'sales',
    customerNumber: `1380000${String(i % 10_000).padStart(4, '0')}`,
    customerUniqueid: `1764201600.${i * 2}`,
    agentUniqueid: `1764201600.${i * 2 + 1}`,
    linkedid: `1764201600.${i * 2}`,
    startedAt,
    answeredAt: startedAt + 5_000,
    endedAt: startedAt + 5_000 + talkSeconds * 1000,
    outcome: 'answered',
    talkSeconds,
    holds: 0,
    holdSeconds: 0,
    recorded: true,
    effective: talkSeconds >= 30,
    ruleVersion: 'bench-1',
    day: '2026-11-27',
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

async function dropScratch(url: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
}
