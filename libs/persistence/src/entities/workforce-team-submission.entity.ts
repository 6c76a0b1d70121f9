import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A team leader handing the team's day in to the supervisor; `late` is kept, and shown. */
@Entity({ name: 'workforce_team_submission' })
@Index('ix_workforce_team_submission_day', ['day'])
export class WorkforceTeamSubmissionEntity {
  @PrimaryColumn({
    name: 'team_id',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_team_submission',
  })
  teamId!: string;

  @PrimaryColumn({
    name: 'day',
    type: 'date',
    primaryKeyConstraintName: 'pk_workforce_team_submission',
  })
  day!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'records', type: 'integer' })
  records!: number;

  @Column({ name: 'late', type: 'boolean' })
  late!: boolean;
}
