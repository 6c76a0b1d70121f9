import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { type PersistenceLogger, errorMessage } from '../logger';
import { type Rec, isRec } from './records';
import { type SpoolCipher } from './spool-cipher';

const READ_CHUNK = 1 << 20;
const PENDING_LINES = 1_000;

export interface SpoolRead {
  readonly recs: Rec[];
  /** File offset just past the last line read: committed once the rows are stored. */
  readonly end: number;
  /** Lines that no longer parse (a torn write): set aside, never retried. */
  readonly bad: string[];
}

/**
 * An append-only file of records waiting for the database, drained from the front: one line per
 * record, its JSON sealed with AES-256-GCM (customer numbers never rest in clear). Appends are
 * buffered and written at most every tick (plus an fdatasync), keeping the caller's path free of
 * per-record syscalls. The file is deleted once fully drained.
 */
export class Spool {
  private pending: string[] = [];
  private pendingBytes = 0;
  private fd?: number;
  private syncing = false;
  private closeAfterSync = false;
  private tornTail = false;
  private fileBytes = 0;
  private readOffset = 0;
  private unread = 0;
  /** While true, every new record goes behind the spooled ones: order is kept. */
  active = false;
  lastError?: string;

  constructor(
    readonly file: string,
    private readonly cipher: SpoolCipher,
  ) {
    // A spool left by an earlier run holds records older than anything this run will produce.
    if (existsSync(file) && statSync(file).size > 0) {
      this.fileBytes = statSync(file).size;
      this.unread = countLines(file);
      this.active = true;
    }
  }

  get records(): number {
    return this.unread;
  }

  get bytes(): number {
    return this.fileBytes - this.readOffset + this.pendingBytes;
  }

  append(recs: readonly Rec[]): void {
    for (const rec of recs) {
      const line = `${this.cipher.seal(JSON.stringify(rec))}\n`;
      this.pending.push(line);
      this.pendingBytes += Buffer.byteLength(line);
    }
    this.unread += recs.length;
    this.active = true;
    if (this.pending.length >= PENDING_LINES) this.flushPending();
  }

  /** Writes buffered lines to the file; on failure (disk full) they stay buffered in memory. */
  flushPending(): void {
    if (this.pending.length === 0) return;
    try {
      if (this.fd === undefined) {
        mkdirSync(path.dirname(this.file), { recursive: true });
        this.fd = openSync(this.file, 'a', 0o600);
        this.fileBytes = fstatSync(this.fd).size;
      }
      // After a torn write, start on a fresh line so the next record stays readable.
      const data = Buffer.from((this.tornTail ? '\n' : '') + this.pending.join(''));
      let written = 0;
      while (written < data.length) written += writeSync(this.fd, data, written);
      this.fileBytes += data.length;
      this.pending = [];
      this.pendingBytes = 0;
      this.tornTail = false;
      this.lastError = undefined;
      this.sync();
    } catch (err) {
      this.lastError = `spool write failed: ${(err as Error).message}`;
      if (this.fd !== undefined) {
        this.fileBytes = fstatSync(this.fd).size;
        this.tornTail = true;
      }
    }
  }

  /** Up to `max` records from the front, not yet committed. */
  read(max: number): SpoolRead {
    this.flushPending();
    const recs: Rec[] = [];
    const bad: string[] = [];
    let offset = this.readOffset;
    if (offset >= this.fileBytes) return { recs, bad, end: offset };
    const fd = openSync(this.file, 'r');
    try {
      let chunk = READ_CHUNK;
      while (recs.length + bad.length < max && offset < this.fileBytes) {
        const length = Math.min(chunk, this.fileBytes - offset);
        const buffer = Buffer.alloc(length);
        const n = readSync(fd, buffer, 0, length, offset);
        let start = 0;
        // Split on the newline byte: it never occurs inside a multi-byte UTF-8 character.
        for (let i = 0; i < n && recs.length + bad.length < max; i++) {
          if (buffer[i] !== 10) continue;
          this.parseLine(buffer.toString('utf8', start, i), recs, bad);
          start = i + 1;
        }
        if (start === 0 && offset + n < this.fileBytes) {
          chunk *= 2; // one line longer than the chunk
          continue;
        }
        if (start === 0) {
          // A tail without newline can only be a torn write: set it aside so draining ends.
          this.parseLine(buffer.toString('utf8', 0, n), recs, bad);
          start = n;
        }
        offset += start;
      }
    } finally {
      closeSync(fd);
    }
    return { recs, bad, end: offset };
  }

  commit(end: number, count: number): void {
    this.readOffset = end;
    this.unread = Math.max(0, this.unread - count);
  }

  /** Ends spooling when everything is drained: the file goes, new records go to memory again. */
  finishIfDrained(): boolean {
    this.flushPending();
    if (this.pending.length > 0 || this.readOffset < this.fileBytes) return false;
    this.closeFile();
    if (existsSync(this.file)) unlinkSync(this.file);
    this.fileBytes = 0;
    this.readOffset = 0;
    this.unread = 0;
    this.active = false;
    return true;
  }

  close(): void {
    this.flushPending();
    this.closeFile();
  }

  /**
   * Records that can never be stored (and unreadable lines) are kept in `file` for a person to
   * look at, not dropped: time and reason in clear, the content sealed like the spool.
   */
  reject(file: string, rec: Rec | string, reason: string): void {
    const sealed = this.cipher.seal(typeof rec === 'string' ? rec : JSON.stringify(rec));
    const entry = { at: new Date().toISOString(), reason, sealed };
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /** A sealed line, or a clear JSON line left by a version that did not seal (drained, never written). */
  private parseLine(line: string, recs: Rec[], bad: string[]): void {
    if (line.trim() === '') return;
    const text = line.startsWith('{') ? line : this.cipher.open(line);
    try {
      const value: unknown = text === undefined ? undefined : JSON.parse(text);
      if (isRec(value)) recs.push(value);
      else bad.push(line);
    } catch {
      bad.push(line);
    }
  }

  private sync(): void {
    if (this.syncing || this.fd === undefined) return;
    this.syncing = true;
    const fd = this.fd;
    fdatasync(fd, () => {
      this.syncing = false;
      if (this.closeAfterSync) {
        this.closeAfterSync = false;
        closeSync(fd);
      }
    });
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    if (this.syncing) this.closeAfterSync = true;
    else closeSync(this.fd);
    this.fd = undefined;
  }
}

function countLines(file: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(READ_CHUNK);
  let count = 0;
  try {
    for (let offset = 0; ;) {
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      if (n === 0) break;
      for (let i = 0; i < n; i++) if (buffer[i] === 10) count++;
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

/** Sets a record that can never be stored aside in `file`, logging why (never its content). */
export function setAside(
  spool: Spool,
  file: string,
  rec: Rec | string,
  reason: string,
  logger: PersistenceLogger,
): void {
  logger.error(`record set aside in ${file}: ${reason}`);
  try {
    spool.reject(file, rec, reason);
  } catch (err) {
    logger.error(`cannot write ${file}: ${errorMessage(err)}`);
  }
}
