import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes';

/** The body of every error response. */
export class ErrorBodyDto {
  @ApiProperty({ enum: ERROR_CODES, description: 'Stable machine-readable code' })
  code!: ErrorCode;

  @ApiProperty({ description: 'Human-readable message (no customer data)' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'e.g. { fields: [{ field, problems }] } for VALIDATION_FAILED, { retryAfterSeconds } for RATE_LIMITED',
    type: 'object',
    additionalProperties: true,
  })
  details?: Record<string, unknown>;
}
