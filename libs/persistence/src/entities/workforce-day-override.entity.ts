import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A day changed through the API (leave, day off, another pattern) for an agent, a team or all. */
@Entity({ name: 'workforce_day_override' })
@Unique('uq_workforce_day_override_target', ['day', 'agentId', 'teamId'])
@Check('ck_workforce_day_override_kind', `"kind" IN ('leave', 'off', 'work')`)
@Index('ix_workforce_day_override_day', ['day'])
export class WorkforceDayOverrideEntity {
  @PrimaryGeneratedColumn({
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_workforce_day_override',
  })
  id!: string;

  @Column({ name: 'day', type: 'date' })
  day!: string;

  /** '' when the override is not for one agent (a NULL would never conflict). */
  @Column({ name: 'agent_id', type: 'text', default: '' })
  agentId!: string;

  @Column({ name: 'team_id', type: 'text', default: '' })
  teamId!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  @Column({ name: 'pattern', type: 'text', nullable: true })
  pattern!: string | null;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
