import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An agent calling a colleague: not a customer call, kept apart from the legs. */
@Entity({ name: 'internal_call' })
@Index('ix_internal_call_agent_day', ['agentId', 'day'])
export class InternalCallEntity {
  @PrimaryColumn({
    name: 'caller_uniqueid',
    type: 'text',
    primaryKeyConstraintName: 'pk_internal_call',
  })
  callerUniqueid!: string;

  @PrimaryColumn({
    name: 'callee_agent_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_internal_call',
  })
  calleeAgentId!: string;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'answered', type: 'boolean' })
  answered!: boolean;

  @Column({ name: 'day', type: 'date' })
  day!: string;
}
