import { readConfigFile, validateConfig } from '@cti/config';
import { replayCapture } from '@cti/testing';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTURES_DIR, loadTruth, withCaptureHireDates } from './support/capture-truth';

interface Row {
  t: number;
  conn: number;
  dir: string;
  data: string;
}

/**
 * A real capture cut in two connections in the middle of the day, as when the link drops and
 * the client reconnects: the second connection starts with the banner and a Login answer whose
 * FullyBooted says the PBX kept running. Calls cut by the gap are closed once; nothing counts twice.
 */
function splitInTwo(name: string): string {
  const rows = readFileSync(`${CAPTURES_DIR}/${name}.ami.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const cut = rows.findIndex(
    (r, i) => i > 3 && r.dir === 'in' && r.t > rows[rows.length - 1]!.t / 2,
  );
  const at = rows[cut]!.t;
  const login = rows.slice(0, 3).map((r) => ({
    ...r,
    t: at,
    conn: 2,
    data: r.data.replace('Uptime: 0', `Uptime: ${Math.round(at / 1000)}`),
  }));
  const second = rows.slice(cut).map((r) => ({ ...r, conn: 2 }));
  const dir = mkdtempSync(join(tmpdir(), 'cti-reconnect-'));
  const path = join(dir, `${name}.ami.jsonl`);
  writeFileSync(
    path,
    [...rows.slice(0, cut), ...login, ...second].map((r) => JSON.stringify(r)).join('\n') + '\n',
  );
  return path;
}

it('a reconnect mid-day resyncs and counts no call twice', async () => {
  const name = 'inbound-day';
  const truth = loadTruth(name);
  const config = withCaptureHireDates(
    validateConfig(readConfigFile(`${__dirname}/../config/examples/capture-call-center.yaml`)),
    truth,
  );
  const { summary, link, connections } = await replayCapture({
    capturePath: splitInTwo(name),
    config,
  });
  expect(connections).toBe(2);
  expect(link.stats.resyncs).toBe(2);
  expect(link.stats.badEvents).toBe(0);
  const ids = summary.calls.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const agent of summary.agents) {
    const expected = truth.expected.per_agent[agent.agentId];
    if (!expected) continue;
    expect({
      agent: agent.agentId,
      effective: agent.effectiveTotal <= Number(expected.effective_total),
    }).toEqual({ agent: agent.agentId, effective: true });
    expect({
      agent: agent.agentId,
      answered: agent.inboundAnswered <= Number(expected.inbound_answered),
    }).toEqual({ agent: agent.agentId, answered: true });
  }
  // Pauses and logins are facts of the PBX's queue members: they survive the reconnect whole.
  for (const a of truth.agents) {
    const got = summary.agents.find((x) => x.agentId === String(a.ext))!;
    expect(got.pauses.map((p) => p.reason)).toEqual(a.pauses.map((p) => p.reason));
    expect(got.sessions).toHaveLength(1);
  }
});
