import { type AgentConfig, type CallCenterConfig, CallCenterCore } from '@cti/domain';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { type Principal } from './access-policy';
import { BenchClients, latencyOf, type LatencyStats } from './bench-clients';
import { CoreLiveSource } from './core-live-source';
import { type Scope } from './protocol';
import { TokenRejected, TokenVerifier } from './token-verifier';
import { WallboardHub } from './wallboard-hub';
import { WallboardServer } from './wallboard-server';

export interface BenchOptions {
  readonly clients?: number;
  readonly eventsPerSecond?: number;
  /** Measured seconds (after one second of warm-up). */
  readonly seconds?: number;
  readonly agents?: number;
  readonly teams?: number;
  readonly coalesceMs?: number;
  /** Share of boards watching everything (supervisors, TVs); the rest watch one team. */
  readonly allShare?: number;
  /** Every n-th client parses frames for latency (all count deliveries). */
  readonly sampleEvery?: number;
}

export interface BenchRun {
  readonly latencyMs: LatencyStats;
  /** Frames received per second, summed over all clients. */
  readonly deliveriesPerSecond: number;
  readonly bytesPerSecond: number;
}

export interface BenchResult {
  readonly clients: number;
  readonly agents: number;
  readonly coalesceMs: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Event (AMI fact applied to the core) → row parsed by a ws client, per delivered row. */
  readonly hub: BenchRun & {
    readonly rowsPerSecond: number;
    readonly avgFrameBytes: number;
    readonly slowClientsCut: number;
  };
  /** Same clients, frames of the same size built once and broadcast every coalesceMs by plain ws. */
  readonly rawWs: BenchRun;
  readonly rssMiB: number;
}

/** Accepts the bench's one token as a supervisor: token checks are not what is measured. */
class BenchVerifier extends TokenVerifier {
  async verify(token: string): Promise<Principal> {
    if (token !== 'bench') throw new TokenRejected('bad');
    return { userId: 'bench', role: 'supervisor', expiresAt: Date.now() + 3_600_000 };
  }
}

/**
 * AMI event → wallboard delivery under load: a real core gets queue-member pause toggles (the
 * TelephonyEvents the AMI mapper produces) at the given rate, the hub coalesces, real ws clients
 * on loopback (in a worker thread) parse the frames. Latency is per delivered row: a row
 * superseded within a coalescing window is not delivered, so it has none.
 */
