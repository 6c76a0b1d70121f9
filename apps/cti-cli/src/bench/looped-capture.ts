import { readFileSync } from 'node:fs';

const ID_FIELD = /^((?:[A-Za-z]*Uniqueid|[A-Za-z]*Linkedid|Swap[A-Za-z]*)): (\S+)$/gm;
const TIMESTAMP = /^Timestamp: (\d+)\.(\d+)$/gm;

/**
 * A long AMI stream for benchmarks: a real capture's live traffic repeated `loops` times, each
 * copy with its own channel ids and its Timestamps moved past the previous copy, so the core
 * sees fresh calls rather than the same ones again: as capture-format JSON lines and as the raw
 * byte stream.
 */
export function loopCapture(
  path: string,
  loops: number,
): { jsonl: string; stream: Buffer; events: number } {
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; conn: number; dir: string; data: string });
  const login = records.slice(0, 3);
  const live = records.slice(3).filter((r) => r.dir === 'in' && !/ActionID: /.test(r.data));
  // Whole seconds, so shifting a Timestamp keeps its microseconds part intact.
  const span = Math.ceil(((live[live.length - 1]?.t ?? 0) + 1000) / 1000) * 1000;
  const lines = login.map((r) => JSON.stringify(r));
  const chunks: string[] = [];
  let events = 0;
  for (let i = 0; i < loops; i++) {
    for (const r of live) {
      const data = r.data
        .replace(ID_FIELD, (_m, key: string, id: string) => `${key}: ${i}-${id}`)
        .replace(
          TIMESTAMP,
          (_m, s: string, us: string) => `Timestamp: ${Number(s) + (i * span) / 1000}.${us}`,
        );
      events += (data.match(/^Event: /gm) ?? []).length;
      lines.push(JSON.stringify({ t: r.t + i * span, conn: 1, dir: 'in', data }));
      chunks.push(data);
    }
  }
  return { jsonl: lines.join('\n') + '\n', stream: Buffer.from(chunks.join(''), 'utf8'), events };
}
