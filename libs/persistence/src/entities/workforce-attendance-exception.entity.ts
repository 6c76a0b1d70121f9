import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Leave or an approved exception a supervisor recorded: turns an attendance flag off, with why. */
@Entity({ name: 'workforce_attendance_exception' })
@Index('ix_workforce_attendance_exception_agent_day', ['agentId', 'day'])
export class WorkforceAttendanceExceptionEntity {
  @PrimaryGeneratedColumn({
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_workforce_attendance_exception',
  })
  id!: string;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'day', type: 'date' })
  day!: string;

  @Column({ name: 'flag', type: 'text' })
  flag!: string;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
