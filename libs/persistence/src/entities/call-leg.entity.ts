import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numericSeconds } from './numeric';

/** One agent's part of a customer call, with the effective verdict and the rule that gave it. */
@Entity({ name: 'call_leg' })
@Index('ix_call_leg_agent_day', ['agentId', 'day'])
@Index('ix_call_leg_day', ['day'])
@Index('ix_call_leg_started_at', ['startedAt'])
@Index('ix_call_leg_linkedid', ['linkedid'])
export class CallLegEntity {
  /** The core's leg id: the idempotency key of every re-sent or replayed leg. */
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_call_leg' })
  id!: string;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'direction', type: 'text' })
  direction!: string;

  @Column({ name: 'via', type: 'text' })
  via!: string;

  @Column({ name: 'transferred_in', type: 'boolean' })
  transferredIn!: boolean;

  @Column({ name: 'queue', type: 'text', nullable: true })
  queue!: string | null;

  @Column({ name: 'customer_number', type: 'text' })
  customerNumber!: string;

  @Column({ name: 'customer_uniqueid', type: 'text' })
  customerUniqueid!: string;

  @Column({ name: 'agent_uniqueid', type: 'text' })
  agentUniqueid!: string;

  @Column({ name: 'linkedid', type: 'text' })
  linkedid!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz' })
  endedAt!: Date;

  @Column({ name: 'outcome', type: 'text' })
  outcome!: string;

  @Column({ name: 'talk_seconds', type: 'numeric', transformer: numericSeconds })
  talkSeconds!: number;

  @Column({ name: 'holds', type: 'integer' })
  holds!: number;

  @Column({ name: 'hold_seconds', type: 'numeric', transformer: numericSeconds })
  holdSeconds!: number;

  @Column({ name: 'transferred_out', type: 'text', nullable: true })
  transferredOut!: string | null;

  @Column({ name: 'recorded', type: 'boolean' })
  recorded!: boolean;

  @Column({ name: 'effective', type: 'boolean' })
  effective!: boolean;

  @Column({ name: 'rule_version', type: 'text' })
  ruleVersion!: string;

  @Column({ name: 'day', type: 'date' })
  day!: string;

  @Column({ name: 'gap', type: 'text', nullable: true })
  gap!: string | null;

  @Column({ name: 'stored_at', type: 'timestamptz', default: () => 'now()' })
  storedAt!: Date;
}
