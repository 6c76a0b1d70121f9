import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Scorecard versions: a new definition is a new row, never an update (scores keep their version). */
@Entity({ name: 'qa_scorecard' })
export class QaScorecardEntity {
  @PrimaryColumn({ name: 'id', type: 'text', primaryKeyConstraintName: 'pk_qa_scorecard' })
  id!: string;

  @PrimaryColumn({ name: 'version', type: 'integer', primaryKeyConstraintName: 'pk_qa_scorecard' })
  version!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'definition', type: 'jsonb' })
  definition!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;
}
