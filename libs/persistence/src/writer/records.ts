/**
 * What the record writer queues, spools and upserts: flat rows named after their table, so a
 * spool line is readable (`{"t":"call_leg","r":{...}}`) and replays through the same SQL.
 */
export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

export type RecordTable =
  | 'call_leg'
  | 'agent_session'
  | 'agent_state_interval'
  | 'agent_state_close'
  | 'pause_interval'
  | 'internal_call'
  | 'recording'
  | 'alert';

export interface Rec {
  readonly t: RecordTable;
  readonly r: Row;
}

type PgType = 'text' | 'timestamptz' | 'date' | 'boolean' | 'integer' | 'numeric' | 'jsonb';

export interface TableSpec {
  readonly table: RecordTable;
  readonly columns: readonly (readonly [name: string, type: PgType])[];
  /** The unique key every write conflicts on: built from Asterisk/core ids, never a sequence. */
  readonly key: readonly string[];
  readonly sql: string;
  /** Folds two rows with one key inside a batch, exactly as the ON CONFLICT clause would. */
  merge(older: Row, newer: Row): Row;
}

const newerWins = (_older: Row, newer: Row): Row => newer;
const keepOlder = (older: Row): Row => older;

/** `INSERT … SELECT FROM unnest(arrays)`: one statement, one parameter per column, any row count. */
function upsert(
  table: string,
  columns: TableSpec['columns'],
  key: readonly string[],
  update?: string,
): string {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const onConflict = update ? `DO UPDATE SET ${update}` : 'DO NOTHING';
  return `INSERT INTO "${table}" AS t (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT (${key.map((k) => `"${k}"`).join(', ')}) ${onConflict}`;
}

function replaceAll(columns: TableSpec['columns'], key: readonly string[]): string {
  return columns
    .filter(([n]) => !key.includes(n))
    .map(([n]) => `"${n}" = EXCLUDED."${n}"`)
    .join(', ');
}

function spec(
  table: RecordTable,
  columns: TableSpec['columns'],
  key: readonly string[],
  update: string | undefined,
  merge: TableSpec['merge'],
): TableSpec {
  return { table, columns, key, sql: upsert(table, columns, key, update), merge };
}

const LEG_COLUMNS: TableSpec['columns'] = [
  ['id', 'text'],
  ['agent_id', 'text'],
  ['direction', 'text'],
  ['via', 'text'],
  ['transferred_in', 'boolean'],
  ['queue', 'text'],
  ['customer_number', 'text'],
  ['customer_uniqueid', 'text'],
  ['agent_uniqueid', 'text'],
  ['linkedid', 'text'],
  ['started_at', 'timestamptz'],
  ['answered_at', 'timestamptz'],
  ['ended_at', 'timestamptz'],
  ['outcome', 'text'],
  ['talk_seconds', 'numeric'],
  ['holds', 'integer'],
  ['hold_seconds', 'numeric'],
  ['transferred_out', 'text'],
  ['recorded', 'boolean'],
  ['effective', 'boolean'],
  ['rule_version', 'text'],
  ['day', 'date'],
  ['gap', 'text'],
];

const STATE_COLUMNS: TableSpec['columns'] = [
  ['agent_id', 'text'],
  ['started_at', 'timestamptz'],
  ['ended_at', 'timestamptz'],
  ['status', 'text'],
  ['direction', 'text'],
  ['held', 'boolean'],
  ['pause_reason', 'text'],
  ['logged_in', 'boolean'],
  ['resync', 'boolean'],
  ['day', 'date'],
];

const PAUSE_COLUMNS: TableSpec['columns'] = [
  ['agent_id', 'text'],
  ['started_at', 'timestamptz'],
  ['reason', 'text'],
  ['ended_at', 'timestamptz'],
  ['limit_seconds', 'integer'],
  ['over_limit', 'boolean'],
  ['over_limit_at', 'timestamptz'],
  ['day', 'date'],
];

