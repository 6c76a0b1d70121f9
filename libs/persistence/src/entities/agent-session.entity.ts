import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Login to logout; keyed by (agent, login instant) so a re-sent session updates in place. */
@Entity({ name: 'agent_session' })
@Index('ix_agent_session_day', ['day'])
export class AgentSessionEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'text', primaryKeyConstraintName: 'pk_agent_session' })
  agentId!: string;

  @PrimaryColumn({
    name: 'login_at',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_agent_session',
  })
  loginAt!: Date;

  @Column({ name: 'logout_at', type: 'timestamptz', nullable: true })
  logoutAt!: Date | null;

  @Column({ name: 'day', type: 'date' })
  day!: string;
}
