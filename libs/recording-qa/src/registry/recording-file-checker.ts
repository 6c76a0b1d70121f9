import { type RecordingQaConfig } from '../config/recording-qa-config';
import { type FileCheckState, judgeRecordingFile, type FileObservation } from '@cti/domain';
import { QaError } from '../qa-errors';
import { type QaAlerts, type QaAlertKind } from '../ports/qa-runtime.port';
import { type RecordingEntry, type RecordingRepository } from '../ports/recording-repository.port';
import { type RecordingStorage, StorageKeyRejected } from '../ports/recording-storage.port';
import { parseWavHeader, wavDurationSeconds } from '../storage/wav-info';
import { type RecordingRegistry } from './recording-registry';

export interface FileCheckSummary {
  readonly checked: number;
  readonly completed: number;
  readonly flagged: number;
}

/**
 * How long a verified hash is trusted for repeated Range requests (a player seeking), and only
 * while the file's change time is the one seen when it was hashed: any write or touch since
 * moves it. Storage without a change time is hashed on every request.
 */
const VERIFIED_TTL_MS = 60_000;

/**
 * Watches registered files: completes a pending file (SHA-256, size, duration) once it has
 * stopped changing after its call, flags files that never appear, stay empty or change later,
 * and checks a file's integrity before it is served. Flags raise alerts; nothing flagged is
 * listed as a normal recording.
 */
export class RecordingFileChecker {
  private readonly verified = new Map<string, { size: number; changeMs: number; at: number }>();

  constructor(
    private readonly repo: RecordingRepository,
    private readonly storage: RecordingStorage,
    private readonly alerts: QaAlerts,
    private readonly config: RecordingQaConfig,
    private readonly registry: RecordingRegistry,
  ) {}

  async checkFiles(now: number): Promise<FileCheckSummary> {
    let completed = 0;
    let flagged = 0;
    const entries = await this.repo.list({ statuses: ['pending', 'complete'] });
    for (const original of entries) {
      let entry = original;
      if (entry.location === undefined) {
        // No leg ever claimed it: after a while name it as a queue recording (the PBX default).
        if (now - entry.startedAt < this.config.files.unclaimedAfterSeconds * 1000) continue;
        entry = this.registry.withLocation(entry, 'inbound');
        if (entry.status === 'missing') {
          await this.flag(entry, 'missing', entry.flagReason ?? 'no file name', now);
          flagged++;
          continue;
        }
      }
      const seen = await this.observe(entry);
      const verdict = judgeRecordingFile(checkStateOf(entry), seen, now, this.config.files);
      if (verdict.kind === 'wait') {
        if (verdict.remember || entry !== original) {
          await this.repo.save(
            verdict.remember ? { ...entry, lastSeen: { ...verdict.remember, at: now } } : entry,
          );
        }
      } else if (verdict.kind === 'flag') {
        await this.flag(entry, verdict.status, verdict.reason, now);
        flagged++;
      } else if (verdict.kind === 'hash') {
        const outcome = await this.complete(entry, seen, now);
        if (outcome === 'complete') completed++;
        else if (outcome === 'flagged') flagged++;
      }
    }
    return { checked: entries.length, completed, flagged };
  }

