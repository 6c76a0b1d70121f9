import path from 'node:path';
import { type CoreOutput } from '@cti/domain';
import { type DataSource } from 'typeorm';
import { recomputeDailyCounters } from './daily-counters';
import { type PersistenceLogger, errorMessage, silentLogger } from './logger';
import { type StoredBatch, storeIsolating } from './writer/batch-store';
import { OutputMapper } from './writer/output-mapper';
import { type Rec, type RecordTable, TABLE_SPECS } from './writer/records';
import { Spool, setAside } from './writer/spool';
import { SpoolCipher, loadSpoolKey } from './writer/spool-cipher';
import { transactionWithin } from './writer/write-deadline';
import {
  type RecordWriterOptions,
  type WriterStatus,
  type WriterTuning,
  writerTuning,
} from './writer/writer-types';

export type { RecordWriterOptions, WriterStatus } from './writer/writer-types';

/** The shortest deadline a write gets, even when the spill is due sooner. */
const MIN_DEADLINE_MS = 100;

interface Batch {
  recs: Rec[];
  /** Spool offset after the batch, and lines it covers: committed once it is stored. */
  readonly spoolEnd?: number;
  readonly spoolLines?: number;
}

/**
 * The core's outputs to PostgreSQL, off the hot path: `write()` only maps and queues. Batches are
 * upserted on natural keys, so a retry, replay or resync never double counts. While the database
 * is away records wait in memory, then in an fsync'd JSON-lines spool, and drain in order.
 */
export class RecordWriter {
  private readonly ds: DataSource;
  private readonly mapper: OutputMapper;
  private readonly spool: Spool;
  private readonly rejectFile: string;
  private readonly logger: PersistenceLogger;
  private readonly o: WriterTuning;
  private readonly listeners = new Set<(status: WriterStatus) => void>();
  private readonly written = Object.fromEntries(
    Object.keys(TABLE_SPECS).map((t) => [t, 0]),
  ) as Record<RecordTable, number>;
  private readonly dirtyDays = new Set<string>();
  private memory: Rec[] = [];
  private inflight?: Batch;
  private pumping?: Promise<void>;
  /** When the latest database write began, and whether it is still waiting for its answer. */
  private writeStartedAt?: number;
  private writeInProgress = false;
  private wake?: () => void;
  private failingSince?: number;
  private backoffMs: number;
  private lastError?: string;
  private countersAt = 0;
  private rejected = 0;
  private halted = false;
  private lastSignature = '';
  private readonly timer: NodeJS.Timeout;

  constructor(options: RecordWriterOptions) {
    this.ds = options.dataSource;
    this.logger = options.logger ?? silentLogger;
    this.mapper = new OutputMapper(options.timezone);
    const dir = path.resolve(options.spoolDir ?? '.data/spool');
    const key = loadSpoolKey(options.spoolKey, path.join(dir, 'spool.key'));
    this.spool = new Spool(path.join(dir, 'records.jsonl'), new SpoolCipher(key));
    this.rejectFile = path.join(dir, 'rejected.jsonl');
    this.o = writerTuning(options);
    this.backoffMs = this.o.retryInitialMs;
    if (options.onStatus) this.listeners.add(options.onStatus);
    if (this.spool.active)
      this.logger.warn(`resuming ${this.spool.records} spooled records from ${this.spool.file}`);
    this.timer = setInterval(() => this.tick(), this.o.flushIntervalMs);
    this.timer.unref();
  }

  /** Queues the rows of one output. Never waits, never throws: the core must not feel the DB. */
  write(output: CoreOutput): void {
    try {
      const recs = this.mapper.map(output);
      if (recs.length === 0) return;
      if (this.halted || this.spool.active) {
        this.spool.append(recs);
        if (this.halted) this.spool.flushPending();
        return;
      }
      for (const rec of recs) this.memory.push(rec);
      if (this.memory.length >= this.o.maxQueuedRows) this.spill('memory queue full', false);
      else if (this.memory.length >= this.o.batchRows) this.kick();
    } catch (err) {
      this.lastError = `record dropped by the mapper: ${errorMessage(err)}`;
      this.logger.error(this.lastError);
    }
  }

