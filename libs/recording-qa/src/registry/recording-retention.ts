import { isPastRetention } from '@cti/domain';
import { type DeletionRecord, type RecordingRepository } from '../ports/recording-repository.port';
import { type RecordingStorage } from '../ports/recording-storage.port';

/**
 * Deletes recordings past their retention period (PIPL Art 19, GDPR 5(1)(e)): the file goes,
 * a deletion record stays (what, where, its hash, when, under which rule), and the entry is
 * kept as 'deleted' so that scores referring to it still say what was scored.
 */
export class RecordingRetention {
  constructor(
    private readonly repo: RecordingRepository,
    private readonly storage: RecordingStorage,
    private readonly retentionDays: number,
  ) {}

  async purgeExpired(now: number): Promise<DeletionRecord[]> {
    const cutoff = now - this.retentionDays * 86_400_000;
    const expired = await this.repo.list({
      statuses: ['pending', 'complete', 'missing', 'empty', 'changed'],
      to: cutoff + 1,
    });
    const done: DeletionRecord[] = [];
    for (const entry of expired) {
      if (!isPastRetention(entry.startedAt, this.retentionDays, now)) continue;
      const fileFound =
        entry.location !== undefined && (await this.storage.stat(entry.location)).exists;
      const record: DeletionRecord = {
        recordingId: entry.id,
        ...(entry.location !== undefined ? { location: entry.location } : {}),
        ...(entry.sha256 !== undefined ? { sha256: entry.sha256 } : {}),
        ...(entry.size !== undefined ? { size: entry.size } : {}),
        startedAt: entry.startedAt,
        deletedAt: now,
        reason: 'retention',
        retentionDays: this.retentionDays,
        fileFound,
      };
      // The record first: a crash after it leaves a record of a file that may still be there
      // (deleted again next run), never a file that vanished without a record.
      await this.repo.addDeletion(record);
      if (entry.location !== undefined) await this.storage.delete(entry.location);
      await this.repo.save({ ...entry, status: 'deleted', deletedAt: now });
      done.push(record);
    }
    return done;
  }
}
