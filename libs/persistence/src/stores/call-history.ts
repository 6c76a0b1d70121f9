import { type AgentLeg } from '@cti/domain';
import { type DataSource } from 'typeorm';
import { LEG_SELECT, type LegRow, toLeg } from './rows';

export interface CallHistoryQuery {
  /** Local day, YYYY-MM-DD. */
  readonly day?: string;
  /** Legs that started at or after this instant. */
  readonly from?: Date;
  /** Legs that started before this instant. */
  readonly to?: Date;
  readonly agentIds?: readonly string[];
  readonly teamId?: string;
  readonly direction?: 'inbound' | 'outbound';
  readonly effective?: boolean;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface CallHistoryPage {
  readonly items: AgentLeg[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const MAX_PAGE_SIZE = 500;

/** Call legs for the API: filters become bound parameters, never SQL text. */
export class CallHistory {
  constructor(private readonly dataSource: DataSource) {}

  async find(query: CallHistoryQuery): Promise<CallHistoryPage> {
    const page = Math.max(1, Math.floor(query.page));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize)));
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.day !== undefined) add((p) => `"day" = ${p}::date`, query.day);
    if (query.from !== undefined) add((p) => `"started_at" >= ${p}`, query.from.toISOString());
    if (query.to !== undefined) add((p) => `"started_at" < ${p}`, query.to.toISOString());
    if (query.agentIds !== undefined)
      add((p) => `"agent_id" = ANY(${p}::text[])`, [...query.agentIds]);
    if (query.teamId !== undefined)
      add((p) => `"agent_id" IN (SELECT "id" FROM "agent" WHERE "team_id" = ${p})`, query.teamId);
    if (query.direction !== undefined) add((p) => `"direction" = ${p}`, query.direction);
    if (query.effective !== undefined) add((p) => `"effective" = ${p}`, query.effective);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [count, rows] = await Promise.all([
      this.dataSource.query<{ total: string }[]>(
        `SELECT count(*) AS total FROM "call_leg" ${filter}`,
        params,
      ),
      this.dataSource.query<LegRow[]>(
        `SELECT ${LEG_SELECT} FROM "call_leg" ${filter} ORDER BY "started_at" DESC, "id" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
    ]);
    return { items: rows.map(toLeg), total: Number(count[0]?.total ?? 0), page, pageSize };
  }
}
