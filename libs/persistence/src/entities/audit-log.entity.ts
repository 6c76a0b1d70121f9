import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to what: appended, never updated. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_actor', ['actor'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint', primaryKeyConstraintName: 'pk_audit_log' })
  id!: string;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor', type: 'text' })
  actor!: string;

  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'target', type: 'text', nullable: true })
  target!: string | null;

  @Column({ name: 'details', type: 'jsonb', nullable: true })
  details!: unknown;
}
