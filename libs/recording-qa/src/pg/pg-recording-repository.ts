import { type DataSource } from 'typeorm';
import { type FileObservation, type RecordingStatus } from '@cti/domain';
import {
  type DeletionRecord,
  type MuteWindow,
  type RecordingEntry,
  type RecordingFilter,
  RecordingRepository,
} from '../ports/recording-repository.port';

/*
 * The registry in PostgreSQL (tables of the RecordingQa migration in libs/persistence). Plain
 * parameterised SQL: values never become SQL text. This adapter sits in the QA lib because only
 * entities and the migration may be added to libs/persistence for now; it can move there as is.
 */
interface RecordingRow {
  id: string;
  uniqueid: string;
  linkedid: string;
  channel: string;
  pass: number;
  started_at: Date;
  day_text: string;
  started_by: string;
  status: string;
  location: string | null;
  format: string;
  direction: string | null;
  agent_id: string | null;
  agent_ids: string[];
  team_id: string | null;
  queue: string | null;
  customer_masked: string | null;
  leg_ids: string[];
  answered_at: Date | null;
  call_ended_at: Date | null;
  talk_seconds: string | null;
  duration_seconds: string | null;
  size: string | null;
  sha256: string | null;
  mtime_ms: string | null;
  last_seen: (FileObservation & { at: number }) | null;
  flag_reason: string | null;
  flagged_at: Date | null;
  completed_at: Date | null;
  mutes: MuteWindow[];
  deleted_at: Date | null;
}

const COLUMNS = [
  'id',
  'uniqueid',
  'linkedid',
  'channel',
  'pass',
  'started_at',
  'day',
  'started_by',
  'status',
  'location',
  'format',
  'direction',
  'agent_id',
  'agent_ids',
  'team_id',
  'queue',
  'customer_masked',
  'leg_ids',
  'answered_at',
  'call_ended_at',
  'talk_seconds',
  'duration_seconds',
  'size',
  'sha256',
  'mtime_ms',
  'last_seen',
  'flag_reason',
  'flagged_at',
  'completed_at',
  'mutes',
  'deleted_at',
] as const;

// `date` columns come back as JS Dates in the server's zone: read the day as text instead.
const SELECT = `SELECT *, to_char("day", 'YYYY-MM-DD') AS "day_text" FROM "qa_recording"`;

