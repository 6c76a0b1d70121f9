import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One shift's QA draw with its seed and exact inputs, so anyone can re-run it and compare. */
@Entity({ name: 'qa_sample_draw' })
@Unique('uq_qa_sample_draw_week_shift', ['weekId', 'shiftId'])
export class QaSampleDrawEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_qa_sample_draw' })
  id!: string;

  @Column({ name: 'week_id', type: 'text' })
  weekId!: string;

  @Column({ name: 'shift_id', type: 'text' })
  shiftId!: string;

  @Column({ name: 'seed', type: 'text' })
  seed!: string;

  @Column({ name: 'inputs', type: 'jsonb' })
  inputs!: unknown;

  @Column({ name: 'inputs_sha256', type: 'text' })
  inputsSha256!: string;

  @Column({ name: 'result', type: 'jsonb' })
  result!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}
