import { createServer, type Socket } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * A minimal AMI peer for throughput benchmarks, on its own thread so it never competes with
 * the client being measured: it answers Login, Ping and list actions (empty lists), then writes
 * the whole live stream as fast as the socket takes it, after the client asked for `startAfter`.
 */
interface BlastOptions {
  readonly stream: Uint8Array;
  readonly startAfter: string;
}

function actionAnswer(action: string, actionId: string): string {
  const id = actionId ? `ActionID: ${actionId}\r\n` : '';
  if (action === 'login')
    return `Response: Success\r\n${id}Message: Authentication accepted\r\n\r\n`;
  if (action === 'ping') return `Response: Success\r\n${id}Ping: Pong\r\n\r\n`;
  if (action === 'logoff') return `Response: Goodbye\r\n${id}\r\n`;
  const complete = {
    queuestatus: 'QueueStatusComplete',
    coreshowchannels: 'CoreShowChannelsComplete',
    devicestatelist: 'DeviceStateListComplete',
  }[action];
  if (!complete) return `Response: Error\r\n${id}Message: Invalid/unknown command\r\n\r\n`;
  return `Response: Success\r\n${id}EventList: start\r\n\r\nEvent: ${complete}\r\n${id}EventList: Complete\r\nListItems: 0\r\n\r\n`;
}

function serve(options: BlastOptions): void {
  const stream = Buffer.from(options.stream);
  const server = createServer((socket: Socket) => {
    let pending = '';
    let started = false;
    socket.write('Asterisk Call Manager/11.0.0\r\n');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let end: number;
      while ((end = pending.indexOf('\r\n\r\n')) >= 0) {
        const frame = pending.slice(0, end);
        pending = pending.slice(end + 4);
        const header = (name: string) =>
          new RegExp(`^${name}: (.*)$`, 'im').exec(frame)?.[1]?.trim() ?? '';
        const action = header('Action').toLowerCase();
        socket.write(actionAnswer(action, header('ActionID')));
        if (action === 'logoff') socket.end();
        if (!started && action === options.startAfter) {
          started = true;
          socket.write(stream);
        }
      }
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    parentPort?.postMessage(typeof address === 'object' && address ? address.port : 0);
  });
}

if (!isMainThread && parentPort) serve(workerData as BlastOptions);

/** Starts the server thread; resolves with its port and a stop function. */
export function startBlastServer(
  stream: Buffer,
  startAfter: string,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const worker = new Worker(__filename, {
    workerData: { stream, startAfter } satisfies BlastOptions,
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (port: number) =>
      resolve({ port, stop: async () => void (await worker.terminate()) }),
    );
  });
}
