import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One shift end's must-stay list and who was notified; its key makes the run happen once. */
@Entity({ name: 'workforce_shift_end_run' })
export class WorkforceShiftEndRunEntity {
  @PrimaryColumn({
    name: 'day',
    type: 'date',
    primaryKeyConstraintName: 'pk_workforce_shift_end_run',
  })
  day!: string;

  @PrimaryColumn({
    name: 'shift_end',
    type: 'timestamptz',
    primaryKeyConstraintName: 'pk_workforce_shift_end_run',
  })
  shiftEnd!: Date;

  @Column({ name: 'ran_at', type: 'timestamptz' })
  ranAt!: Date;

  @Column({ name: 'rule_version', type: 'text' })
  ruleVersion!: string;

  @Column({ name: 'must_stay', type: 'jsonb' })
  mustStay!: unknown;

  @Column({ name: 'notifications', type: 'jsonb', nullable: true })
  notifications!: unknown;
}
