import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An agent kept after the shift (今日事今日毕) until the quota is met or released with a reason. */
@Entity({ name: 'workforce_stay_late' })
@Check('ck_workforce_stay_late_state', `"state" IN ('staying', 'met', 'released')`)
@Index('ix_workforce_stay_late_state', ['state'])
export class WorkforceStayLateEntity {
  @PrimaryColumn({
    name: 'agent_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_stay_late',
  })
  agentId!: string;

  @PrimaryColumn({ name: 'day', type: 'date', primaryKeyConstraintName: 'pk_workforce_stay_late' })
  day!: string;

  @Column({ name: 'shift_end', type: 'timestamptz' })
  shiftEnd!: Date;

  @Column({ name: 'quota', type: 'integer' })
  quota!: number;

  @Column({ name: 'effective_at_shift_end', type: 'integer' })
  effectiveAtShiftEnd!: number;

  @Column({ name: 'effective', type: 'integer' })
  effective!: number;

  @Column({ name: 'state', type: 'text' })
  state!: string;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'released_by', type: 'text', nullable: true })
  releasedBy!: string | null;

  @Column({ name: 'release_reason', type: 'text', nullable: true })
  releaseReason!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
