import { fixturePath } from './fixtures';
import { withActionId } from './ami-frames';
import { type Capture, loadCapture } from './capture-file';
import { CaptureReplayServer, type CaptureReplayOptions } from './capture-replay-server';
import { randomCuts } from './chunkers';
import { RawAmiClient, type ReceivedMessage, isEvent } from './raw-ami-client';

const INBOUND_DAY = fixturePath('ami-captures', 'inbound-day.ami.jsonl');

/** Like asterisk-manager writes it: keys capitalised (`Actionid`), lines in any order. */
const LOGIN = (id: string, secret = 'cti-secret'): Array<[string, string]> => [
  ['Username', 'cti'],
  ['Actionid', id],
  ['Secret', secret],
  ['action', 'Login'],
];
const withId = (id: string) => (m: ReceivedMessage) => m.get('ActionID') === id;
const isResponse = (m: ReceivedMessage): boolean => m.get('Event') === undefined;

describe('CaptureReplayServer on inbound-day', () => {
  let capture: Capture;
  let server: CaptureReplayServer | undefined;
  let clients: RawAmiClient[] = [];

  beforeAll(() => {
    capture = loadCapture(INBOUND_DAY);
  });

  afterEach(async () => {
    for (const client of clients) client.close();
    clients = [];
    await server?.stop();
    server = undefined;
  });

  async function serve(options: Partial<CaptureReplayOptions> = {}): Promise<CaptureReplayServer> {
    server = new CaptureReplayServer({ capture, ...options });
    await server.start();
    return server;
  }

  async function connect(port: number): Promise<RawAmiClient> {
    const client = await RawAmiClient.connect(port);
    clients.push(client);
    return client;
  }

  it("sends the banner, then the recorded Login answer with the client's ActionID", async () => {
    const client = await connect((await serve()).port);
    client.send(LOGIN('c-1'));
    const answer = await client.waitFor(withId('c-1'));
    expect(client.banner).toBe('Asterisk Call Manager/11.0.0');
    expect(answer.text).toBe(
      'Response: Success\r\nActionID: c-1\r\nMessage: Authentication accepted\r\n\r\n',
    );
    expect(client.messages[0]).toBe(answer);
  });

  it('streams exactly the broadcast events, without the recorded answers', async () => {
    const replay = await serve();
    const client = await connect(replay.port);
    client.send(LOGIN('c-1'));
    await replay.finished;
    client.send([
      ['Action', 'Logoff'],
      ['ActionID', 'c-2'],
    ]);
    await client.closed;
    expect(client.count(isEvent('Newchannel'))).toBe(214);
    expect(client.count(isEvent('QueueMemberAdded'))).toBe(7);
    expect(client.count(isEvent('OriginateResponse'))).toBe(23);
    expect(client.count(isEvent('QueueParams'))).toBe(0);
    expect(client.messages.filter(isResponse).map((m) => m.get('ActionID'))).toEqual([
      'c-1',
      'c-2',
    ]);
    expect(client.messages).toHaveLength(capture.connections[0].live.length + 2);
    const lastLive = capture.connections[0].live.at(-1);
    expect(replay.position()).toEqual({
      t: lastLive?.t,
      epochMs: (lastLive?.t ?? 0) + (capture.epochOffsetMs ?? 0),
    });
    expect(replay.counters()).toEqual({ connectionsAccepted: 1, actions: { Login: 1, Logoff: 1 } });
  });

  it('answers a QueueStatus sent at the start with the answer recorded at t~0.5 s', async () => {
    const client = await connect((await serve()).port);
    client.send(
      'Action: Login\r\nActionID: c-1\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n' +
        'Action: QueueStatus\r\nActionID: c-2\r\n\r\n',
    );
    await client.waitFor(isEvent('QueueStatusComplete'));
    const answer = client.messages.filter(withId('c-2'));
    expect(answer.map((m) => m.get('Event') ?? m.get('Response'))).toEqual([
      'Success',
      'QueueParams',
      'QueueParams',
      'QueueStatusComplete',
    ]);
    const recorded = capture.answersByAction.get('queuestatus')?.[0];
    expect(recorded?.t).toBe(502);
    expect(answer.map((m) => m.text)).toEqual(
      recorded?.frames.map((f) => withActionId(f.bytes, 'c-2').toString('utf8')),
    );
    // Written before the first live event: the action arrived before streaming began.
    expect(client.messages.indexOf(answer[3])).toBeLessThan(
      client.messages.findIndex(isEvent('FullyBooted')),
    );
  });

  it('answers Ping with a synthesized Pong', async () => {
    const client = await connect((await serve()).port);
    client.send(LOGIN('c-1'));
    client.send([
      ['Action', 'Ping'],
      ['ActionID', 'p-1'],
    ]);
    const pong = await client.waitFor(withId('p-1'));
    expect(pong.get('Response')).toBe('Success');
    expect(pong.get('Ping')).toBe('Pong');
    expect(pong.get('Timestamp')).toMatch(/^\d{10}\.\d{6}$/);
  });

  it('answers Logoff with Goodbye and closes the socket', async () => {
    const replay = await serve();
    const client = await connect(replay.port);
    client.send(LOGIN('c-1'));
    await client.waitFor(isEvent('Newchannel'));
    client.send([
      ['Action', 'Logoff'],
      ['ActionID', 'c-9'],
    ]);
    const goodbye = await client.waitFor(withId('c-9'));
    expect(goodbye.text).toBe(
      'Response: Goodbye\r\nActionID: c-9\r\nMessage: Thanks for all the fish.\r\n\r\n',
    );
    await client.closed;
    expect(client.messages.at(-1)).toBe(goodbye);
  });

  it('answers an action never seen in the capture with an error', async () => {
    const client = await connect((await serve()).port);
    client.send(LOGIN('c-1'));
    client.send([
      ['Action', 'FooBar'],
      ['ActionID', 'u-1'],
    ]);
    const error = await client.waitFor(withId('u-1'));
    expect(error.text).toBe(
      'Response: Error\r\nActionID: u-1\r\nMessage: Invalid/unknown command\r\n\r\n',
    );
  });

  it('refuses wrong credentials and closes, like Asterisk', async () => {
    const replay = await serve({ credentials: { username: 'cti', secret: 'cti-secret' } });
    const client = await connect(replay.port);
    client.send(LOGIN('c-1', 'wrong'));
    const refusal = await client.waitFor(withId('c-1'));
    expect(refusal.get('Response')).toBe('Error');
    expect(refusal.get('Message')).toBe('Authentication failed');
    await client.closed;
    expect(client.messages).toEqual([refusal]);

    const good = await connect(replay.port);
    good.send(LOGIN('c-2'));
    expect((await good.waitFor(withId('c-2'))).get('Response')).toBe('Success');
  });

  it('re-cut by a chunker, carries the same bytes', async () => {
    const replay = await serve({ chunker: randomCuts(7, 97) });
    const client = await connect(replay.port);
    client.send(LOGIN('c-1'));
    await replay.finished;
    client.send([
      ['Action', 'Logoff'],
      ['ActionID', 'c-2'],
    ]);
    await client.closed;
    const [conn] = capture.connections;
    const login = conn.answers[0].frames[0].bytes;
    const expected = Buffer.concat([
      conn.banner,
      withActionId(login, 'c-1'),
      ...conn.live.map((f) => f.bytes),
      Buffer.from(
        'Response: Goodbye\r\nActionID: c-2\r\nMessage: Thanks for all the fish.\r\n\r\n',
      ),
    ]);
    expect(client.receivedBytes().equals(expected)).toBe(true);
  });

  it('survives a client that disconnects mid-stream', async () => {
    const replay = await serve();
    const first = await connect(replay.port);
    first.send(LOGIN('c-1'));
    await first.waitFor(isEvent('Newchannel'));
    first.close();
    await first.closed;
    // A socket beyond the capture's connections gets answers but no live traffic.
    const extra = await connect(replay.port);
    extra.send(LOGIN('c-2'));
    await extra.waitFor(withId('c-2'));
    extra.send([
      ['Action', 'Ping'],
      ['ActionID', 'c-3'],
    ]);
    await extra.waitFor(withId('c-3'));
    expect(extra.messages).toHaveLength(2);
    expect(replay.counters().connectionsAccepted).toBe(2);
  });
});
