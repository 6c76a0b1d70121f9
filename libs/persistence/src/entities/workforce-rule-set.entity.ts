import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A quota rule version added through the API; never updated (a change is a new version). */
@Entity({ name: 'workforce_rule_set' })
@Unique('uq_workforce_rule_set_effective_from', ['effectiveFrom'])
export class WorkforceRuleSetEntity {
  @PrimaryColumn({
    name: 'version',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_rule_set',
  })
  version!: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'body', type: 'jsonb' })
  body!: unknown;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
