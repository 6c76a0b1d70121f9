import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A scheduled report sent to one target: its key keeps a restart from sending it twice. */
@Entity({ name: 'workforce_report_delivery' })
export class WorkforceReportDeliveryEntity {
  @PrimaryColumn({
    name: 'report',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_report_delivery',
  })
  report!: string;

  @PrimaryColumn({
    name: 'period',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_report_delivery',
  })
  period!: string;

  @PrimaryColumn({
    name: 'target',
    type: 'text',
    primaryKeyConstraintName: 'pk_workforce_report_delivery',
  })
  target!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'ok', type: 'boolean' })
  ok!: boolean;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;
}
