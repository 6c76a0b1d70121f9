import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numericSeconds } from './numeric';

/** Per agent and day, always recomputed from call_leg and pause_interval, never incremented. */
@Entity({ name: 'daily_agent_counter' })
@Index('ix_daily_agent_counter_day', ['day'])
export class DailyAgentCounterEntity {
  @PrimaryColumn({
    name: 'agent_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_daily_agent_counter',
  })
  agentId!: string;

  @PrimaryColumn({ name: 'day', type: 'date', primaryKeyConstraintName: 'pk_daily_agent_counter' })
  day!: string;

  @Column({ name: 'effective', type: 'integer' })
  effective!: number;

  @Column({ name: 'effective_unique', type: 'integer' })
  effectiveUnique!: number;

  @Column({ name: 'answered', type: 'integer' })
  answered!: number;

  @Column({ name: 'dials', type: 'integer' })
  dials!: number;

  @Column({ name: 'talk_seconds', type: 'numeric', transformer: numericSeconds })
  talkSeconds!: number;

  @Column({ name: 'pause_seconds', type: 'numeric', transformer: numericSeconds })
  pauseSeconds!: number;

  @Column({ name: 'rule_version', type: 'text', nullable: true })
  ruleVersion!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
