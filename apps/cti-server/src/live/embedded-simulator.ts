import {
  type SimulatorOptions,
  simulatorThreadAvailable,
  startSimulator,
  startSimulatorThread,
} from '@cti/pbx-simulator';

/** The built-in PBX as the live call center needs it: where to connect, its clock, a stop. */
export interface EmbeddedSimulator {
  readonly host: string;
  readonly port: number;
  /** Where it runs: its own thread, or this one (only when running from the sources). */
  readonly thread: 'worker' | 'main';
  nowMs(): number;
  stop(): Promise<void>;
}

/**
 * Starts the simulator on a worker thread, so at high speed its traffic generation does not
 * saturate the event loop that must read that traffic (and answer HTTP, and stop on SIGTERM).
 * From the TypeScript sources (tests) a worker cannot load, so it runs in-process there.
 */
export async function startEmbeddedSimulator(
  options: SimulatorOptions,
): Promise<EmbeddedSimulator> {
  if (simulatorThreadAvailable) {
    const sim = await startSimulatorThread(options);
    return { host: sim.host, port: sim.port, thread: 'worker', nowMs: sim.nowMs, stop: sim.stop };
  }
  const sim = await startSimulator(options);
  return { host: sim.host, port: sim.port, thread: 'main', nowMs: sim.nowMs, stop: sim.stop };
}