export const TABLE_SPECS: Readonly<Record<RecordTable, TableSpec>> = {
  // A leg is final when emitted; a re-sent one replaces itself (same id, same facts).
  call_leg: spec(
    'call_leg',
    LEG_COLUMNS,
    ['id'],
    `${replaceAll(LEG_COLUMNS, ['id'])}, "stored_at" = now()`,
    newerWins,
  ),
  // Login first, logout later: the end is kept once known.
  agent_session: spec(
    'agent_session',
    [
      ['agent_id', 'text'],
      ['login_at', 'timestamptz'],
      ['logout_at', 'timestamptz'],
      ['day', 'date'],
    ],
    ['agent_id', 'login_at'],
    '"logout_at" = COALESCE(EXCLUDED."logout_at", t."logout_at")',
    (o, n) => ({ ...n, logout_at: n.logout_at ?? o.logout_at ?? null }),
  ),
  agent_state_interval: spec(
    'agent_state_interval',
    STATE_COLUMNS,
    ['agent_id', 'started_at'],
    `${replaceAll(STATE_COLUMNS, ['agent_id', 'started_at', 'ended_at'])}, "ended_at" = COALESCE(EXCLUDED."ended_at", t."ended_at")`,
    (o, n) => ({ ...n, ended_at: n.ended_at ?? o.ended_at ?? null }),
  ),
  // Closes intervals an earlier run left open: the first state seen for an agent ends them.
  agent_state_close: {
    table: 'agent_state_close',
    columns: [
      ['agent_id', 'text'],
      ['at', 'timestamptz'],
    ],
    key: ['agent_id', 'at'],
    sql:
      'UPDATE "agent_state_interval" s SET "ended_at" = v.at FROM unnest($1::text[], $2::timestamptz[]) AS v(agent_id, at) ' +
      'WHERE s."agent_id" = v.agent_id AND s."ended_at" IS NULL AND s."started_at" < v.at',
    merge: keepOlder,
  },
  // Started, maybe over its limit, then ended: every fact only ever adds to the row.
  pause_interval: spec(
    'pause_interval',
    PAUSE_COLUMNS,
    ['agent_id', 'started_at'],
    '"reason" = EXCLUDED."reason", "limit_seconds" = EXCLUDED."limit_seconds", ' +
      '"ended_at" = COALESCE(EXCLUDED."ended_at", t."ended_at"), "over_limit" = t."over_limit" OR EXCLUDED."over_limit", ' +
      '"over_limit_at" = COALESCE(t."over_limit_at", EXCLUDED."over_limit_at")',
    (o, n) => ({
      ...n,
      ended_at: n.ended_at ?? o.ended_at ?? null,
      over_limit: o.over_limit === true || n.over_limit === true,
      over_limit_at: o.over_limit_at ?? n.over_limit_at ?? null,
    }),
  ),
  internal_call: spec(
    'internal_call',
    [
      ['caller_uniqueid', 'text'],
      ['callee_agent_id', 'text'],
      ['agent_id', 'text'],
      ['started_at', 'timestamptz'],
      ['answered', 'boolean'],
      ['day', 'date'],
    ],
    ['caller_uniqueid', 'callee_agent_id'],
    '"answered" = t."answered" OR EXCLUDED."answered"',
    (o, n) => ({ ...n, answered: o.answered === true || n.answered === true }),
  ),
  // The recording work owns the row after its start: a re-sent start changes nothing.
  recording: spec(
    'recording',
    [
      ['uniqueid', 'text'],
      ['started_at', 'timestamptz'],
      ['linkedid', 'text'],
      ['channel', 'text'],
      ['day', 'date'],
    ],
    ['uniqueid', 'started_at'],
    undefined,
    keepOlder,
  ),
  alert: spec(
    'alert',
    [
      ['kind', 'text'],
      ['agent_id', 'text'],
      ['at', 'timestamptz'],
      ['payload', 'jsonb'],
    ],
    ['kind', 'agent_id', 'at'],
    undefined,
    keepOlder,
  ),
};

/** Fixed order inside a batch's transaction: intervals exist before the close updates run. */
export const TABLE_ORDER: readonly RecordTable[] = [
  'call_leg',
  'pause_interval',
  'agent_session',
  'agent_state_interval',
  'agent_state_close',
  'internal_call',
  'recording',
  'alert',
];

export function keyOf(spec: TableSpec, row: Row): string {
  return spec.key.map((k) => String(row[k])).join('\u0001');
}

/** Parameter arrays, one per column, for the unnest statement. */
export function columnArrays(spec: TableSpec, rows: readonly Row[]): Cell[][] {
  return spec.columns.map(([name]) => rows.map((r) => r[name] ?? null));
}

export function isRec(value: unknown): value is Rec {
  if (typeof value !== 'object' || value === null) return false;
  const { t, r } = value as { t?: unknown; r?: unknown };
  return typeof t === 'string' && t in TABLE_SPECS && typeof r === 'object' && r !== null;
}
