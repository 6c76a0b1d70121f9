import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An agent from the configuration (employee number as id), synced at start-up. */
@Entity({ name: 'agent' })
@Index('ix_agent_team', ['teamId'])
export class AgentEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_agent' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId!: string | null;

  @Column({ name: 'hire_date', type: 'date' })
  hireDate!: string;

  @Column({ name: 'quota', type: 'integer', nullable: true })
  quota!: number | null;

  @Column({ name: 'interfaces', type: 'text', array: true })
  interfaces!: string[];

  @Column({ name: 'devices', type: 'text', array: true })
  devices!: string[];

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