export async function benchWallboard(options: BenchOptions = {}): Promise<BenchResult> {
  const o = {
    clients: 500,
    eventsPerSecond: 5000,
    seconds: 10,
    agents: 500,
    teams: 10,
    coalesceMs: 50,
    allShare: 0.2,
    sampleEvery: 10,
    ...options,
  };
  const config = benchConfig(o.agents, o.teams);
  const core = new CallCenterCore(config, (out) => hub.onCoreOutput(out));
  const hub = new WallboardHub(new CoreLiveSource(core, config, () => Date.now()), {
    coalesceMs: o.coalesceMs,
    initialLink: { fresh: true },
  });
  const http = createServer();
  const wallboard = new WallboardServer(hub, new BenchVerifier(), {
    maxSockets: o.clients + 10,
    maxSocketsPerUser: o.clients + 10,
  });
  wallboard.attach(http);
  hub.start();
  const clients = new BenchClients();
  try {
    const port = await listen(http);
    const allBoards = Math.round(o.clients * o.allShare);
    const subscribe: { type: 'subscribe'; scope: Scope }[] = [];
    for (let i = 0; i < o.clients; i++) {
      subscribe.push({
        type: 'subscribe',
        scope: i < allBoards ? { kind: 'all' } : { kind: 'team', team: `T${(i % o.teams) + 1}` },
      });
    }
    // Boards in the order above: the first allBoards watch everything, the rest one team each.
    await clients.connect({
      url: `ws://127.0.0.1:${port}/ws`,
      count: o.clients,
      headers: { Authorization: 'Bearer bench' },
      subscribe,
      sampleEvery: o.sampleEvery,
    });
    for (const a of config.agents) core.apply(member(a.id, false, Date.now()));
    const hubRun = await measure(clients, o.seconds, (stop) =>
      pumpEvents(core, config.agents, o.eventsPerSecond, stop),
    );
    const avgFrameBytes = hub.stats.framesSent
      ? Math.round(hub.stats.bytesSent / hub.stats.framesSent)
      : 0;
    const slowClientsCut = hub.stats.slowClientsCut;
    await clients.close();
    hub.stop();
    await wallboard.close();
    const rawWs = await rawBaseline(
      clients,
      o.clients,
      o.seconds,
      o.coalesceMs,
      avgFrameBytes,
      o.sampleEvery,
    );
    return {
      clients: o.clients,
      agents: o.agents,
      coalesceMs: o.coalesceMs,
      seconds: o.seconds,
      eventsPerSecond: Math.round(hubRun.events / o.seconds),
      hub: {
        ...hubRun.run,
        rowsPerSecond: Math.round(hubRun.rows / o.seconds),
        avgFrameBytes,
        slowClientsCut,
      },
      rawWs: rawWs.run,
      rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    };
  } finally {
    hub.stop();
    await clients.terminate();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
}

/** Warm-up second, reset, then `seconds` of load; `load` returns a stop function and an event count. */
async function measure(
  clients: BenchClients,
  seconds: number,
  load: (stop: { stopped: boolean }) => () => number,
): Promise<{ run: BenchRun; rows: number; events: number }> {
  const stop = { stopped: false };
  const count = load(stop);
  await sleep(1_000);
  await clients.reset();
  const before = count();
  await sleep(seconds * 1_000);
  const events = count() - before;
  const stats = await clients.stats();
  stop.stopped = true;
  await sleep(200);
  return {
    run: {
      latencyMs: latencyOf(stats.histogram),
      deliveriesPerSecond: Math.round(stats.frames / seconds),
      bytesPerSecond: Math.round(stats.bytes / seconds),
    },
    rows: stats.rows,
    events,
  };
}

/** Applies pause toggles at the target rate, catching up on timer lateness; `at` is now. */
function pumpEvents(
  core: CallCenterCore,
  agents: readonly AgentConfig[],
  perSecond: number,
  stop: { stopped: boolean },
): () => number {
  const start = Date.now();
  let sent = 0;
  const paused = new Array<boolean>(agents.length).fill(false);
  const timer = setInterval(() => {
    if (stop.stopped) return clearInterval(timer);
    const due = Math.floor(((Date.now() - start) * perSecond) / 1000);
    for (; sent < due; sent++) {
      const i = sent % agents.length;
      paused[i] = !paused[i];
      core.apply(member(agents[i]!.id, paused[i]!, Date.now()));
    }
  }, 1);
  return () => sent;
}

async function rawBaseline(
  clients: BenchClients,
  count: number,
  seconds: number,
  everyMs: number,
  frameBytes: number,
  sampleEvery: number,
): Promise<{ run: BenchRun }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise((resolve) => wss.once('listening', resolve));
  await clients.connect({
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    count,
    sampleEvery,
  });
  let seq = 0;
  const result = await measure(clients, seconds, (stop) => {
    const timer = setInterval(() => {
      if (stop.stopped) return clearInterval(timer);
      const now = Date.now();
      const head = `{"type":"delta","seq":${++seq},"at":${now},"agents":[{"id":"x","since":${now}}],"pad":"`;
      const frame = Buffer.from(
        `${head}${'x'.repeat(Math.max(0, frameBytes - head.length - 2))}"}`,
      );
      for (const ws of wss.clients) ws.send(frame, { binary: false });
    }, everyMs);
    return () => seq;
  });
  await clients.close();
  await new Promise((resolve) => wss.close(resolve));
  return result;
}

function benchConfig(agents: number, teams: number): CallCenterConfig {
  const list: AgentConfig[] = [];
  for (let i = 1; i <= agents; i++) {
    const id = `A${String(i).padStart(4, '0')}`;
    list.push({
      id,
      name: `坐席 ${i}`,
      team: `T${((i - 1) % teams) + 1}`,
      hireDate: '2024-01-01',
      interfaces: [`PJSIP/${id}`],
      devices: [`PJSIP/${id}`],
    });
  }
  return {
    timezone: 'Asia/Shanghai',
    ami: { port: 5038 },
    rules: {
      version: 'bench',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 50, newHire: 30, newHireDays: 30 },
      pauses: { defaultLimitSeconds: 3600, limitsByReason: {} },
      wrapUpPauseReasons: [],
    },
    queues: [{ name: 'support', wrapUpSeconds: 0, serviceLevelSeconds: 15 }],
    teams: Array.from({ length: teams }, (_, i) => ({ id: `T${i + 1}`, name: `Team ${i + 1}` })),
    agents: list,
  };
}

function member(agentId: string, paused: boolean, at: number) {
  return {
    type: 'member-updated' as const,
    member: {
      queue: 'support',
      interface: `PJSIP/${agentId}`,
      memberName: agentId,
      stateInterface: `PJSIP/${agentId}`,
      status: 1,
      paused,
      pausedReason: paused ? 'break' : '',
      inCall: false,
      lastCall: 0,
      lastPause: 0,
      loginTime: 0,
      wrapupTime: 0,
      callsTaken: 0,
    },
    at,
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
