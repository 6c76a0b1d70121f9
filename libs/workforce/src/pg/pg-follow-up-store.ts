import { type DataSource } from 'typeorm';
import { type FollowUpDraft, type FollowUpKind } from '@cti/domain';
import { type FollowUpQuery, type FollowUpRecord, FollowUpStore } from '../ports/stores';

interface Row {
  id: string;
  agent_id: string;
  team_id: string | null;
  day: string;
  kind: FollowUpKind;
  contact_name: string;
  phone_number: string;
  content: string;
  leg_id: string | null;
  created_by: string;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date | null;
  revision: number;
}

const COLUMNS = `"id", "agent_id", "team_id", to_char("day", 'YYYY-MM-DD') AS "day", "kind", "contact_name", "phone_number",
  "content", "leg_id", "created_by", "created_at", "updated_by", "updated_at", "revision"`;

function toRecord(r: Row): FollowUpRecord {
  return {
    id: r.id,
    agentId: r.agent_id,
    ...(r.team_id !== null ? { teamId: r.team_id } : {}),
    day: r.day,
    kind: r.kind,
    contactName: r.contact_name,
    phoneNumber: r.phone_number,
    content: r.content,
    ...(r.leg_id !== null ? { legId: r.leg_id } : {}),
    createdBy: r.created_by,
    createdAt: r.created_at.getTime(),
    ...(r.updated_by !== null ? { updatedBy: r.updated_by } : {}),
    ...(r.updated_at !== null ? { updatedAt: r.updated_at.getTime() } : {}),
    revision: r.revision,
  };
}

/** LIKE patterns from user text: its own wildcards are matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class PgFollowUpStore extends FollowUpStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async create(
    r: Omit<FollowUpRecord, 'revision' | 'updatedBy' | 'updatedAt'>,
  ): Promise<FollowUpRecord> {
    const rows = await this.ds.query<Row[]>(
      `INSERT INTO "workforce_follow_up" ("id", "agent_id", "team_id", "day", "kind", "contact_name", "phone_number", "content", "leg_id", "created_by", "created_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [
        r.id,
        r.agentId,
        r.teamId ?? null,
        r.day,
        r.kind,
        r.contactName,
        r.phoneNumber,
        r.content,
        r.legId ?? null,
        r.createdBy,
        new Date(r.createdAt),
      ],
    );
    return toRecord(rows[0]!);
  }

  async update(
    id: string,
    revision: number,
    d: FollowUpDraft,
    by: string,
    at: number,
  ): Promise<FollowUpRecord | 'conflict' | undefined> {
    const rows = await this.ds.query<[Row[], number]>(
      `UPDATE "workforce_follow_up" SET "kind" = $3, "contact_name" = $4, "phone_number" = $5, "content" = $6,
         "updated_by" = $7, "updated_at" = $8, "revision" = "revision" + 1
       WHERE "id" = $1 AND "revision" = $2 RETURNING ${COLUMNS}`,
      [id, revision, d.kind, d.contactName, d.phoneNumber, d.content, by, new Date(at)],
    );
    const row = rows[0][0];
    if (row) return toRecord(row);
    return (await this.get(id)) ? 'conflict' : undefined;
  }

  async get(id: string): Promise<FollowUpRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM "workforce_follow_up" WHERE "id" = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async search(q: FollowUpQuery): Promise<{ items: FollowUpRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.agentIds !== undefined) add((p) => `"agent_id" = ANY(${p}::text[])`, [...q.agentIds]);
    if (q.teamId !== undefined) add((p) => `"team_id" = ${p}`, q.teamId);
    if (q.fromDay !== undefined) add((p) => `"day" >= ${p}::date`, q.fromDay);
    if (q.toDay !== undefined) add((p) => `"day" <= ${p}::date`, q.toDay);
    if (q.kind !== undefined) add((p) => `"kind" = ${p}`, q.kind);
    if (q.text?.trim()) {
      params.push(likePattern(q.text.trim()));
      const t = `$${params.length}`;
      let clause = `"contact_name" ILIKE ${t} OR "content" ILIKE ${t}`;
      const digits = q.text.replace(/[\s-]/g, '');
      if (q.searchNumbers && /^\+?\d+$/.test(digits)) {
        params.push(likePattern(digits));
        clause += ` OR "phone_number" LIKE $${params.length}`;
      }
      where.push(`(${clause})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const pageSize = Math.min(500, Math.max(1, Math.floor(q.pageSize)));
    const page = Math.max(1, Math.floor(q.page));
    const [count, rows] = await Promise.all([
      this.ds.query<{ total: string }[]>(
        `SELECT count(*) AS total FROM "workforce_follow_up" ${filter}`,
        params,
      ),
      this.ds.query<Row[]>(
        `SELECT ${COLUMNS} FROM "workforce_follow_up" ${filter} ORDER BY "created_at" DESC, "id" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
    ]);
    return { items: rows.map(toRecord), total: Number(count[0]?.total ?? 0) };
  }

  async countByTeamDay(teamId: string, day: string): Promise<number> {
    const rows = await this.ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM "workforce_follow_up" WHERE "team_id" = $1 AND "day" = $2`,
      [teamId, day],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
