import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Recording metadata: started by the core, completed (file, hash, size) by the recording work. */
@Entity({ name: 'recording' })
@Index('ix_recording_linkedid', ['linkedid'])
@Index('ix_recording_day', ['day'])
export class RecordingEntity {
  @PrimaryColumn({ name: 'uniqueid', type: 'text', primaryKeyConstraintName: 'pk_recording' })
  uniqueid!: string;

  @PrimaryColumn({
    name: 'started_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_recording',
  })
  startedAt!: Date;

  @Column({ name: 'linkedid', type: 'text' })
  linkedid!: string;

  @Column({ name: 'channel', type: 'text' })
  channel!: string;

  @Column({ name: 'day', type: 'date' })
  day!: string;

  @Column({ name: 'file', type: 'text', nullable: true })
  file!: string | null;

  @Column({ name: 'sha256', type: 'text', nullable: true })
  sha256!: string | null;

  @Column({ name: 'size', type: 'bigint', nullable: true })
  size!: string | null;

  /** started | stored | missing | purged: advanced by the recording work, not by the core. */
  @Column({ name: 'status', type: 'text', default: 'started' })
  status!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
