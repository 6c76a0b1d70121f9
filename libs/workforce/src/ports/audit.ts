import { WorkforceError } from '../workforce-error';

/** An audit entry, the shape @cti/persistence's AuditTrail and @cti/auth's AuditLog append. */
export interface WorkforceAuditEntry {
  readonly actor: string;
  readonly action: WorkforceAuditAction;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Stable action names: audit reports filter on them. */
export type WorkforceAuditAction =
  | 'stay_late.release'
  | 'follow_up.create'
  | 'follow_up.update'
  | 'follow_ups.list_unmasked'
  | 'team_day.submit'
  | 'attendance.exception'
  | 'schedule.override_add'
  | 'schedule.override_remove'
  | 'rules.add_version';

/** Where audit entries go (bind AuditTrail / AuditLog). Appends are awaited: none is lost silently. */
export abstract class WorkforceAudit {
  abstract append(entry: WorkforceAuditEntry): Promise<unknown>;
}

/**
 * Appends and fails closed: without its audit entry an action must not happen, so a failed append
 * is a 503 before anything changes.
 */
export async function appendAudit(
  audit: WorkforceAudit,
  entry: WorkforceAuditEntry,
): Promise<void> {
  try {
    await audit.append(entry);
  } catch (err) {
    throw new WorkforceError(
      'UNAVAILABLE',
      `the audit log is unavailable: try again later (${(err as Error).name})`,
    );
  }
}
