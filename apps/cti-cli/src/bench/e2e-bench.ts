import { AmiConnection, PbxLink } from '@cti/ami';
import { CallCenterCore } from '@cti/domain';
import { simulatedCallCenter, startSimulatorThread } from '@cti/pbx-simulator';

const SENT_AT = 'CtiSentAt';

export interface E2eResult {
  readonly agents: number;
  readonly events: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Simulator (own thread, stamping each event's wall-clock send time) → TCP → asterisk-manager
 * → adapter → core. Latency is send → the core has applied the event.
 */
export async function benchEndToEnd(
  agents: number,
  speed: number,
  seconds: number,
): Promise<E2eResult> {
  const sim = await startSimulatorThread({
    agents,
    speed,
    seed: 3,
    sendTimeHeader: SENT_AT,
    startOn: 'first-login',
    cdr: false,
  });
  const core = new CallCenterCore(simulatedCallCenter(agents, 'Asia/Shanghai'));
  const conn = new AmiConnection({
    host: '127.0.0.1',
    port: sim.port,
    username: 'cti',
    secret: 'cti-secret',
    pingIntervalMs: 600_000,
  });
  const link = new PbxLink(conn, core);
  const latencies: number[] = [];
  let events = 0;
  const key = SENT_AT.toLowerCase();
  link.start();
  // Subscribed after the link: by the time this runs, the core has applied the event.
  const sub = conn.events$.subscribe((msg) => {
    events++;
    const sent = Number(msg.fields[key]);
    if (sent > 0) latencies.push(Date.now() - sent * 1000);
  });
  await new Promise((r) => setTimeout(r, 1000)); // login and first resync
  const startEvents = events;
  latencies.length = 0;
  const start = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (Date.now() - start) / 1000;
  const measured = events - startEvents;
  sub.unsubscribe();
  await link.stop();
  await sim.stop();
  latencies.sort((a, b) => a - b);
  return {
    agents,
    events: measured,
    perSecond: measured / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
