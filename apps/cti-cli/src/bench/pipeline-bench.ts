import createManager from 'asterisk-manager';
import { AmiConnection, PbxLink } from '@cti/ami';
import { CallCenterCore, type CallCenterConfig } from '@cti/domain';
import { startBlastServer } from './blast-server';

export interface RateResult {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
}

function rate(events: number, startNs: bigint): RateResult {
  const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
  return { events, seconds, perSecond: events / seconds };
}

/** asterisk-manager alone: parse and emit every event of the stream, nothing else. */
export async function benchManagerParseOnly(stream: Buffer, expected: number): Promise<RateResult> {
  const server = await startBlastServer(stream, 'login');
  const manager = createManager(undefined, '127.0.0.1', 'cti', 'bench', true);
  try {
    return await new Promise<RateResult>((resolve) => {
      let count = 0;
      let start = 0n;
      manager.on('managerevent', () => {
        if (count++ === 0) start = process.hrtime.bigint();
        if (count === expected) resolve(rate(count, start));
      });
      manager.connect(server.port, '127.0.0.1', () => manager.login(() => undefined));
    });
  } finally {
    manager.disconnect();
    await server.stop();
  }
}

/** The product's path: TCP → asterisk-manager → AmiConnection → PbxLink → core. */
export async function benchPipeline(
  stream: Buffer,
  expected: number,
  config: CallCenterConfig,
): Promise<RateResult> {
  const server = await startBlastServer(stream, 'coreshowchannels');
  const core = new CallCenterCore(config);
  const conn = new AmiConnection({
    host: '127.0.0.1',
    port: server.port,
    username: 'cti',
    secret: 'bench',
    pingIntervalMs: 600_000,
  });
  const link = new PbxLink(conn, core);
  try {
    return await new Promise<RateResult>((resolve) => {
      let count = 0;
      let start = 0n;
      // Subscribed after the link, so it sees each event once the core has applied it.
      link.start();
      conn.events$.subscribe(() => {
        if (count++ === 0) start = process.hrtime.bigint();
        if (count === expected) resolve(rate(count, start));
      });
    });
  } finally {
    await link.stop();
    await server.stop();
  }
}
