import { Injectable, Logger } from '@nestjs/common';
import { type ApiPrincipal, AuditLog } from '@cti/auth';
import { unavailable } from '../errors/api-error';

/** Audit actions written by the API (stable strings: reports filter on them). */
export type ApiAuditAction =
  | 'call.number_read'
  | 'calls.list_unmasked'
  | 'agent_day.read_unmasked'
  | 'user.create'
  | 'user.update'
  | 'user.password_reset';

/**
 * Appends audit entries for the API and fails closed: when the entry cannot be written the
 * request fails with 503 and nothing sensitive is returned or changed afterwards.
 */
@Injectable()
export class AuditWriter {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditLog) {}

  async record(
    actor: ApiPrincipal,
    action: ApiAuditAction,
    target?: string,
    details?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    try {
      await this.audit.append({
        actor: actor.username,
        action,
        ...(target !== undefined ? { target } : {}),
        details: { userId: actor.userId, role: actor.role, ...details },
      });
    } catch (err) {
      this.logger.error(`audit append failed (${action}): ${(err as Error).message}`);
      throw unavailable('the audit log is unavailable: try again later');
    }
  }
}
