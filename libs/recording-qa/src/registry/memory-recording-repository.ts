import { compareText } from '@cti/domain';
import {
  type DeletionRecord,
  type MuteWindow,
  type RecordingEntry,
  type RecordingFilter,
  RecordingRepository,
} from '../ports/recording-repository.port';

/** The registry's store in memory: for tests and for running without a database. */
export class MemoryRecordingRepository extends RecordingRepository {
  private readonly entries = new Map<string, RecordingEntry>();
  private readonly removed: DeletionRecord[] = [];

  async get(id: string): Promise<RecordingEntry | undefined> {
    return this.entries.get(id);
  }

  async byUniqueid(uniqueid: string): Promise<RecordingEntry[]> {
    return [...this.entries.values()]
      .filter((e) => e.uniqueid === uniqueid)
      .sort((a, b) => a.pass - b.pass);
  }

  async save(entry: RecordingEntry): Promise<void> {
    const existing = this.entries.get(entry.id);
    this.entries.set(entry.id, existing ? { ...entry, mutes: existing.mutes } : entry);
  }

  async setMutes(id: string, mutes: readonly MuteWindow[]): Promise<void> {
    const existing = this.entries.get(id);
    if (existing) this.entries.set(id, { ...existing, mutes });
  }

  async list(filter: RecordingFilter): Promise<RecordingEntry[]> {
    const out = [...this.entries.values()].filter(
      (e) =>
        (!filter.statuses || filter.statuses.includes(e.status)) &&
        (filter.from === undefined || e.startedAt >= filter.from) &&
        (filter.to === undefined || e.startedAt < filter.to) &&
        (filter.agentId === undefined || e.agentIds.includes(filter.agentId)) &&
        (filter.teamId === undefined || e.teamId === filter.teamId),
    );
    out.sort((a, b) => a.startedAt - b.startedAt || compareText(a.id, b.id));
    return out.slice(0, filter.limit ?? out.length);
  }

  async addDeletion(record: DeletionRecord): Promise<void> {
    this.removed.push(record);
  }

  async deletions(sinceMs = 0): Promise<DeletionRecord[]> {
    return this.removed.filter((d) => d.deletedAt >= sinceMs);
  }
}
