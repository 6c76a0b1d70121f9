import { type AuditEntry, type AuditLog, type AuditQuery, type AuditRecord } from '@cti/auth';
import { type DataSource } from 'typeorm';

// The shapes are the auth lib's ports: this store is their adapter.
export type { AuditEntry, AuditQuery, AuditRecord };

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
}

/** Who did what: appended synchronously by the API (an audit entry must not be lost silently). */
export class AuditTrail implements AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const rows = await this.dataSource.query<AuditRow[]>(
      'INSERT INTO "audit_log" ("actor", "action", "target", "details") VALUES ($1, $2, $3, $4::jsonb) RETURNING *',
      [
        entry.actor,
        entry.action,
        entry.target ?? null,
        entry.details === undefined ? null : JSON.stringify(entry.details),
      ],
    );
    return toRecord(rows[0]!);
  }

  async list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, op: string, value: unknown): void => {
      params.push(value);
      where.push(`"${column}" ${op} $${params.length}`);
    };
    if (query.actor !== undefined) add('actor', '=', query.actor);
    if (query.action !== undefined) add('action', '=', query.action);
    if (query.beforeId !== undefined) add('id', '<', query.beforeId);
    params.push(Math.min(1000, Math.max(1, query.limit ?? 100)));
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT * FROM "audit_log" ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "id" DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }
}

function toRecord(r: AuditRow): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    ...(r.target !== null ? { target: r.target } : {}),
    ...(r.details !== null ? { details: r.details } : {}),
  };
}
