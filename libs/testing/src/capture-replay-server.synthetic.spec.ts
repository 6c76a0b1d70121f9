/** Reconnects, answer selection, pacing and re-cut streams, on small captures built here. */
import { performance } from 'node:perf_hooks';
import { amiText, captureJsonl, type CaptureLine } from './capture-builder';
import { type Capture, parseCapture } from './capture-file';
import { CaptureReplayServer, type CaptureReplayOptions } from './capture-replay-server';
import { byteByByte, cutAt } from './chunkers';
import { RawAmiClient, type ReceivedMessage, isEvent } from './raw-ami-client';

const EPOCH_AT_T0 = 1_700_000_000_000;
const BANNER = 'Asterisk Call Manager/11.0.0\r\n';

function timestamp(t: number): string {
  const epochMs = EPOCH_AT_T0 + t;
  return `${Math.floor(epochMs / 1000)}.${String((epochMs % 1000) * 1000).padStart(6, '0')}`;
}

function event(t: number, name: string, ...rest: Array<[string, string]>): string {
  return amiText(['Event', name], ['Privilege', 'call,all'], ['Timestamp', timestamp(t)], ...rest);
}

function queueStatusAnswer(actionId: string, calls: number): string {
  return (
    amiText(
      ['Response', 'Success'],
      ['ActionID', actionId],
      ['EventList', 'start'],
      ['Message', 'Queue status will follow'],
    ) +
    amiText(
      ['Event', 'QueueParams'],
      ['Queue', 'support'],
      ['Calls', String(calls)],
      ['ActionID', actionId],
    ) +
    amiText(
      ['Event', 'QueueStatusComplete'],
      ['ActionID', actionId],
      ['EventList', 'Complete'],
      ['ListItems', '1'],
    )
  );
}

/** Banner, Login, a QueueStatus answer at `t0 + 21`, then Newchannel and Hangup of a call. */
function connection(conn: number, t0: number, calls: number): CaptureLine[] {
  const login = amiText(
    ['Action', 'Login'],
    ['ActionID', `${conn}-1`],
    ['Username', 'cti'],
    ['Secret', 's'],
  );
  return [
    { t: t0, conn, dir: 'in', data: BANNER },
    { t: t0 + 10, conn, dir: 'out', data: login },
    {
      t: t0 + 10,
      conn,
      dir: 'in',
      data:
        amiText(
          ['Response', 'Success'],
          ['ActionID', `${conn}-1`],
          ['Message', 'Authentication accepted'],
        ) +
        amiText(['Event', 'FullyBooted'], ['Privilege', 'system,all'], ['Status', 'Fully Booted']),
    },
    {
      t: t0 + 20,
      conn,
      dir: 'out',
      data: amiText(['Action', 'QueueStatus'], ['ActionID', `${conn}-2`]),
    },
    { t: t0 + 21, conn, dir: 'in', data: queueStatusAnswer(`${conn}-2`, calls) },
    {
      t: t0 + 100,
      conn,
      dir: 'in',
      data: event(t0 + 100, 'Newchannel', ['Uniqueid', `u${conn}`], ['CallerIDName', '张先生']),
    },
    { t: t0 + 200, conn, dir: 'in', data: event(t0 + 200, 'Hangup', ['Uniqueid', `u${conn}`]) },
  ];
}

const TWO_CONNECTIONS: Capture = parseCapture(
  captureJsonl([...connection(1, 0, 0), ...connection(2, 1000, 1)]),
  'two-connections',
);
const ONE_CONNECTION: Capture = parseCapture(captureJsonl(connection(1, 0, 0)), 'one-connection');

const LOGIN = (id: string): string =>
  amiText(['Action', 'Login'], ['ActionID', id], ['Username', 'cti'], ['Secret', 's']);
const withId = (id: string) => (m: ReceivedMessage) => m.get('ActionID') === id;
const names = (client: RawAmiClient): Array<string | undefined> =>
  client.messages.map((m) => m.get('Event') ?? m.get('Response'));

