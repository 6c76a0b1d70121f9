import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The recording registry (libs/recording-qa): one row per recording file, from the core's
 * recording start to the file's hash, flags and deletion. The `recording` table stays the
 * record writer's raw log of starts.
 */
@Entity({ name: 'qa_recording' })
@Index('ix_qa_recording_uniqueid', ['uniqueid'])
@Index('ix_qa_recording_status', ['status'])
@Index('ix_qa_recording_started_at', ['startedAt'])
@Index('ix_qa_recording_agent_started', ['agentId', 'startedAt'])
export class QaRecordingEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_qa_recording' })
  id!: string;

  @Column({ name: 'uniqueid', type: 'text' })
  uniqueid!: string;

  @Column({ name: 'linkedid', type: 'text' })
  linkedid!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: string;

  @Column({ name: 'pass', type: 'integer' })
  pass!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'day', type: 'date' })
  day!: string;

  @Column({ name: 'started_by', type: 'text' })
  startedBy!: string;

  /** pending | complete | missing | empty | changed | deleted */
  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'location', type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'format', type: 'text' })
  format!: string;

  @Column({ name: 'direction', type: 'text', nullable: true })
  direction!: string | null;

  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId!: string | null;

  @Column({ name: 'agent_ids', type: 'text', array: true })
  agentIds!: string[];

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId!: string | null;

  @Column({ name: 'queue', type: 'text', nullable: true })
  queue!: string | null;

  /** Masked only: the full number never reaches this table. */
  @Column({ name: 'customer_masked', type: 'text', nullable: true })
  customerMasked!: string | null;

  @Column({ name: 'leg_ids', type: 'text', array: true })
  legIds!: string[];

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'call_ended_at', type: 'timestamptz', nullable: true })
  callEndedAt!: Date | null;

  @Column({ name: 'talk_seconds', type: 'numeric', nullable: true })
  talkSeconds!: string | null;

  @Column({ name: 'duration_seconds', type: 'numeric', nullable: true })
  durationSeconds!: string | null;

  @Column({ name: 'size', type: 'bigint', nullable: true })
  size!: string | null;

  @Column({ name: 'sha256', type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ name: 'mtime_ms', type: 'bigint', nullable: true })
  mtimeMs!: string | null;

  @Column({ name: 'last_seen', type: 'jsonb', nullable: true })
  lastSeen!: unknown;

  @Column({ name: 'flag_reason', type: 'text', nullable: true })
  flagReason!: string | null;

  @Column({ name: 'flagged_at', type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'mutes', type: 'jsonb' })
  mutes!: unknown;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
