import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startSimulator, type SimulatorOptions } from '@cti/pbx-simulator';

/** The PBX simulator on its own thread, so generating traffic does not slow the client measured. */
if (!isMainThread && parentPort) {
  const port = parentPort;
  void startSimulator(workerData as SimulatorOptions).then((sim) => {
    port.postMessage({ port: sim.port });
    port.on('message', () => port.postMessage({ events: sim.stats().eventsEmitted }));
  });
}

export interface SimulatorThread {
  readonly port: number;
  eventsEmitted(): Promise<number>;
  stop(): Promise<void>;
}

export function startSimulatorThread(options: SimulatorOptions): Promise<SimulatorThread> {
  const worker = new Worker(__filename, { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ port }: { port: number }) =>
      resolve({
        port,
        eventsEmitted: () =>
          new Promise((r) => {
            worker.once('message', ({ events }: { events: number }) => r(events));
            worker.postMessage('stats');
          }),
        stop: async () => void (await worker.terminate()),
      }),
    );
  });
}
