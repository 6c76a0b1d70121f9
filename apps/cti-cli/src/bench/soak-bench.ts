import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AmiConnection, PbxLink } from '@cti/ami';
import { CallCenterCore, type CoreStats, localDay } from '@cti/domain';
import { simulatedCallCenter, startSimulatorThread } from '@cti/pbx-simulator';

const TIMEZONE = 'Asia/Shanghai';
/** 2026-03-10 23:00 in Shanghai: a one-hour late shift ends at midnight. */
const SHIFT_START_MS = Date.UTC(2026, 2, 10, 15, 0, 0);
const SHIFT_SEC = 3600;
/** Samples are compared this far into each day: past the core's half hour of grace after midnight. */
const INTO_DAY_MS = 45 * 60_000;
const SAMPLE_EVERY_MS = 500;

export interface SoakOptions {
  readonly agents: number;
  readonly speed: number;
}

export interface SoakSample {
  readonly pbxTime: number;
  readonly heapMb: number;
  readonly rssMb: number;
  readonly core: CoreStats;
}

export interface SoakResult {
  readonly agents: number;
  readonly speed: number;
  readonly events: number;
  readonly wallSeconds: number;
  /** Logged in, before traffic builds up. */
  readonly baseline: SoakSample;
  /** 45 minutes into the shift, its end, and 00:45 the next day (after midnight). */
  readonly morning: SoakSample;
  readonly endOfDay: SoakSample;
  readonly nextMorning: SoakSample;
  /** Heap the shift's state added (end of day minus baseline), per 1,000 agents. */
  readonly mbPer1000AgentDays: number;
  /** nextMorning heap / morning heap. */
  readonly heapRatio: number;
}

/** A full collection before each sample, so heap figures are what is retained. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
}

/**
 * A simulated evening shift of `agents` (simulator on its own thread) through TCP, the AMI
 * adapter and the core, on past local midnight into the next day: samples heap and RSS, and
 * compares the same time into both days to show yesterday's state was released.
 */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const gc = collector();
  const sim = await startSimulatorThread({
    agents: options.agents,
    speed: options.speed,
    seed: 11,
    startEpochMs: SHIFT_START_MS,
    dayLengthSec: SHIFT_SEC,
    startOn: 'first-login',
    cdr: false,
  });
  const core = new CallCenterCore(simulatedCallCenter(options.agents, TIMEZONE));
  const conn = new AmiConnection({
    host: sim.host,
    port: sim.port,
    username: 'cti',
    secret: 'cti-secret',
    clock: sim.nowMs,
  });
  const link = new PbxLink(conn, core);
  link.start();
  const firstDay = localDay(SHIFT_START_MS, TIMEZONE);
  const started = Date.now();
  const sample = (): SoakSample => {
    gc();
    const mem = process.memoryUsage();
    return {
      pbxTime: sim.nowMs(),
      heapMb: mem.heapUsed / 2 ** 20,
      rssMb: mem.rss / 2 ** 20,
      core: core.stats(),
    };
  };
  let baseline: SoakSample | undefined;
  let morning: SoakSample | undefined;
  let endOfDay: SoakSample | undefined;
  let nextMorning: SoakSample | undefined;
  const dayStart = (t: number) => Date.parse(`${localDay(t, TIMEZONE)}T00:00:00+08:00`);
  while (!nextMorning) {
    await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
    const now = sim.nowMs();
    core.advanceTo(now);
    const today = localDay(now, TIMEZONE);
    if (today === firstDay) {
      if (!baseline && link.isFresh) baseline = sample();
      else if (!morning && now >= SHIFT_START_MS + INTO_DAY_MS) morning = sample();
      else if (morning) endOfDay = sample();
    } else if (now >= dayStart(now) + INTO_DAY_MS) nextMorning = sample();
  }
  const wallSeconds = (Date.now() - started) / 1000;
  const events = conn.stats.eventsIn;
  await link.stop();
  await sim.stop();
  if (!baseline || !morning || !endOfDay) {
    const missing = { baseline, morning, endOfDay };
    const names = Object.keys(missing).filter((k) => !missing[k as keyof typeof missing]);
    throw new Error(
      `the first day was not sampled (${names.join(', ')} missing): the PBX clock went past midnight too fast; lower --speed`,
    );
  }
  return {
    agents: options.agents,
    speed: options.speed,
    events,
    wallSeconds,
    baseline,
    morning,
    endOfDay,
    nextMorning,
    mbPer1000AgentDays: ((endOfDay.heapMb - baseline.heapMb) / options.agents) * 1000,
    heapRatio: nextMorning.heapMb / morning.heapMb,
  };
}