  get status(): WriterStatus {
    const degraded = this.failingSince !== undefined || this.spool.active;
    return {
      state: degraded ? 'degraded' : 'ok',
      queued:
        this.memory.length +
        (this.inflight && this.inflight.spoolEnd === undefined ? this.inflight.recs.length : 0),
      spooled: this.spool.records,
      spoolBytes: this.spool.bytes,
      spoolAlarm: this.spool.bytes >= this.o.maxSpoolBytes / 2,
      degradedSince: this.failingSince,
      lastError: this.lastError ?? this.spool.lastError,
      written: { ...this.written },
      rejected: this.rejected,
    };
  }

  /** Listens to state changes (ok/degraded, spooling, spool alarm); returns the unsubscribe. */
  onStatus(listener: (status: WriterStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The database is back (its supervisor restarted it): retry now, not after the backoff. */
  retryNow(): void {
    this.backoffMs = this.o.retryInitialMs;
    this.wake?.();
    this.kick();
  }

  /** Resolves true once everything queued so far is stored (false on timeout). */
  async drain(timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const idle =
        !this.pumping &&
        !this.inflight &&
        this.memory.length === 0 &&
        !this.spool.active &&
        this.dirtyDays.size === 0;
      if (idle) return true;
      if (Date.now() >= until) return false;
      this.kick();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops writing; whatever could not be stored in `timeoutMs` goes to the spool for next start. */
  async close(timeoutMs = 5_000): Promise<void> {
    await this.drain(timeoutMs);
    this.halted = true;
    clearInterval(this.timer);
    this.wake?.();
    if (this.pumping) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.pumping,
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    const left = [
      ...(this.inflight && this.inflight.spoolEnd === undefined ? this.inflight.recs : []),
      ...this.memory,
    ];
    this.inflight = undefined;
    this.memory = [];
    if (left.length > 0) this.spool.append(left);
    this.spool.close();
  }

  private tick(): void {
    if (this.spool.active) this.spool.flushPending();
    // Between retries nothing else would notice that the outage has lasted past the spill time.
    const failingFor = this.failingSince === undefined ? 0 : Date.now() - this.failingSince;
    if (!this.writeInProgress && failingFor >= this.o.spillAfterMs)
      this.spill(`database unavailable for ${this.o.spillAfterMs} ms`, true);
    if (this.memory.length > 0 || this.spool.active || this.inflight || this.dirtyDays.size > 0)
      this.kick();
    this.emitIfChanged();
  }

  private kick(): void {
    if (this.pumping || this.halted) return;
    // The spool file itself failing (removed, unreadable) must not take the process down.
    this.pumping = this.pump()
      .catch((err: unknown) => {
        this.lastError = `record writer stalled: ${errorMessage(err)}`;
        this.logger.error(this.lastError);
      })
      .finally(() => (this.pumping = undefined));
  }

  private async pump(): Promise<void> {
    while (!this.halted) {
      const batch = this.inflight ?? this.nextBatch();
      if (!batch) break;
      this.inflight = batch;
      try {
        // One transaction; on bad data, row by row so only the bad row is set aside.
        const result = await this.withDeadline((deadlineMs) =>
          storeIsolating(this.ds, batch, (rec, why) => this.reject(rec, why), deadlineMs),
        );
        this.stored(batch, result);
        await this.recomputeCounters(false);
      } catch (err) {
        this.failed(err);
        await this.sleep(this.backoffMs);
        this.backoffMs = Math.min(this.backoffMs * 2, this.o.retryMaxMs);
      }
    }
    if (!this.halted) await this.recomputeCounters(true).catch((err: unknown) => this.failed(err));
  }

  /**
   * Runs one database write under its deadline. While the database is already failing, the deadline
   * shrinks to what is left before the spill, so a hung server never holds records past it.
   */
  private async withDeadline<T>(write: (deadlineMs: number) => Promise<T>): Promise<T> {
    const now = Date.now();
    const untilSpill =
      this.failingSince === undefined || this.spool.active
        ? this.o.writeTimeoutMs
        : this.failingSince + this.o.spillAfterMs - now;
    this.writeStartedAt = now;
    this.writeInProgress = true;
    try {
      return await write(Math.max(MIN_DEADLINE_MS, Math.min(untilSpill, this.o.writeTimeoutMs)));
    } finally {
      this.writeInProgress = false;
    }
  }

  private nextBatch(): Batch | undefined {
    if (this.spool.active) {
      const read = this.spool.read(this.o.batchRows);
      for (const line of read.bad) this.reject(line, 'unreadable spool line');
      if (read.recs.length > 0)
        return {
          recs: read.recs,
          spoolEnd: read.end,
          spoolLines: read.recs.length + read.bad.length,
        };
      if (read.bad.length > 0) {
        this.spool.commit(read.end, read.bad.length);
        return this.nextBatch();
      }
      if (!this.spool.finishIfDrained()) return undefined;
      this.logger.log('spool drained: records go straight to the database again');
      this.emitIfChanged();
    }
    if (this.memory.length === 0) return undefined;
    const recs =
      this.memory.length <= this.o.batchRows
        ? this.memory
        : this.memory.splice(0, this.o.batchRows);
    if (recs === this.memory) this.memory = [];
    return { recs };
  }

  private stored(batch: Batch, result: StoredBatch): void {
    this.inflight = undefined;
    if (batch.spoolEnd !== undefined)
      this.spool.commit(batch.spoolEnd, batch.spoolLines ?? batch.recs.length);
    for (const [table, n] of Object.entries(result.rows)) this.written[table as RecordTable] += n;
    for (const day of result.dirtyDays) this.dirtyDays.add(day);
    if (this.failingSince !== undefined)
      this.logger.log(`database writes resumed after ${Date.now() - this.failingSince} ms`);
    this.failingSince = undefined;
    this.lastError = undefined;
    this.backoffMs = this.o.retryInitialMs;
    this.emitIfChanged();
  }

  private failed(err: unknown): void {
    const first = this.failingSince === undefined;
    // A write that timed out has been failing since it began, not since its deadline.
    this.failingSince ??= this.writeStartedAt ?? Date.now();
    this.lastError = errorMessage(err);
    if (first) this.logger.warn(`database writes failing, queueing records: ${this.lastError}`);
    if (Date.now() - this.failingSince >= this.o.spillAfterMs)
      this.spill(`database unavailable for ${this.o.spillAfterMs} ms`, true);
    this.emitIfChanged();
  }

  /** From now on records go to the spool file, behind what memory held (order is kept). */
  private spill(reason: string, withInflight: boolean): void {
    if (this.spool.active) return;
    const inflight =
      withInflight && this.inflight && this.inflight.spoolEnd === undefined
        ? this.inflight.recs
        : [];
    if (inflight.length > 0) this.inflight = undefined;
    this.spool.append([...inflight, ...this.memory]);
    this.memory = [];
    this.spool.flushPending();
    this.logger.warn(`spooling records to ${this.spool.file}: ${reason}`);
    this.emitIfChanged();
  }

  private async recomputeCounters(now: boolean): Promise<void> {
    const due = now || Date.now() - this.countersAt >= this.o.counterIntervalMs;
    if (this.dirtyDays.size === 0 || !due) return;
    const days = [...this.dirtyDays];
    this.dirtyDays.clear();
    try {
      await this.withDeadline((deadlineMs) =>
        transactionWithin(this.ds, deadlineMs, (runner) => recomputeDailyCounters(runner, days)),
      );
      this.countersAt = Date.now();
    } catch (err) {
      for (const day of days) this.dirtyDays.add(day);
      throw err;
    }
  }

  private reject(rec: Rec | string, reason: string): void {
    this.rejected++;
    setAside(this.spool, this.rejectFile, rec, reason, this.logger);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private emitIfChanged(): void {
    const s = this.status;
    const signature = `${s.state}|${this.spool.active}|${s.spoolAlarm}`;
    if (signature === this.lastSignature) return;
    this.lastSignature = signature;
    for (const listener of this.listeners) {
      try {
        listener(s);
      } catch (err) {
        this.logger.error(`status listener failed: ${errorMessage(err)}`);
      }
    }
  }
}
