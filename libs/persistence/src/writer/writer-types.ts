import { type DataSource } from 'typeorm';
import { type PersistenceLogger } from '../logger';
import { type RecordTable } from './records';

export interface RecordWriterOptions {
  readonly dataSource: DataSource;
  /** The center's zone: the local day of pauses, sessions and states. */
  readonly timezone: string;
  /** Default `.data/spool` under the working directory; one writer per directory. */
  readonly spoolDir?: string;
  /**
   * The spool's AES-256 key (CTI_SPOOL_KEY: base64 or 64 hex digits). Without it, a key generated
   * into `<spoolDir>/spool.key` (mode 0600) is used.
   */
  readonly spoolKey?: string;
  readonly flushIntervalMs?: number;
  /** Rows per transaction (and the queue length that triggers a flush at once). */
  readonly batchRows?: number;
  /** Records held in memory before they spill to the spool file. */
  readonly maxQueuedRows?: number;
  /** A database failing for longer than this sends everything to the spool file. */
  readonly spillAfterMs?: number;
  /**
   * Deadline of one write transaction (server-side statement_timeout and a client-side timer): a
   * hung server counts as failing once it passes.
   */
  readonly writeTimeoutMs?: number;
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /** How often derived daily counters are recomputed while records keep coming. */
  readonly counterIntervalMs?: number;
  /** Spool budget: `spoolAlarm` is raised at half of it. Nothing is ever dropped. */
  readonly maxSpoolBytes?: number;
  readonly logger?: PersistenceLogger;
  readonly onStatus?: (status: WriterStatus) => void;
}

export interface WriterStatus {
  readonly state: 'ok' | 'degraded';
  /** Records in memory, including the batch being written. */
  readonly queued: number;
  /** Records in the spool file not yet stored. */
  readonly spooled: number;
  readonly spoolBytes: number;
  readonly spoolAlarm: boolean;
  readonly degradedSince?: number;
  readonly lastError?: string;
  /** Rows stored per table (a re-sent record counts each time it is upserted). */
  readonly written: Readonly<Record<RecordTable, number>>;
  /** Records that can never be stored, set aside in `rejected.jsonl`. */
  readonly rejected: number;
}

export type WriterTuning = Required<
  Omit<
    RecordWriterOptions,
    'dataSource' | 'timezone' | 'logger' | 'onStatus' | 'spoolDir' | 'spoolKey'
  >
>;

export function writerTuning(options: RecordWriterOptions): WriterTuning {
  return {
    flushIntervalMs: options.flushIntervalMs ?? 100,
    batchRows: options.batchRows ?? 5_000,
    maxQueuedRows: options.maxQueuedRows ?? 50_000,
    spillAfterMs: options.spillAfterMs ?? 10_000,
    writeTimeoutMs: options.writeTimeoutMs ?? 10_000,
    retryInitialMs: options.retryInitialMs ?? 250,
    retryMaxMs: options.retryMaxMs ?? 5_000,
    counterIntervalMs: options.counterIntervalMs ?? 1_000,
    maxSpoolBytes: options.maxSpoolBytes ?? 1024 ** 3,
  };
}