  /**
   * The entry, if its file may be served now: complete, unchanged since registration and with
   * the registered SHA-256. Otherwise a QaError (pending 409, gone 410, integrity 500 + alert).
   */
  async verifyForServing(entry: RecordingEntry, now: number): Promise<RecordingEntry> {
    if (entry.status === 'pending')
      throw new QaError('QA_RECORDING_PENDING', 'recording is still being written');
    if (entry.status === 'deleted' || entry.status === 'missing')
      throw new QaError('QA_RECORDING_GONE', 'recording file is not available');
    if (entry.status !== 'complete' || entry.location === undefined) {
      throw new QaError('QA_RECORDING_INTEGRITY_FAILED', 'recording failed its integrity check');
    }
    const seen = await this.observe(entry);
    if (!seen.exists) {
      await this.flag(
        entry,
        'missing',
        'file disappeared after registration',
        now,
        'recording-integrity-failed',
      );
      throw new QaError('QA_RECORDING_GONE', 'recording file is not available');
    }
    const cached = this.verified.get(entry.id);
    const same = seen.size === entry.size && seen.mtimeMs === entry.mtimeMs;
    const trusted =
      same &&
      cached !== undefined &&
      seen.changeMs !== undefined &&
      cached.changeMs === seen.changeMs &&
      cached.size === seen.size;
    if (trusted && now - cached.at < VERIFIED_TTL_MS) return entry;
    const hash = same ? await this.storage.sha256(entry.location) : undefined;
    if (!same || hash !== entry.sha256) {
      this.verified.delete(entry.id);
      await this.flag(
        entry,
        'changed',
        same
          ? 'SHA-256 differs from the registered hash'
          : 'size or time changed after registration',
        now,
        'recording-integrity-failed',
      );
      throw new QaError('QA_RECORDING_INTEGRITY_FAILED', 'recording failed its integrity check');
    }
    if (seen.changeMs !== undefined)
      this.verified.set(entry.id, { size: seen.size, changeMs: seen.changeMs, at: now });
    else this.verified.delete(entry.id);
    return entry;
  }

  private async observe(entry: RecordingEntry): Promise<FileObservation> {
    try {
      return await this.storage.stat(entry.location!);
    } catch (error) {
      if (error instanceof StorageKeyRejected) return { exists: false, size: 0, mtimeMs: 0 };
      throw error;
    }
  }

  /** Hashes a settled file and registers it complete (or flags it empty, or waits if it moved). */
  private async complete(
    entry: RecordingEntry,
    seen: FileObservation,
    now: number,
  ): Promise<'complete' | 'flagged' | 'waiting'> {
    const sha256 = await this.storage.sha256(entry.location!);
    const after = await this.storage.stat(entry.location!);
    if (after.size !== seen.size || after.mtimeMs !== seen.mtimeMs) {
      await this.repo.save({ ...entry, lastSeen: { ...after, at: now } }); // still being written
      return 'waiting';
    }
    let durationSeconds: number | undefined = entry.talkSeconds;
    if (entry.format === 'wav') {
      const info = parseWavHeader(await this.storage.head(entry.location!, 512));
      durationSeconds = info ? wavDurationSeconds(info, seen.size) : 0;
      if (!info || durationSeconds === 0) {
        await this.flag(entry, 'empty', info ? 'WAV file has no audio' : 'not a WAV file', now);
        return 'flagged';
      }
    }
    await this.repo.save({
      ...entry,
      status: 'complete',
      sha256,
      size: seen.size,
      mtimeMs: seen.mtimeMs,
      completedAt: now,
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    });
    return 'complete';
  }

  private async flag(
    entry: RecordingEntry,
    status: 'missing' | 'empty' | 'changed',
    reason: string,
    now: number,
    kind?: QaAlertKind,
  ): Promise<void> {
    await this.repo.save({ ...entry, status, flagReason: reason, flaggedAt: now });
    await this.alerts.raise({
      kind: kind ?? (`recording-${status}` as QaAlertKind),
      at: now,
      recordingId: entry.id,
      ...(entry.agentId !== undefined ? { agentId: entry.agentId } : {}),
      message: `recording ${entry.id}: ${reason}`,
    });
  }
}

function checkStateOf(e: RecordingEntry): FileCheckState {
  return {
    status: e.status,
    startedAt: e.startedAt,
    ...(e.callEndedAt !== undefined ? { callEndedAt: e.callEndedAt } : {}),
    ...(e.lastSeen !== undefined ? { lastSeen: e.lastSeen } : {}),
    ...(e.size !== undefined ? { completeSize: e.size } : {}),
    ...(e.mtimeMs !== undefined ? { completeMtimeMs: e.mtimeMs } : {}),
  };
}
