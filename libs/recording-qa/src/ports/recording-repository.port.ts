import { type FileObservation, type RecordingStatus } from '@cti/domain';

/** A stretch of a recording muted on request (e.g. while a card number is read out). */
export interface MuteWindow {
  /** Epoch ms. */
  readonly from: number;
  readonly to?: number;
  readonly direction: 'read' | 'write' | 'both';
  readonly by: string;
}

/** One recording in the registry: what it is, whose call, where its file is and what state it is in. */
export interface RecordingEntry {
  /** `<uniqueid>` or `<uniqueid>-<pass>`: made from the PBX's ids. */
  readonly id: string;
  readonly uniqueid: string;
  readonly linkedid: string;
  /** The channel MixMonitor runs on (mute and stop act on it). */
  readonly channel: string;
  readonly pass: number;
  readonly startedAt: number;
  readonly day: string;
  readonly startedBy: 'pbx' | 'product';
  readonly status: RecordingStatus;
  /** Storage key; set once the call's direction is known (or when the product named the file). */
  readonly location?: string;
  readonly format: string;
  readonly direction?: 'inbound' | 'outbound';
  /** The first agent on the recording; `agentIds` has every agent heard on it. */
  readonly agentId?: string;
  readonly agentIds: readonly string[];
  readonly teamId?: string;
  readonly queue?: string;
  readonly customerMasked?: string;
  readonly legIds: readonly string[];
  readonly answeredAt?: number;
  readonly callEndedAt?: number;
  readonly talkSeconds?: number;
  readonly durationSeconds?: number;
  readonly size?: number;
  readonly sha256?: string;
  readonly mtimeMs?: number;
  readonly lastSeen?: FileObservation & { readonly at: number };
  readonly flagReason?: string;
  readonly flaggedAt?: number;
  readonly completedAt?: number;
  readonly mutes: readonly MuteWindow[];
  readonly deletedAt?: number;
}

export interface DeletionRecord {
  readonly recordingId: string;
  readonly location?: string;
  readonly sha256?: string;
  readonly size?: number;
  readonly startedAt: number;
  readonly deletedAt: number;
  readonly reason: 'retention';
  readonly retentionDays: number;
  /** Whether a file was there to delete. */
  readonly fileFound: boolean;
}

export interface RecordingFilter {
  readonly statuses?: readonly RecordingStatus[];
  /** Epoch ms, inclusive / exclusive, on startedAt. */
  readonly from?: number;
  readonly to?: number;
  readonly agentId?: string;
  readonly teamId?: string;
  readonly limit?: number;
}

/** The registry's store (in memory for tests, PostgreSQL in production). */
export abstract class RecordingRepository {
  abstract get(id: string): Promise<RecordingEntry | undefined>;
  abstract byUniqueid(uniqueid: string): Promise<RecordingEntry[]>;
  /**
   * Insert or replace by id, except the mute windows of an existing entry: those change only
   * through setMutes, so the registry's and the checker's writes never undo a mute.
   */
  abstract save(entry: RecordingEntry): Promise<void>;
  abstract setMutes(id: string, mutes: readonly MuteWindow[]): Promise<void>;
  /** Ordered by startedAt then id. */
  abstract list(filter: RecordingFilter): Promise<RecordingEntry[]>;
  abstract addDeletion(record: DeletionRecord): Promise<void>;
  abstract deletions(sinceMs?: number): Promise<DeletionRecord[]>;
}