describe('CaptureReplayServer on built captures', () => {
  let server: CaptureReplayServer | undefined;
  let clients: RawAmiClient[] = [];

  afterEach(async () => {
    for (const client of clients) client.close();
    clients = [];
    await server?.stop();
    server = undefined;
  });

  async function serve(options: CaptureReplayOptions): Promise<CaptureReplayServer> {
    server = new CaptureReplayServer(options);
    await server.start();
    return server;
  }

  async function connect(port: number): Promise<RawAmiClient> {
    const client = await RawAmiClient.connect(port);
    clients.push(client);
    return client;
  }

  it('closes after connection 1 and serves connection 2 to the next socket, kept open', async () => {
    const replay = await serve({ capture: TWO_CONNECTIONS });
    const first = await connect(replay.port);
    first.send(LOGIN('a-1'));
    await first.closed;
    expect(names(first)).toEqual(['Success', 'FullyBooted', 'Newchannel', 'Hangup']);
    expect(first.messages[2].get('Uniqueid')).toBe('u1');

    const second = await connect(replay.port);
    second.send(LOGIN('b-1'));
    await replay.finished;
    await second.waitFor(isEvent('Hangup'));
    expect(names(second)).toEqual(['Success', 'FullyBooted', 'Newchannel', 'Hangup']);
    expect(second.messages[0].get('ActionID')).toBe('b-1');
    expect(second.messages[2].get('Uniqueid')).toBe('u2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.isClosed).toBe(false);

    second.send(amiText(['Action', 'Logoff'], ['ActionID', 'b-2']));
    expect((await second.waitFor(withId('b-2'))).text).toBe(
      'Response: Goodbye\r\nActionID: b-2\r\nMessage: Thanks for all the fish.\r\n\r\n',
    );
    await second.closed;
    expect(replay.counters().connectionsAccepted).toBe(2);
    expect(replay.position()).toEqual({ t: 1200, epochMs: EPOCH_AT_T0 + 1200 });
  });

  it('picks the next unused answer at or after the position, else the last one', async () => {
    const replay = await serve({ capture: TWO_CONNECTIONS });
    const first = await connect(replay.port);
    const queueStatus = (id: string): string =>
      amiText(['Action', 'QueueStatus'], ['ActionID', id]);
    first.send(LOGIN('a-1') + queueStatus('a-2') + queueStatus('a-3'));
    await first.closed;
    const calls = (client: RawAmiClient, id: string): string | undefined =>
      client.messages
        .find((m) => m.get('ActionID') === id && m.get('Event') === 'QueueParams')
        ?.get('Calls');
    expect(calls(first, 'a-2')).toBe('0');
    expect(calls(first, 'a-3')).toBe('1');

    const second = await connect(replay.port);
    second.send(LOGIN('b-1'));
    await replay.finished;
    second.send(queueStatus('b-2'));
    await second.waitFor(
      (m) => m.get('ActionID') === 'b-2' && m.get('Event') === 'QueueStatusComplete',
    );
    expect(calls(second, 'b-2')).toBe('1');
    expect(replay.counters().actions).toEqual({ Login: 2, QueueStatus: 3 });
  });

  it('drops the ActionID line when the client sent none', async () => {
    const client = await connect((await serve({ capture: ONE_CONNECTION })).port);
    client.send('Action: Login\r\nUsername: cti\r\nSecret: s\r\n\r\n');
    await client.waitFor(isEvent('FullyBooted'));
    expect(client.messages[0].text).toBe(
      'Response: Success\r\nMessage: Authentication accepted\r\n\r\n',
    );
  });

  it('paces live events by t / speed and answers while waiting', async () => {
    const replay = await serve({ capture: ONE_CONNECTION, speed: 2 });
    const client = await connect(replay.port);
    client.send(LOGIN('a-1'));
    await client.waitFor(isEvent('Newchannel'));
    const newchannelAt = performance.now();
    client.send(amiText(['Action', 'Ping'], ['ActionID', 'p-1']));
    await client.waitFor(isEvent('Hangup'));
    expect(performance.now() - newchannelAt).toBeGreaterThanOrEqual(40); // (200 - 100) / 2 ms
    expect(names(client)).toEqual(['Success', 'FullyBooted', 'Newchannel', 'Success', 'Hangup']);
    expect(client.messages[3].get('Timestamp')).toBe(timestamp(100)); // the position: Newchannel
  });

  it('stops streaming at Logoff', async () => {
    const client = await connect((await serve({ capture: ONE_CONNECTION, speed: 1 })).port);
    client.send(LOGIN('a-1'));
    await client.waitFor(isEvent('Newchannel'));
    client.send(amiText(['Action', 'Logoff'], ['ActionID', 'a-2']));
    await client.closed;
    expect(names(client)).toEqual(['Success', 'FullyBooted', 'Newchannel', 'Goodbye']);
  });

  it('never puts an answer inside a message cut across a pause', async () => {
    const [fullyBooted, newchannel] = ONE_CONNECTION.connections[0].live;
    const insideHangup = fullyBooted.bytes.length + newchannel.bytes.length + 5;
    const replay = await serve({
      capture: ONE_CONNECTION,
      speed: 2,
      chunker: cutAt([insideHangup]),
    });
    const client = await connect(replay.port);
    client.send(LOGIN('a-1'));
    await client.waitFor(isEvent('Newchannel'));
    client.send(amiText(['Action', 'Ping'], ['ActionID', 'p-1']));
    await client.waitFor(withId('p-1'));
    expect(names(client)).toEqual(['Success', 'FullyBooted', 'Newchannel', 'Hangup', 'Success']);
    expect(client.messages[3].get('Uniqueid')).toBe('u1');
  });

  it('sent byte by byte, carries the same bytes', async () => {
    const replay = await serve({ capture: ONE_CONNECTION, chunker: byteByByte });
    const client = await connect(replay.port);
    client.send(LOGIN('a-1'));
    await replay.finished;
    await client.waitFor(isEvent('Hangup'));
    const [conn] = ONE_CONNECTION.connections;
    const expected = Buffer.concat([
      Buffer.from(
        BANNER + 'Response: Success\r\nActionID: a-1\r\nMessage: Authentication accepted\r\n\r\n',
      ),
      ...conn.live.map((f) => f.bytes),
    ]);
    expect(client.receivedBytes().equals(expected)).toBe(true);
    expect(client.messages[2].get('CallerIDName')).toBe('张先生');
  });
});
