import { benchLoginFlood, DEFAULT_LOGIN_LIMITS } from '@cti/auth';
import { readConfigFile, validateConfig } from '@cti/config';
import { benchCore } from './bench/core-bench';
import { benchPersistence } from '@cti/persistence';
import { benchWallboard } from '@cti/wallboard';
import { benchEndToEnd } from './bench/e2e-bench';
import { soak, type SoakOptions, type SoakSample } from './bench/soak-bench';
import { loopCapture } from './bench/looped-capture';
import { benchManagerParseOnly, benchPipeline, type RateResult } from './bench/pipeline-bench';

export interface BenchArgs {
  readonly capture: string;
  readonly config: string;
  readonly loops: number;
  readonly rounds: number;
  /** Which parts to run: ingestion (ratio to asterisk-manager, core alone), e2e (simulator), wallboard, persistence, login. */
  readonly modes: readonly string[];
  /** Floor size and speed of the soak (memory per agent-day). */
  readonly soak: SoakOptions;
}

const best = (results: RateResult[]) =>
  results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * AMI ingestion figures as ratios against asterisk-manager's own parse-only rate measured in the
 * same run (interleaved rounds, best of each), plus the core alone without TCP.
 */
export async function runBench(args: BenchArgs, out: (text: string) => void): Promise<void> {
  if (args.modes.includes('ingestion')) await benchIngestion(args, out);
  if (args.modes.includes('wallboard')) await benchBoards(out);
  if (args.modes.includes('persistence')) {
    const r = await benchPersistence({ url: process.env.DATABASE_URL });
    out(
      `persistence (${r.database} PostgreSQL): batching writer ${fmt(r.writer.rowsPerSecond)} rows/s (target >= 20,000); ` +
        `one TypeORM insert per row ${fmt(r.baseline.rowsPerSecond)} rows/s; ratio ${r.speedup.toFixed(1)}x`,
    );
  }
  if (args.modes.includes('login')) await benchLogins(out);
  if (args.modes.includes('soak')) await benchSoak(args.soak, out);
  if (args.modes.includes('e2e')) {
    // Real time for the floor sizes in the issue, then sped up until asterisk-manager saturates.
    for (const [agents, speed] of [
      [500, 1],
      [2000, 1],
      [500, 10],
      [2000, 4],
    ] as const) {
      const r = await benchEndToEnd(agents, speed, 10);
      out(
        `simulator → TCP → adapter → core, ${agents} agents at ${speed}x: ${fmt(r.perSecond)} events/s, event→state latency p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`,
      );
    }
  }
}

/** 200 wrong logins, 50 in flight: how long the thread pool's other work waits, gate vs none. */
async function benchLogins(out: (text: string) => void): Promise<void> {
  const runs = [
    ['password-check gate', DEFAULT_LOGIN_LIMITS.passwordChecks],
    ['no gate', { concurrent: 1000, queued: 0 }],
  ] as const;
  for (const [name, passwordChecks] of runs) {
    const r = await benchLoginFlood({ logins: 200, inFlight: 50, passwordChecks });
    out(
      `login flood, ${name} (${passwordChecks.concurrent} at once, ${passwordChecks.queued} waiting): ` +
        `${r.invalid} checked, ${r.refused} refused at once in ${r.seconds.toFixed(1)} s; ` +
        `thread-pool probe p50 ${r.poolProbeMs.p50.toFixed(1)} ms, p99 ${r.poolProbeMs.p99.toFixed(1)} ms, max ${r.poolProbeMs.max.toFixed(1)} ms`,
    );
  }
}

async function benchSoak(options: SoakOptions, out: (text: string) => void): Promise<void> {
  out(
    `soak: ${fmt(options.agents)} agents at ${options.speed}x, a late shift 23:00 to midnight, on to 00:45`,
  );
  const r = await soak(options);
  const line = (label: string, s: SoakSample) =>
    out(
      `  ${label.padEnd(13)} ${new Date(s.pbxTime).toISOString()} heap ${s.heapMb.toFixed(1)} MB, rss ${s.rssMb.toFixed(1)} MB, ` +
        `core: ${s.core.agentDays} agent-days, ${fmt(s.core.dayLegs)} legs, ${s.core.channels} channels, ${s.core.openLegs} open legs`,
    );
  line('logged in', r.baseline);
  line('45 min in', r.morning);
  line('end of day', r.endOfDay);
  line('next 00:45', r.nextMorning);
  out(
    `  ${fmt(r.events)} events in ${r.wallSeconds.toFixed(0)} s; ${r.mbPer1000AgentDays.toFixed(1)} MB heap per 1,000 agent-shifts (one hour); ` +
      `next day's heap at the same hour ${(r.heapRatio * 100).toFixed(0)} % of the first's (target <= 120 %)`,
  );
}

async function benchBoards(out: (text: string) => void): Promise<void> {
  const r = await benchWallboard({ clients: 500, eventsPerSecond: 5000, seconds: 10 });
  out(
    `wallboard, ${r.clients} ws clients at ${fmt(r.eventsPerSecond)} events/s, ${r.coalesceMs} ms coalescing: ` +
      `event→client p50 ${r.hub.latencyMs.p50.toFixed(1)} ms, p99 ${r.hub.latencyMs.p99.toFixed(1)} ms (target <= 100), ` +
      `${fmt(r.hub.deliveriesPerSecond)} deliveries/s, ${r.hub.slowClientsCut} slow clients cut; ` +
      `plain ws same frames: p99 ${r.rawWs.latencyMs.p99.toFixed(1)} ms, ${fmt(r.rawWs.deliveriesPerSecond)} deliveries/s`,
  );
}

async function benchIngestion(args: BenchArgs, out: (text: string) => void): Promise<void> {
  const config = validateConfig(readConfigFile(args.config), args.config);
  const { jsonl, stream, events } = loopCapture(args.capture, args.loops);
  out(`stream: ${args.capture} looped ${args.loops}x = ${fmt(events)} events`);
  const parseOnly: RateResult[] = [];
  const pipeline: RateResult[] = [];
  for (let i = 0; i < args.rounds; i++) {
    parseOnly.push(await benchManagerParseOnly(stream, events));
    pipeline.push(await benchPipeline(stream, events, config));
  }
  const core = best([0, 1, 2].map(() => benchCore(jsonl, config)));
  const base = best(parseOnly);
  const full = best(pipeline);
  out(`asterisk-manager parse only : ${fmt(base.perSecond)} events/s`);
  out(
    `adapter + core over TCP     : ${fmt(full.perSecond)} events/s  ratio ${(full.perSecond / base.perSecond).toFixed(2)} (target >= 0.80)`,
  );
  out(`core alone (no TCP)         : ${fmt(core.perSecond)} events/s  (target >= 150,000)`);
}
