import { readConfigFile, validateConfig } from '@cti/config';
import { type DaySummary } from '@cti/domain';
import { replayCapture } from '@cti/testing';

export interface ReplayArgs {
  readonly capture: string;
  readonly config: string;
  readonly json: boolean;
  readonly speed?: number;
}

/** Replays a capture through the real path and prints the day's summary. */
export async function runReplay(args: ReplayArgs, out: (text: string) => void): Promise<void> {
  const config = validateConfig(readConfigFile(args.config), args.config);
  const warnings: string[] = [];
  const logger = {
    log: () => undefined,
    warn: (m: string) => warnings.push(m),
    error: (m: string) => warnings.push(m),
  };
  const { summary, link } = await replayCapture({
    capturePath: args.capture,
    config,
    speed: args.speed,
    logger,
  });
  if (args.json) {
    out(JSON.stringify({ ...summary, link: link.stats, warnings }, null, 2));
    return;
  }
  zone = config.timezone;
  out(formatSummary(summary, config.timezone));
  out(
    `\nAMI: ${link.stats.eventsIn} events, ${link.stats.eventsApplied} applied, ${link.stats.badEvents} bad, ${link.stats.resyncs} resync(s)`,
  );
  for (const w of warnings) out(`warning: ${w}`);
}

let zone = 'UTC';
const time = (ms?: number) =>
  ms === undefined
    ? '-'
    : new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(ms);

function table(header: string[], rows: (string | number | boolean)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

export function formatSummary(s: DaySummary, timezone: string): string {
  const agents = table(
    [
      'agent',
      'name',
      'in',
      'in eff',
      'in talk',
      'dials',
      'ans',
      'noans',
      'busy',
      'cong',
      'out eff',
      'out talk',
      'internal',
      'eff',
      'eff uniq',
      'quota',
      'met',
      'rec',
      'pauses',
      'pause s',
      'over',
    ],
    s.agents.map((a) => [
      a.agentId,
      a.name,
      a.inboundAnswered,
      a.inboundEffective,
      a.inboundTalkSeconds,
      a.outboundDials,
      a.outboundAnswered,
      a.outboundNoAnswer,
      a.outboundBusy,
      a.outboundCongestion,
      a.outboundEffective,
      a.outboundTalkSeconds,
      a.internalCalls,
      a.effectiveTotal,
      a.effectiveUniqueNumbers,
      a.quota,
      a.quotaMet ? 'yes' : 'no',
      a.recordedCalls,
      a.pauses.length,
      a.pauseSecondsTotal,
      a.overLimitPauses,
    ]),
  );
  const pauses = table(
    ['agent', 'reason', 'start', 'end', 'seconds', 'over limit'],
    s.agents.flatMap((a) =>
      a.pauses.map((p) => [
        a.agentId,
        p.reason,
        time(p.startedAt),
        time(p.endedAt),
        p.seconds,
        p.overLimit ? 'YES' : 'no',
      ]),
    ),
  );
  const sessions = table(
    ['agent', 'login', 'logout'],
    s.agents.flatMap((a) => a.sessions.map((x) => [a.agentId, time(x.loginAt), time(x.logoutAt)])),
  );
  const queues = table(
    [
      'queue',
      'offered',
      'answered',
      'abandoned',
      'after ring-out',
      'within SL',
      'transferred in',
      'transferred out',
    ],
    s.queues.map((q) => [
      q.queue,
      q.offered,
      q.answered,
      q.abandoned,
      q.answeredAfterRingOut,
      q.answeredWithinServiceLevel,
      q.transferredIn,
      q.transferredOut,
    ]),
  );
  const calls = table(
    [
      'answered',
      'agent',
      'direction',
      'via',
      'number',
      'outcome',
      'talk s',
      'effective',
      'recorded',
      'transfer',
    ],
    s.calls.map((c) => [
      time(c.answeredAt ?? c.startedAt),
      c.agentId,
      c.direction,
      c.via,
      c.customerNumber,
      c.outcome,
      c.talkSeconds,
      c.effective ? 'yes' : 'no',
      c.recorded ? 'yes' : 'no',
      c.transferredOut ?? (c.transferredIn ? 'in' : ''),
    ]),
  );
  return [
    `Day ${s.day} (rule ${s.ruleVersion}, times ${timezone})`,
    '',
    agents,
    '',
    'Pauses',
    pauses,
    '',
    'Logins',
    sessions,
    '',
    'Queues',
    queues,
    '',
    'Calls',
    calls,
  ].join('\n');
}
