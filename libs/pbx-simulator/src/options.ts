import { type ClockSource, systemClock } from './clock';

/** One AMI login (manager.conf section). Classes are names such as `system,call,agent` or `all`. */
export interface AmiUser {
  username: string;
  secret: string;
  read: string | readonly string[];
  write: string | readonly string[];
}

/** A queue of the simulated PBX (queues.conf). Times in seconds. */
export interface QueueSpec {
  name: string;
  strategy: 'ringall' | 'rrmemory';
  /** How long a member rings before AgentRingNoAnswer. */
  timeoutSec: number;
  /** Pause between two ring attempts. */
  retrySec: number;
  /** After a queue call a member is not rung (by any queue: shared_lastcall) for this long. */
  wrapupSec: number;
  /** Service level threshold for ServicelevelPerf. */
  serviceLevelSec: number;
  /** Share of inbound traffic that arrives in this queue (relative weight). */
  trafficWeight: number;
}

export interface SimulatorOptions {
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** TCP port; default 0 (any free port, see the returned `port`). */
  port?: number;
  /** Seed of the day; the same seed gives the same event sequence. Default 1. */
  seed?: number;
  /** Simulated seconds per wall second: 1 = real time (default), 60, ..., Infinity = flat out. */
  speed?: number;
  /** Number of agents (extensions 1001, 1002, ...). Default 8. */
  agents?: number;
  /** Queues; default `support` (ringall 5/1/3 s) and `sales` (rrmemory 6/1/2 s) as in the captures. */
  queues?: QueueSpec[];
  /** AMI users; default one user `cti` / `cti-secret` reading and writing everything. */
  users?: AmiUser[];
  /** Inbound calls per simulated second, for load tests. Default agents / 120 (≈ 80 % busy). */
  callRate?: number;
  /** Click-to-dial calls per agent per simulated hour. Default 6. */
  outboundPerAgentHour?: number;
  /** Length of a shift in simulated seconds (login to logout). Default 8 h. */
  dayLengthSec?: number;
  /** How many days to run; default Infinity (a new day starts `nightSec` after the last logout). */
  days?: number;
  /** Quiet gap between two days, simulated seconds. Default 60. */
  nightSec?: number;
  /** Pause limit in seconds; about a fifth of the pauses are made longer than it. Default 900. */
  pauseLimitSec?: number;
  /** Start of simulated time (epoch ms); default the clock's now, so Timestamps are wall time. */
  startEpochMs?: number;
  /** `listen`: the day starts at once (default). `first-login`: when the first session logs in. */
  startOn?: 'listen' | 'first-login';
  /** Emit `Cdr` events (cdr_manager). Default true. */
  cdr?: boolean;
  /** Delay before `Authentication failed`, like Asterisk's 1 s. Default 1000 ms. */
  authFailDelayMs?: number;
  /**
   * If set, every event also carries this header with the wall-clock send time (`<epoch>.<µs>`),
   * for latency measurements at speeds other than 1. Off by default (it is not Asterisk dialect).
   */
  sendTimeHeader?: string;
  /** Wall clock and timers; default the system clock. */
  clock?: ClockSource;
  /**
   * If set, a recorded call leaves a WAV here where MixMonitor would (`<Uniqueid>.wav`, the
   * call's talk time, synthetic speech from the seed). Off by default.
   */
  recordingsDir?: string;
}

export type ResolvedOptions = Required<
  Omit<SimulatorOptions, 'sendTimeHeader' | 'callRate' | 'recordingsDir'>
> & {
  sendTimeHeader: string | undefined;
  recordingsDir: string | undefined;
  callRate: number;
};

export const DEFAULT_QUEUES: readonly QueueSpec[] = [
  {
    name: 'support',
    strategy: 'ringall',
    timeoutSec: 5,
    retrySec: 1,
    wrapupSec: 3,
    serviceLevelSec: 20,
    trafficWeight: 3,
  },
  {
    name: 'sales',
    strategy: 'rrmemory',
    timeoutSec: 6,
    retrySec: 1,
    wrapupSec: 2,
    serviceLevelSec: 30,
    trafficWeight: 2,
  },
];

export const DEFAULT_USER: AmiUser = {
  username: 'cti',
  secret: 'cti-secret',
  read: 'all',
  write: 'all',
};

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const agents = options.agents ?? 8;
  const clock = options.clock ?? systemClock;
  const resolved: ResolvedOptions = {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed: options.seed ?? 1,
    speed: options.speed ?? 1,
    agents,
    queues: options.queues ?? DEFAULT_QUEUES.map((q) => ({ ...q })),
    users: options.users ?? [DEFAULT_USER],
    callRate: options.callRate ?? agents / 120,
    outboundPerAgentHour: options.outboundPerAgentHour ?? 6,
    dayLengthSec: options.dayLengthSec ?? 8 * 3600,
    days: options.days ?? Infinity,
    nightSec: options.nightSec ?? 60,
    pauseLimitSec: options.pauseLimitSec ?? 900,
    startEpochMs: options.startEpochMs ?? Math.floor(clock.nowMs()),
    startOn: options.startOn ?? 'listen',
    cdr: options.cdr ?? true,
    authFailDelayMs: options.authFailDelayMs ?? 1000,
    sendTimeHeader: options.sendTimeHeader,
    recordingsDir: options.recordingsDir,
    clock,
  };
  validate(resolved);
  return resolved;
}

function validate(o: ResolvedOptions): void {
  const problems: string[] = [];
  if (!(o.speed > 0)) problems.push(`speed must be > 0 (got ${o.speed})`);
  if (!Number.isInteger(o.agents) || o.agents < 0 || o.agents > 8999)
    problems.push('agents must be an integer in 0..8999');
  if (o.queues.length === 0) problems.push('at least one queue is needed');
  if (!(o.callRate >= 0)) problems.push('callRate must be >= 0');
  if (!(o.dayLengthSec >= 60)) problems.push('dayLengthSec must be >= 60');
  if (o.users.length === 0) problems.push('at least one AMI user is needed');
  if (problems.length > 0) throw new Error(`invalid simulator options: ${problems.join('; ')}`);
}
