import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A pause with its reason, limit and whether it ran over; keyed by (agent, start). */
@Entity({ name: 'pause_interval' })
@Index('ix_pause_interval_day', ['day'])
export class PauseIntervalEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'text', primaryKeyConstraintName: 'pk_pause_interval' })
  agentId!: string;

  @PrimaryColumn({
    name: 'started_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_pause_interval',
  })
  startedAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'limit_seconds', type: 'integer' })
  limitSeconds!: number;

  @Column({ name: 'over_limit', type: 'boolean', default: false })
  overLimit!: boolean;

  @Column({ name: 'over_limit_at', type: 'timestamptz', nullable: true })
  overLimitAt!: Date | null;

  @Column({ name: 'day', type: 'date' })
  day!: string;
}
