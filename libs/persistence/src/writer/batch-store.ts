import { type DataSource } from 'typeorm';
import { isTransientDbError } from './db-errors';
import {
  type Rec,
  type RecordTable,
  type Row,
  TABLE_ORDER,
  TABLE_SPECS,
  columnArrays,
  keyOf,
} from './records';
import { transactionWithin } from './write-deadline';

export interface StoredBatch {
  /** Rows sent per table after folding duplicates (upserts: a re-sent row counts again). */
  readonly rows: Partial<Record<RecordTable, number>>;
  /** Agent days whose counters must be recomputed: `agentId|day`. */
  readonly dirtyDays: string[];
}

/** Folds rows that share a key: one statement may not touch a row twice (ON CONFLICT rule). */
export function groupBatch(recs: readonly Rec[]): Map<RecordTable, Row[]> {
  const byTable = new Map<RecordTable, Map<string, Row>>();
  for (const rec of recs) {
    const spec = TABLE_SPECS[rec.t];
    let rows = byTable.get(rec.t);
    if (!rows) byTable.set(rec.t, (rows = new Map()));
    const key = keyOf(spec, rec.r);
    const older = rows.get(key);
    rows.set(key, older ? spec.merge(older, rec.r) : rec.r);
  }
  const grouped = new Map<RecordTable, Row[]>();
  for (const table of TABLE_ORDER) {
    const rows = byTable.get(table);
    if (rows) grouped.set(table, [...rows.values()]);
  }
  return grouped;
}

/**
 * One transaction per batch, within `deadlineMs`: all of its rows are stored, or none (then the
 * batch is retried).
 */
export async function storeBatch(
  dataSource: DataSource,
  recs: readonly Rec[],
  deadlineMs: number,
): Promise<StoredBatch> {
  const grouped = groupBatch(recs);
  const rows: Partial<Record<RecordTable, number>> = {};
  const dirty = new Set<string>();
  await transactionWithin(dataSource, deadlineMs, async (runner) => {
    for (const [table, tableRows] of grouped) {
      const spec = TABLE_SPECS[table];
      await runner.query(spec.sql, columnArrays(spec, tableRows));
      rows[table] = tableRows.length;
      if (table === 'call_leg' || table === 'pause_interval') {
        for (const r of tableRows) dirty.add(`${String(r.agent_id)}|${String(r.day)}`);
      }
    }
  });
  return { rows, dirtyDays: [...dirty] };
}

/**
 * Stores a batch; when it fails on bad data (not on the server), stores it row by row so only the
 * bad rows are handed to `reject`. A server failure midway leaves `batch.recs` holding what is left.
 */
export async function storeIsolating(
  dataSource: DataSource,
  batch: { recs: Rec[] },
  reject: (rec: Rec, reason: string) => void,
  deadlineMs: number,
): Promise<StoredBatch> {
  try {
    return await storeBatch(dataSource, batch.recs, deadlineMs);
  } catch (err) {
    if (isTransientDbError(err)) throw err;
  }
  const rows: Partial<Record<RecordTable, number>> = {};
  const dirty: string[] = [];
  const recs = batch.recs;
  for (let i = 0; i < recs.length; i++) {
    try {
      const one = await storeBatch(dataSource, [recs[i]!], deadlineMs);
      for (const [t, n] of Object.entries(one.rows)) {
        rows[t as RecordTable] = (rows[t as RecordTable] ?? 0) + n;
      }
      dirty.push(...one.dirtyDays);
    } catch (err) {
      if (isTransientDbError(err)) {
        batch.recs = recs.slice(i); // the rows before are stored; retry from here
        throw err;
      }
      reject(recs[i]!, err instanceof Error ? err.message : String(err));
    }
  }
  return { rows, dirtyDays: dirty };
}
