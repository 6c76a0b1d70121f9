import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A scored call: answers, comments at times, the result and the scorecard version used. */
@Entity({ name: 'qa_evaluation' })
@Unique('uq_qa_evaluation_assignment', ['assignmentId'])
@Index('ix_qa_evaluation_agent_submitted', ['agentId', 'submittedAt'])
@Index('ix_qa_evaluation_recording', ['recordingId'])
export class QaEvaluationEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_qa_evaluation' })
  id!: string;

  @Column({ name: 'assignment_id', type: 'text', nullable: true })
  assignmentId!: string | null;

  @Column({ name: 'recording_id', type: 'text' })
  recordingId!: string;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId!: string | null;

  @Column({ name: 'reviewer_id', type: 'text' })
  reviewerId!: string;

  @Column({ name: 'scorecard_id', type: 'text' })
  scorecardId!: string;

  @Column({ name: 'scorecard_version', type: 'integer' })
  scorecardVersion!: number;

  @Column({ name: 'answers', type: 'jsonb' })
  answers!: unknown;

  @Column({ name: 'comments', type: 'jsonb' })
  comments!: unknown;

  @Column({ name: 'result', type: 'jsonb' })
  result!: unknown;

  @Column({ name: 'total', type: 'numeric' })
  total!: string;

  @Column({ name: 'critical_fail', type: 'boolean' })
  criticalFail!: boolean;

  @Column({ name: 'calibration', type: 'boolean' })
  calibration!: boolean;

  /** submitted | acknowledged | disputed | upheld | amended */
  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'dispute_reason', type: 'text', nullable: true })
  disputeReason!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'final_total', type: 'numeric', nullable: true })
  finalTotal!: string | null;
}
