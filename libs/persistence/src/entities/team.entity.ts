import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team from the configuration; kept (inactive) when removed so history still resolves. */
@Entity({ name: 'team' })
export class TeamEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_team' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
