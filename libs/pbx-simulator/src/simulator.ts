import { ACTION_ROUTES } from './actions/action-router';
import { DayDriver } from './driver/day-driver';
import { agentExtension, agentName } from './driver/names';
import { resolveOptions, type SimulatorOptions } from './options';
import { agentInterface } from './pbx/model';
import { type PbxCounters, Pbx } from './pbx/pbx';
import { Prng } from './prng';
import { RecordingWriter } from './recordings/recording-writer';
import { SimScheduler } from './scheduler';
import { AmiServer } from './server/ami-server';

export interface SimulatorStats extends PbxCounters {
  /** Simulated "now", epoch milliseconds (the clock of the `Timestamp` headers). */
  simulatedNowMs: number;
  /** Simulated seconds since the start. */
  simulatedSec: number;
  eventsEmitted: number;
  eventsByType: Record<string, number>;
  openSessions: number;
  sessionsOpened: number;
  liveChannels: number;
  channelsCreated: number;
  /** Worst delay between an event's due time and its emission, wall ms (finite speeds). */
  maxLagMs: number;
  started: boolean;
  /** Recording files written and failed (only with `recordingsDir`). */
  recordingsWritten: number;
  recordingsFailed: number;
}

export interface RunningSimulator {
  host: string;
  port: number;
  /** Resolves once the configured number of days is over (never with the default `days`). */
  finished: Promise<void>;
  /** Simulated "now", epoch ms: cheap, unlike stats(). */
  nowMs(): number;
  stats(): SimulatorStats;
  stop(): Promise<void>;
}

/**
 * Starts the PBX simulator: an AMI server speaking Asterisk 22.10.1's dialect over a simulated
 * call center. See `SimulatorOptions` for the defaults.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const o = resolveOptions(options);
  const prng = new Prng(o.seed);
  const serverRef: { current?: AmiServer } = {};
  const sched = new SimScheduler(
    o.startEpochMs * 1000,
    o.speed,
    o.clock,
    () => serverRef.current?.canAcceptMore() ?? true,
  );
  const recordings = o.recordingsDir ? new RecordingWriter(o.recordingsDir, o.seed) : undefined;
  const pbx = new Pbx(sched, prng.fork(0), o.queues, o.cdr, recordings);
  for (let i = 0; i < o.agents; i += 1) {
    const ext = agentExtension(i);
    pbx.addAgent({
      ext,
      name: agentName(i),
      iface: agentInterface(ext),
      stateInterface: `Custom:${ext}`,
    });
  }
  const driver = new DayDriver(pbx, o, prng.fork(4));
  let started = false;
  const begin = (): void => {
    if (started) return;
    started = true;
    // Without an explicit start time, simulated time starts now, so at speed 1 the Timestamps
    // are wall-clock times even when the day waited for the first login.
    sched.start(options.startEpochMs === undefined ? o.clock.nowMs() * 1000 : undefined);
    driver.start();
  };
  const server = new AmiServer(
    {
      users: o.users,
      authFailDelayMs: o.authFailDelayMs,
      pbx,
      clock: o.clock,
      routes: ACTION_ROUTES,
      uptimeSec: () => Math.floor((pbx.nowUs() - pbx.startUs) / 1e6),
      onLogin: () => {
        if (o.startOn === 'first-login') begin();
      },
    },
    o.sendTimeHeader,
  );
  serverRef.current = server;
  pbx.events.subscribe((frame, mask) => server.broadcast(frame, mask));
  const port = await server.listen(o.host, o.port);
  if (o.startOn === 'listen') begin();
  return {
    host: o.host,
    port,
    finished: driver.finished,
    nowMs: () => Math.floor(pbx.nowUs() / 1000),
    stats: () => ({
      ...pbx.counters,
      simulatedNowMs: Math.floor(pbx.nowUs() / 1000),
      simulatedSec: Math.floor((pbx.nowUs() - pbx.startUs) / 1e6),
      eventsEmitted: pbx.events.total,
      eventsByType: Object.fromEntries(pbx.events.countByType),
      openSessions: server.openSessions,
      sessionsOpened: server.sessionsOpened,
      liveChannels: pbx.channels.live.size,
      channelsCreated: pbx.channels.created,
      maxLagMs: sched.maxLagMs,
      started,
      recordingsWritten: recordings?.written ?? 0,
      recordingsFailed: recordings?.failed ?? 0,
    }),
    stop: async () => {
      sched.stop();
      await server.close();
      await recordings?.stop();
    },
  };
}
