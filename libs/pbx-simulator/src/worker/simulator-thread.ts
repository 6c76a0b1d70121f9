import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type SimulatorOptions } from '../options';
import { startSimulator } from '../simulator';

/** How often the thread publishes its simulated clock to the shared slot. */
const CLOCK_PUBLISH_MS = 5;

interface ThreadData {
  readonly options: SimulatorOptions;
  /** One Float64 slot: the simulator's "now", epoch ms. */
  readonly clock: SharedArrayBuffer;
}

type Request = 'stats' | 'stop';

/**
 * The PBX simulator on its own thread, so generating traffic never competes with the product
 * (or the client being measured) for the main event loop.
 */
if (!isMainThread && parentPort && (workerData as ThreadData | undefined)?.clock) {
  const port = parentPort;
  const data = workerData as ThreadData;
  const clock = new Float64Array(data.clock);
  void startSimulator(data.options).then((sim) => {
    const publish = setInterval(() => (clock[0] = sim.nowMs()), CLOCK_PUBLISH_MS);
    clock[0] = sim.nowMs();
    port.postMessage({ port: sim.port, host: sim.host });
    port.on('message', (request: Request) => {
      if (request === 'stats') return port.postMessage({ events: sim.stats().eventsEmitted });
      clearInterval(publish);
      void sim.stop().then(() => port.postMessage({ stopped: true }));
    });
  });
}

export interface SimulatorThread {
  readonly host: string;
  readonly port: number;
  /** The simulator's clock (epoch ms), read without a message round trip. */
  nowMs(): number;
  eventsEmitted(): Promise<number>;
  /** Closes the AMI server in the thread, then ends the thread (at most `timeoutMs` for both). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Whether this module runs compiled: a worker needs a JavaScript file, so from the TypeScript
 * sources (jest) callers run the simulator in-process instead.
 */
export const simulatorThreadAvailable = __filename.endsWith('.js');

export function startSimulatorThread(options: SimulatorOptions): Promise<SimulatorThread> {
  const clock = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
  const now = new Float64Array(clock);
  const data: ThreadData = { options, clock };
  const worker = new Worker(__filename, { workerData: data });
  const reply = <T>(request: Request): Promise<T> =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(request);
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ port, host }: { port: number; host: string }) =>
      resolve({
        host,
        port,
        nowMs: () => now[0]!,
        eventsEmitted: async () => (await reply<{ events: number }>('stats')).events,
        stop: async (timeoutMs = 2_000) => {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise((r) => (timer = setTimeout(r, timeoutMs)));
          await Promise.race([reply('stop'), late]);
          clearTimeout(timer);
          await worker.terminate();
        },
      }),
    );
  });
}
