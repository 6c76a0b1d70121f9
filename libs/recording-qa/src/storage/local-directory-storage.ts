import { createHash } from 'node:crypto';
import { createReadStream, realpathSync } from 'node:fs';
import { open, realpath, stat, unlink } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileObservation } from '@cti/domain';
import {
  type ByteRange,
  RecordingStorage,
  StorageKeyRejected,
} from '../ports/recording-storage.port';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const MAX_KEY = 1024;

/**
 * Recordings in a local directory (the PBX's spool, mounted). Every key is checked to be a
 * plain relative path and resolved (symlinks too) to stay under the root: no key, however
 * encoded, reaches a file outside it.
 */
export class LocalDirectoryStorage extends RecordingStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    if (!isAbsolute(root)) throw new Error(`recording storage root must be absolute: ${root}`);
    // The real path, so that a root reached through a symlink still contains its files.
    this.root = realpathSync(root);
  }

  describe(): string {
    return `local:${this.root}`;
  }

  async stat(key: string): Promise<FileObservation> {
    const path = await this.resolveExisting(key);
    if (!path) return { exists: false, size: 0, mtimeMs: 0 };
    const s = await stat(path);
    if (!s.isFile()) return { exists: false, size: 0, mtimeMs: 0 };
    return { exists: true, size: s.size, mtimeMs: Math.round(s.mtimeMs), changeMs: s.ctimeMs };
  }

  async open(key: string, range?: ByteRange): Promise<Readable> {
    const path = await this.require(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async head(key: string, bytes: number): Promise<Buffer> {
    const handle = await open(await this.require(key), 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async sha256(key: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(await this.require(key)), hash);
    return hash.digest('hex');
  }

  async delete(key: string): Promise<boolean> {
    const path = await this.resolveExisting(key);
    if (!path) return false;
    try {
      await unlink(path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** The lexical path for a key, or StorageKeyRejected. */
  pathOf(key: string): string {
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY)
      throw new StorageKeyRejected('empty or too long');
    if (key.includes('\0') || key.includes('\\') || isAbsolute(key))
      throw new StorageKeyRejected('not a relative path');
    const segments = key.split('/');
    if (!segments.every((s) => SEGMENT.test(s) && s !== '..' && s !== '.'))
      throw new StorageKeyRejected('bad path segment');
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new StorageKeyRejected('outside the storage root');
    return path;
  }

  private async require(key: string): Promise<string> {
    const path = await this.resolveExisting(key);
    if (!path) throw Object.assign(new Error('recording file not found'), { code: 'ENOENT' });
    return path;
  }

  /** The real path of an existing file under the root; undefined when it does not exist. */
  private async resolveExisting(key: string): Promise<string | undefined> {
    const lexical = this.pathOf(key);
    let real: string;
    try {
      real = await realpath(lexical);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!real.startsWith(this.root + sep))
      throw new StorageKeyRejected('resolves outside the storage root');
    return real;
  }
}
