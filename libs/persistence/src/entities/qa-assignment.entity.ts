import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A pick given to a reviewer (several reviewers for a calibration call). */
@Entity({ name: 'qa_assignment' })
@Unique('uq_qa_assignment_recording_agent_reviewer', ['recordingId', 'agentId', 'reviewerId'])
@Index('ix_qa_assignment_reviewer_status', ['reviewerId', 'status'])
@Index('ix_qa_assignment_draw', ['drawId'])
export class QaAssignmentEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_qa_assignment' })
  id!: string;

  @Column({ name: 'draw_id', type: 'text' })
  drawId!: string;

  @Column({ name: 'recording_id', type: 'text' })
  recordingId!: string;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId!: string | null;

  @Column({ name: 'reviewer_id', type: 'text' })
  reviewerId!: string;

  @Column({ name: 'calibration', type: 'boolean' })
  calibration!: boolean;

  /** open | scored */
  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
