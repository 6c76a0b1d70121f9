import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURES_DIR } from './capture-truth';

/** One record of an `.ami.jsonl` capture. */
export interface CaptureRow {
  t: number;
  conn: number;
  dir: 'in' | 'out';
  data: string;
}

/**
 * A real capture with the link down from `from` to `to` (ms): the first connection ends at
 * `from`, everything Asterisk sent in between is lost, and the next connection logs in at `to`,
 * where the capture holds a real QueueStatus / CoreShowChannels poll: the client's resync gets
 * exactly what Asterisk answered then. `between` adds other connections (numbered 2, ...); the
 * reconnected stream comes after them.
 */
export function withLinkGap(
  name: string,
  from: number,
  to: number,
  between: readonly CaptureRow[] = [],
): string {
  const rows = readFileSync(`${CAPTURES_DIR}/${name}.ami.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CaptureRow);
  const conn = 2 + new Set(between.map((r) => r.conn)).size;
  const login = rows.slice(0, 3).map((r) => ({
    ...r,
    t: to,
    conn,
    data: r.data.replace('Uptime: 0', `Uptime: ${Math.round(to / 1000)}`),
  }));
  const before = rows.filter((r, i) => i < 3 || r.t < from);
  const after = rows.filter((r, i) => i >= 3 && r.t >= to).map((r) => ({ ...r, conn }));
  const dir = mkdtempSync(join(tmpdir(), 'cti-gap-'));
  const path = join(dir, `${name}.ami.jsonl`);
  const all = [...before, ...between, ...login, ...after];
  writeFileSync(path, all.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}
