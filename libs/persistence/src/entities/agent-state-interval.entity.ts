import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One agent state from its start to the next state (open while `ended_at` is null). */
@Entity({ name: 'agent_state_interval' })
@Index('ix_agent_state_interval_day', ['day'])
export class AgentStateIntervalEntity {
  @PrimaryColumn({
    name: 'agent_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_agent_state_interval',
  })
  agentId!: string;

  @PrimaryColumn({
    name: 'started_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_agent_state_interval',
  })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'status', type: 'text' })
  status!: string;

  @Column({ name: 'direction', type: 'text', nullable: true })
  direction!: string | null;

  @Column({ name: 'held', type: 'boolean', default: false })
  held!: boolean;

  @Column({ name: 'pause_reason', type: 'text', nullable: true })
  pauseReason!: string | null;

  @Column({ name: 'logged_in', type: 'boolean' })
  loggedIn!: boolean;

  @Column({ name: 'resync', type: 'boolean', default: false })
  resync!: boolean;

  @Column({ name: 'day', type: 'date' })
  day!: string;
}
