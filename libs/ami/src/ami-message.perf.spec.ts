import net from 'node:net';
import createManager, { type ManagerInstance } from 'asterisk-manager';
import { fromManagerObject } from './ami-message';
import { captureCreatedSocket } from './socket-capture';

/** A realistic ~450-byte Newstate with two ChanVariables. */
const EVENT =
  [
    'Event: Newstate',
    'Privilege: call,all',
    'Timestamp: 1795818512.781593',
    'Channel: PJSIP/1001-0000002a',
    'ChannelState: 6',
    'ChannelStateDesc: Up',
    'CallerIDNum: 1001',
    'CallerIDName: Alice Smith',
    'ConnectedLineNum: 5551234',
    'ConnectedLineName: <unknown>',
    'Language: en',
    'AccountCode: ',
    'Context: from-internal',
    'Exten: 5551234',
    'Priority: 3',
    'Uniqueid: 1795818500.123',
    'Linkedid: 1795818500.122',
    'ChanVariable: CALLID=abc123',
    'ChanVariable: CAMPAIGN=spring',
  ].join('\r\n') + '\r\n\r\n';
const EVENTS_PER_CHUNK = Math.floor(65536 / EVENT.length);
const CHUNK = EVENT.repeat(EVENTS_PER_CHUNK);

/** Events/s through the library's real reader, fed on its own socket (no TCP noise). */
function measure(
  manager: ManagerInstance,
  socket: net.Socket,
  convert: boolean,
  total: number,
): Promise<number> {
  return new Promise((resolve) => {
    let seen = 0;
    let sink = 0;
    const started = process.hrtime.bigint();
    manager.removeAllListeners('managerevent');
    manager.on('managerevent', (raw) => {
      sink += convert ? fromManagerObject(raw, Date.now()).name.length : 1;
      if (++seen === total && sink > 0)
        resolve(total / (Number(process.hrtime.bigint() - started) / 1e9));
    });
    let sent = 0;
    const pump = (): void => {
      for (let i = 0; i < 4 && sent < total; i++, sent += EVENTS_PER_CHUNK)
        socket.emit('data', CHUNK);
      if (sent < total) setImmediate(pump);
    };
    pump();
  });
}

describe('fromManagerObject cost', () => {
  let server: net.Server | undefined;
  let socket: net.Socket | undefined;
  afterEach(async () => {
    socket?.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps >= 0.8 of asterisk-manager parse-only throughput', async () => {
    server = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const manager = createManager(undefined, '127.0.0.1', 'u', 'p', false);
    await new Promise<void>((resolve) => {
      socket = captureCreatedSocket(() => manager.connect(port, '127.0.0.1', resolve));
    });

    const total = EVENTS_PER_CHUNK * 140; // ~20k events per run
    const parseOnly: number[] = [];
    const withConversion: number[] = [];
    for (let run = 0; run < 5; run++) {
      // Interleaved, best of five: both sides see the same machine load.
      parseOnly.push(await measure(manager, socket!, false, total));
      withConversion.push(await measure(manager, socket!, true, total));
    }
    const ratio = Math.max(...withConversion) / Math.max(...parseOnly);
    expect(ratio).toBeGreaterThanOrEqual(0.8);
  });
});