const date = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const ms = (d: Date | null): number | undefined => (d === null ? undefined : d.getTime());
const num = (v: string | null): number | undefined => (v === null ? undefined : Number(v));
const opt = <K extends string, V>(key: K, v: V | null | undefined): { [P in K]?: V } =>
  (v === null || v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

export class PgRecordingRepository extends RecordingRepository {
  constructor(private readonly db: DataSource) {
    super();
  }

  async get(id: string): Promise<RecordingEntry | undefined> {
    const rows = await this.db.query<RecordingRow[]>(`${SELECT} WHERE "id" = $1`, [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async byUniqueid(uniqueid: string): Promise<RecordingEntry[]> {
    const rows = await this.db.query<RecordingRow[]>(
      `${SELECT} WHERE "uniqueid" = $1 ORDER BY "pass"`,
      [uniqueid],
    );
    return rows.map(fromRow);
  }

  async save(e: RecordingEntry): Promise<void> {
    const values = [
      e.id,
      e.uniqueid,
      e.linkedid,
      e.channel,
      e.pass,
      new Date(e.startedAt),
      e.day,
      e.startedBy,
      e.status,
      e.location ?? null,
      e.format,
      e.direction ?? null,
      e.agentId ?? null,
      [...e.agentIds],
      e.teamId ?? null,
      e.queue ?? null,
      e.customerMasked ?? null,
      [...e.legIds],
      date(e.answeredAt),
      date(e.callEndedAt),
      e.talkSeconds ?? null,
      e.durationSeconds ?? null,
      e.size ?? null,
      e.sha256 ?? null,
      e.mtimeMs ?? null,
      e.lastSeen === undefined ? null : JSON.stringify(e.lastSeen),
      e.flagReason ?? null,
      date(e.flaggedAt),
      date(e.completedAt),
      JSON.stringify(e.mutes),
      date(e.deletedAt),
    ];
    const cols = COLUMNS.map((c) => `"${c}"`).join(', ');
    const params = COLUMNS.map((c, i) =>
      c === 'last_seen' || c === 'mutes' ? `$${i + 1}::jsonb` : `$${i + 1}`,
    ).join(', ');
    const updates = COLUMNS.slice(1)
      .filter((c) => c !== 'mutes')
      .map((c) => `"${c}" = EXCLUDED."${c}"`)
      .join(', ');
    await this.db.query(
      `INSERT INTO "qa_recording" (${cols}) VALUES (${params}) ON CONFLICT ("id") DO UPDATE SET ${updates}, "updated_at" = now()`,
      values,
    );
  }

  async setMutes(id: string, mutes: readonly MuteWindow[]): Promise<void> {
    await this.db.query(
      'UPDATE "qa_recording" SET "mutes" = $2::jsonb, "updated_at" = now() WHERE "id" = $1',
      [id, JSON.stringify(mutes)],
    );
  }

  async list(filter: RecordingFilter): Promise<RecordingEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.statuses) add('"status" = ANY(?)', [...filter.statuses]);
    if (filter.from !== undefined) add('"started_at" >= ?', new Date(filter.from));
    if (filter.to !== undefined) add('"started_at" < ?', new Date(filter.to));
    if (filter.agentId !== undefined) add('? = ANY("agent_ids")', filter.agentId);
    if (filter.teamId !== undefined) add('"team_id" = ?', filter.teamId);
    params.push(Math.min(100_000, Math.max(1, filter.limit ?? 100_000)));
    const rows = await this.db.query<RecordingRow[]>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "started_at", "id" LIMIT $${params.length}`,
      params,
    );
    return rows.map(fromRow);
  }

  async addDeletion(d: DeletionRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO "qa_recording_deletion" ("recording_id", "location", "sha256", "size", "started_at", "deleted_at", "reason", "retention_days", "file_found")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        d.recordingId,
        d.location ?? null,
        d.sha256 ?? null,
        d.size ?? null,
        new Date(d.startedAt),
        new Date(d.deletedAt),
        d.reason,
        d.retentionDays,
        d.fileFound,
      ],
    );
  }

  async deletions(sinceMs = 0): Promise<DeletionRecord[]> {
    const rows = await this.db.query<
      {
        recording_id: string;
        location: string | null;
        sha256: string | null;
        size: string | null;
        started_at: Date;
        deleted_at: Date;
        retention_days: number;
        file_found: boolean;
      }[]
    >('SELECT * FROM "qa_recording_deletion" WHERE "deleted_at" >= $1 ORDER BY "id"', [
      new Date(sinceMs),
    ]);
    return rows.map((r) => ({
      recordingId: r.recording_id,
      ...opt('location', r.location),
      ...opt('sha256', r.sha256),
      ...opt('size', num(r.size)),
      startedAt: r.started_at.getTime(),
      deletedAt: r.deleted_at.getTime(),
      reason: 'retention',
      retentionDays: r.retention_days,
      fileFound: r.file_found,
    }));
  }
}

function fromRow(r: RecordingRow): RecordingEntry {
  return {
    id: r.id,
    uniqueid: r.uniqueid,
    linkedid: r.linkedid,
    channel: r.channel,
    pass: r.pass,
    startedAt: r.started_at.getTime(),
    day: r.day_text,
    startedBy: r.started_by === 'product' ? 'product' : 'pbx',
    status: r.status as RecordingStatus,
    ...opt('location', r.location),
    format: r.format,
    ...opt('direction', r.direction as 'inbound' | 'outbound' | null),
    ...opt('agentId', r.agent_id),
    agentIds: r.agent_ids,
    ...opt('teamId', r.team_id),
    ...opt('queue', r.queue),
    ...opt('customerMasked', r.customer_masked),
    legIds: r.leg_ids,
    ...opt('answeredAt', ms(r.answered_at)),
    ...opt('callEndedAt', ms(r.call_ended_at)),
    ...opt('talkSeconds', num(r.talk_seconds)),
    ...opt('durationSeconds', num(r.duration_seconds)),
    ...opt('size', num(r.size)),
    ...opt('sha256', r.sha256),
    ...opt('mtimeMs', num(r.mtime_ms)),
    ...opt('lastSeen', r.last_seen),
    ...opt('flagReason', r.flag_reason),
    ...opt('flaggedAt', ms(r.flagged_at)),
    ...opt('completedAt', ms(r.completed_at)),
    mutes: r.mutes,
    ...opt('deletedAt', ms(r.deleted_at)),
  };
}
