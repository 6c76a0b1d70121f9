import { type DataSource } from 'typeorm';
import { type ExpectedRows } from './mixed-outputs';

/** Jest assertions shared by the integration tests: row counts and counters, exactly. */
const TABLES = [
  'call_leg',
  'pause_interval',
  'agent_session',
  'agent_state_interval',
  'internal_call',
  'recording',
  'alert',
] as const;

export async function tableCounts(
  ds: DataSource,
): Promise<Record<(typeof TABLES)[number], number>> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(
    ' UNION ALL ',
  );
  const rows = await ds.query<{ t: (typeof TABLES)[number]; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n])) as Record<(typeof TABLES)[number], number>;
}

export async function expectRowsExactly(ds: DataSource, expected: ExpectedRows): Promise<void> {
  const counts = await tableCounts(ds);
  for (const t of TABLES)
    expect({ table: t, rows: counts[t] }).toEqual({ table: t, rows: expected[t] });
  const counters = await ds.query<
    {
      agent_id: string;
      day: string;
      effective: number;
      effective_unique: number;
      answered: number;
      dials: number;
      talk_seconds: string;
      pause_seconds: string;
    }[]
  >(
    `SELECT "agent_id", to_char("day", 'YYYY-MM-DD') AS day, "effective", "effective_unique", "answered", "dials", "talk_seconds", "pause_seconds" FROM "daily_agent_counter"`,
  );
  expect(counters).toHaveLength(expected.counters.size);
  for (const c of counters) {
    const want = expected.counters.get(`${c.agent_id}|${c.day}`)!;
    expect({ key: `${c.agent_id}|${c.day}`, ...want }).toEqual({
      key: `${c.agent_id}|${c.day}`,
      effective: c.effective,
      effectiveUnique: c.effective_unique,
      answered: c.answered,
      dials: c.dials,
      talkSeconds: Number(c.talk_seconds),
      pauseSeconds: Number(c.pause_seconds),
    });
  }
}
