import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AgentLeg } from '@cti/domain';
import { maskNumber } from '@cti/auth';

const iso = (ms: number): string => new Date(ms).toISOString();

/** One agent's part of a customer call, as the API shows it. */
export class CallDto {
  @ApiProperty({ example: '7001:1773108000.12:3' }) id!: string;
  @ApiProperty() agentId!: string;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: 'inbound' | 'outbound';
  @ApiProperty({ enum: ['queue', 'dial', 'direct', 'transfer'] }) via!: string;
  @ApiPropertyOptional() queue?: string;
  @ApiProperty({
    description: 'Masked (138****5678) unless the role may see numbers',
    example: '138****5678',
  })
  customerNumber!: string;
  @ApiProperty() numberMasked!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) answeredAt?: string;
  @ApiProperty({ format: 'date-time' }) endedAt!: string;
  @ApiProperty({ enum: ['answered', 'noanswer', 'busy', 'congestion', 'failed'] }) outcome!: string;
  @ApiProperty() talkSeconds!: number;
  @ApiProperty() holds!: number;
  @ApiProperty() holdSeconds!: number;
  @ApiProperty() transferredIn!: boolean;
  @ApiPropertyOptional({ enum: ['blind', 'attended'] }) transferredOut?: string;
  @ApiProperty() recorded!: boolean;
  @ApiProperty({ description: 'Counts toward the quota under the rule of its day' })
  effective!: boolean;
  @ApiProperty({ example: '2026-03-10' }) day!: string;
  @ApiPropertyOptional({ enum: ['link-gap', 'pbx-restart'] }) gap?: string;
  @ApiPropertyOptional({
    enum: ['lastcall', 'gap', 'unseen'],
    description: 'How a leg the link lost sight of was settled at the resync (docs/replay.md)',
  })
  settledFrom?: string;
}

/** A leg for the API; the customer number masked unless `unmasked` (decided by role, audited). */
export function callView(leg: AgentLeg, unmasked: boolean): CallDto {
  return {
    id: leg.id,
    agentId: leg.agentId,
    direction: leg.direction,
    via: leg.via,
    ...(leg.queue !== undefined ? { queue: leg.queue } : {}),
    customerNumber: unmasked ? leg.customerNumber : maskNumber(leg.customerNumber),
    numberMasked: !unmasked,
    startedAt: iso(leg.startedAt),
    ...(leg.answeredAt !== undefined ? { answeredAt: iso(leg.answeredAt) } : {}),
    endedAt: iso(leg.endedAt),
    outcome: leg.outcome,
    talkSeconds: leg.talkSeconds,
    holds: leg.holds,
    holdSeconds: leg.holdSeconds,
    transferredIn: leg.transferredIn,
    ...(leg.transferredOut !== undefined ? { transferredOut: leg.transferredOut } : {}),
    recorded: leg.recorded,
    effective: leg.effective,
    day: leg.day,
    ...(leg.gap !== undefined ? { gap: leg.gap } : {}),
    ...(leg.settledFrom !== undefined ? { settledFrom: leg.settledFrom } : {}),
  };
}

export { iso };
