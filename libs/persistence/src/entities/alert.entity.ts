import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A raised alert (pause over limit, PBX restart); (kind, agent_id, at) makes re-sends no-ops. */
@Entity({ name: 'alert' })
@Unique('uq_alert_kind_agent_at', ['kind', 'agentId', 'at'])
@Index('ix_alert_at', ['at'])
export class AlertEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint', primaryKeyConstraintName: 'pk_alert' })
  id!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  /** '' for center-wide alerts: a NULL would never conflict, so re-sends would duplicate. */
  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
