import { type DataSource } from 'typeorm';

/*
 * Counters are derived, never incremented: recomputing them from call_leg and pause_interval is
 * idempotent, so replays, retries and restarts cannot double count.
 */
const RECOMPUTE = `
INSERT INTO "daily_agent_counter" AS c
  ("agent_id", "day", "effective", "effective_unique", "answered", "dials", "talk_seconds", "pause_seconds", "rule_version", "updated_at")
SELECT k.agent_id, k.day,
  COALESCE(l.effective, 0), COALESCE(l.effective_unique, 0), COALESCE(l.answered, 0), COALESCE(l.dials, 0),
  COALESCE(l.talk_seconds, 0), COALESCE(p.pause_seconds, 0), l.rule_version, now()
FROM unnest($1::text[], $2::date[]) AS k(agent_id, day)
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE "effective") AS effective,
    count(DISTINCT "customer_number") FILTER (WHERE "effective") AS effective_unique,
    count(*) FILTER (WHERE "answered_at" IS NOT NULL) AS answered,
    count(*) FILTER (WHERE "direction" = 'outbound') AS dials,
    sum("talk_seconds") AS talk_seconds,
    max("rule_version") AS rule_version
  FROM "call_leg" WHERE "agent_id" = k.agent_id AND "day" = k.day
) l ON true
LEFT JOIN LATERAL (
  SELECT sum(EXTRACT(EPOCH FROM "ended_at" - "started_at")) AS pause_seconds
  FROM "pause_interval" WHERE "agent_id" = k.agent_id AND "day" = k.day AND "ended_at" IS NOT NULL
) p ON true
ON CONFLICT ("agent_id", "day") DO UPDATE SET
  "effective" = EXCLUDED."effective", "effective_unique" = EXCLUDED."effective_unique",
  "answered" = EXCLUDED."answered", "dials" = EXCLUDED."dials", "talk_seconds" = EXCLUDED."talk_seconds",
  "pause_seconds" = EXCLUDED."pause_seconds", "rule_version" = EXCLUDED."rule_version", "updated_at" = now()`;

/** What runs SQL: a DataSource, or a QueryRunner inside the writer's transaction. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Recomputes the counters of the given `agentId|day` pairs. */
export async function recomputeDailyCounters(
  sql: SqlRunner,
  agentDays: readonly string[],
): Promise<void> {
  if (agentDays.length === 0) return;
  const agents: string[] = [];
  const days: string[] = [];
  for (const key of agentDays) {
    const cut = key.lastIndexOf('|');
    agents.push(key.slice(0, cut));
    days.push(key.slice(cut + 1));
  }
  await sql.query(RECOMPUTE, [agents, days]);
}

/** Recomputes every agent's counters of one day (after a restore or a repair). */
export async function recomputeDay(dataSource: DataSource, day: string): Promise<void> {
  const rows = await dataSource.query<{ agent_id: string }[]>(
    'SELECT DISTINCT "agent_id" FROM "call_leg" WHERE "day" = $1 UNION SELECT DISTINCT "agent_id" FROM "pause_interval" WHERE "day" = $1',
    [day],
  );
  await recomputeDailyCounters(
    dataSource,
    rows.map((r) => `${r.agent_id}|${day}`),
  );
}
