import { type DataSource } from 'typeorm';
import { type DayOverride, type WorkforceRuleSet } from '@cti/domain';
import { DayOverrideStore, RuleSetStore, type StoredOverride } from '../ports/stores';

interface OverrideRow {
  id: string;
  day: string;
  agent_id: string;
  team_id: string;
  kind: DayOverride['kind'];
  pattern: string | null;
  reason: string;
  created_by: string;
  created_at: Date;
}

const OVERRIDE_COLUMNS = `"id", to_char("day", 'YYYY-MM-DD') AS "day", "agent_id", "team_id", "kind", "pattern", "reason", "created_by", "created_at"`;

function toOverride(r: OverrideRow): StoredOverride {
  return {
    id: r.id,
    day: r.day,
    ...(r.agent_id ? { agentId: r.agent_id } : {}),
    ...(r.team_id ? { teamId: r.team_id } : {}),
    kind: r.kind,
    ...(r.pattern !== null ? { pattern: r.pattern } : {}),
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at.getTime(),
  };
}

export class PgDayOverrideStore extends DayOverrideStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async list(fromDay: string, toDay: string): Promise<StoredOverride[]> {
    const rows = await this.ds.query<OverrideRow[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM "workforce_day_override" WHERE "day" BETWEEN $1 AND $2 ORDER BY "day", "id"`,
      [fromDay, toDay],
    );
    return rows.map(toOverride);
  }

  async put(o: DayOverride, by: string): Promise<StoredOverride> {
    const rows = await this.ds.query<OverrideRow[]>(
      `INSERT INTO "workforce_day_override" ("day", "agent_id", "team_id", "kind", "pattern", "reason", "created_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT "uq_workforce_day_override_target" DO UPDATE SET
         "kind" = EXCLUDED."kind", "pattern" = EXCLUDED."pattern", "reason" = EXCLUDED."reason",
         "created_by" = EXCLUDED."created_by", "created_at" = now()
       RETURNING ${OVERRIDE_COLUMNS}`,
      [o.day, o.agentId ?? '', o.teamId ?? '', o.kind, o.pattern ?? null, o.reason, by],
    );
    return toOverride(rows[0]!);
  }

  async remove(id: string): Promise<StoredOverride | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const rows = await this.ds.query<[OverrideRow[], number]>(
      `DELETE FROM "workforce_day_override" WHERE "id" = $1 RETURNING ${OVERRIDE_COLUMNS}`,
      [id],
    );
    const row = rows[0][0];
    return row ? toOverride(row) : undefined;
  }
}

export class PgRuleSetStore extends RuleSetStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async list(): Promise<WorkforceRuleSet[]> {
    const rows = await this.ds.query<{ body: WorkforceRuleSet }[]>(
      `SELECT "body" FROM "workforce_rule_set" ORDER BY "effective_from"`,
    );
    return rows.map((r) => r.body);
  }

  async add(set: WorkforceRuleSet, by: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO "workforce_rule_set" ("version", "effective_from", "body", "created_by") VALUES ($1, $2, $3::jsonb, $4)`,
      [set.version, set.effectiveFrom, JSON.stringify(set), by],
    );
  }
}
