import { type Readable } from 'node:stream';
import { type FileObservation } from '@cti/domain';

/** A byte range, both ends included (as in HTTP). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where recording files live: a local directory now, an object store later. Keys are the
 * registry's relative storage keys; an implementation must refuse any key that would leave its
 * root. An abstract class so it can be a Nest DI token.
 */
export abstract class RecordingStorage {
  /** For logs and health: where this storage is (no secrets). */
  abstract describe(): string;
  abstract stat(key: string): Promise<FileObservation>;
  /** Streams the whole file or one range of it. */
  abstract open(key: string, range?: ByteRange): Promise<Readable>;
  /** The first bytes of the file (format headers). */
  abstract head(key: string, bytes: number): Promise<Buffer>;
  /** SHA-256 of the file's current content, hex. */
  abstract sha256(key: string): Promise<string>;
  /** Removes the file; resolves false when it was not there. */
  abstract delete(key: string): Promise<boolean>;
}

/** The key is not a plain relative path inside the storage root. */
export class StorageKeyRejected extends Error {
  readonly code = 'QA_STORAGE_KEY_REJECTED';
  constructor(reason: string) {
    super(`storage key rejected: ${reason}`);
    this.name = 'StorageKeyRejected';
  }
}
