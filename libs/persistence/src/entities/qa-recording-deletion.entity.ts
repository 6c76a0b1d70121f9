import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What retention deleted: appended, never updated (the proof a recording was removed, and why). */
@Entity({ name: 'qa_recording_deletion' })
@Index('ix_qa_recording_deletion_deleted_at', ['deletedAt'])
export class QaRecordingDeletionEntity {
  @PrimaryGeneratedColumn({
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_qa_recording_deletion',
  })
  id!: string;

  @Column({ name: 'recording_id', type: 'text' })
  recordingId!: string;

  @Column({ name: 'location', type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'sha256', type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ name: 'size', type: 'bigint', nullable: true })
  size!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'retention_days', type: 'integer' })
  retentionDays!: number;

  @Column({ name: 'file_found', type: 'boolean' })
  fileFound!: boolean;
}
