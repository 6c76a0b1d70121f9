import { Worker } from 'node:worker_threads';

/** What the client thread measured: 1 ms latency buckets (event instant → frame parsed). */
export interface ClientStats {
  readonly histogram: number[];
  readonly frames: number;
  readonly rows: number;
  readonly bytes: number;
}

export interface ConnectRequest {
  readonly url: string;
  readonly count: number;
  readonly headers?: Record<string, string>;
  /** Subscribe messages, given round-robin; none for a raw ws server. */
  readonly subscribe?: readonly unknown[];
  /** Every n-th socket parses frames for latency; all of them count frames and bytes. */
  readonly sampleEvery: number;
}

/**
 * The bench's wallboard clients live in a worker thread: the server has the main thread to
 * itself, as it would with boards on other machines. Plain JS source (eval) so the same code
 * runs from ts-jest and from a tsc build.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const BUCKETS = 10001;
let hist = new Array(BUCKETS).fill(0);
let frames = 0, rows = 0, bytes = 0;
let sockets = [];
function measure(data) {
  const now = Date.now();
  const m = JSON.parse(data);
  if (m.type !== 'delta' || !m.agents) return;
  for (const a of m.agents) {
    hist[Math.min(BUCKETS - 1, Math.max(0, now - a.since))]++;
    rows++;
  }
}
function open(req, i) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(req.url, { headers: req.headers || {}, perMessageDeflate: false });
    const sample = i % req.sampleEvery === 0;
    let ready = false;
    ws.on('message', (data) => {
      frames++;
      bytes += data.length;
      if (!ready && req.subscribe && String(data).startsWith('{"type":"snapshot"')) { ready = true; resolve(ws); return; }
      if (sample) measure(data);
    });
    ws.on('open', () => {
      if (!req.subscribe) { ready = true; resolve(ws); return; }
      ws.send(JSON.stringify(req.subscribe[i % req.subscribe.length]));
    });
    ws.on('error', reject);
  });
}
parentPort.on('message', async (cmd) => {
  try {
    if (cmd.op === 'connect') {
      for (let i = 0; i < cmd.req.count; i += 50) {
        const batch = [];
        for (let j = i; j < Math.min(cmd.req.count, i + 50); j++) batch.push(open(cmd.req, j));
        sockets.push(...(await Promise.all(batch)));
      }
      parentPort.postMessage({ id: cmd.id });
    } else if (cmd.op === 'reset') {
      hist = new Array(BUCKETS).fill(0); frames = 0; rows = 0; bytes = 0;
      parentPort.postMessage({ id: cmd.id });
    } else if (cmd.op === 'stats') {
      parentPort.postMessage({ id: cmd.id, stats: { histogram: hist, frames, rows, bytes } });
    } else if (cmd.op === 'close') {
      await Promise.all(sockets.map((ws) => new Promise((r) => { ws.once('close', r); ws.close(); })));
      sockets = [];
      parentPort.postMessage({ id: cmd.id });
    }
  } catch (error) {
    parentPort.postMessage({ id: cmd.id, error: String(error) });
  }
});
`;

export class BenchClients {
  private readonly worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { wsPath: require.resolve('ws') },
  });
  private ids = 0;

  connect(req: ConnectRequest): Promise<void> {
    return this.call('connect', { req }).then(() => undefined);
  }

  reset(): Promise<void> {
    return this.call('reset').then(() => undefined);
  }

  async stats(): Promise<ClientStats> {
    return (await this.call('stats')).stats!;
  }

  close(): Promise<void> {
    return this.call('close').then(() => undefined);
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private call(op: string, extra: Record<string, unknown> = {}): Promise<{ stats?: ClientStats }> {
    const id = ++this.ids;
    return new Promise((resolve, reject) => {
      const onMessage = (m: { id: number; error?: string; stats?: ClientStats }) => {
        if (m.id !== id) return;
        this.worker.off('message', onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve(m);
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage({ op, id, ...extra });
    });
  }
}

export interface LatencyStats {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
}

/** Percentiles from 1 ms buckets (the last bucket holds everything ≥ 10 s). */
export function latencyOf(histogram: readonly number[]): LatencyStats {
  const samples = histogram.reduce((a, b) => a + b, 0);
  const at = (q: number) => {
    let seen = 0;
    for (let ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms]!;
      if (seen >= q * samples) return ms;
    }
    return histogram.length - 1;
  };
  let max = 0;
  for (let ms = 0; ms < histogram.length; ms++) if (histogram[ms]) max = ms;
  return { p50: samples ? at(0.5) : 0, p99: samples ? at(0.99) : 0, max, samples };
}
