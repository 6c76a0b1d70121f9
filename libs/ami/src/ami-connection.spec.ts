import { AmiConnection } from './ami-connection';
import { AmiError } from './ami-error';
import { AmiHarness } from './testing/ami-harness';
import { delay, FakeAmiServer, waitFor } from './testing/fake-ami-server';

describe('AmiConnection against a real TCP AMI server', () => {
  let harness: AmiHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('logs in, reports up, fires onLogin$ and answers actions with our ActionIDs', async () => {
    harness = await AmiHarness.up();
    const { conn, server, statuses } = harness;
    expect(statuses.map((s) => s.state)).toEqual(['down', 'connecting', 'up']);
    expect(statuses[1]?.attempt).toBe(1);
    server.on('CoreSettings', (a, s) =>
      s.respond(a, [
        ['Response', 'Success'],
        ['AMIversion', '11.0.0'],
      ]),
    );

    const response = await conn.action('CoreSettings', { Variable: ['A=1', 'B=2'], Foo: 'x: y' });

    expect(response.name).toBe('Success');
    expect(response.fields.amiversion).toBe('11.0.0');
    const sent = server.actionsNamed('CoreSettings')[0];
    expect(sent?.headers).toEqual([
      ['Action', 'CoreSettings'],
      ['ActionID', 'cti-1'],
      ['Variable', 'A=1'],
      ['Variable', 'B=2'],
      ['Foo', 'x: y'],
    ]);
    await harness.waitForEvent('FullyBooted');
    expect(conn.stats.unknownActionIdResponses).toBe(0);
  });

  it('surfaces a login failure naming host, port and user, never the secret', async () => {
    const server = await FakeAmiServer.start({ username: 'cti', secret: 'the-right-one' });
    const secret = 'wr0ng-S3cret-value';
    harness = new AmiHarness(server, { secret, authFailureDelayMs: 400 });
    harness.conn.start();
    await waitFor(() => harness?.conn.status.state === 'auth-failed');

    const expected = `AMI login to 127.0.0.1:${server.port} as 'cti' failed: Authentication failed`;
    expect(harness.conn.status.error).toBe(expected);
    await waitFor(() => harness!.logs.some((l) => l.startsWith('error: ')));
    expect(harness.logs.filter((l) => l.startsWith('error: '))).toEqual([
      `error: ${expected}; retrying in 400 ms`,
    ]);
    // Waits authFailureDelayMs (not the short backoff) before trying again.
    await delay(250);
    expect(server.sessions).toHaveLength(1);
    await waitFor(() => server.sessions.length === 2, 1000);
    await waitFor(
      () => harness?.conn.status.state === 'auth-failed' && server.actions.length === 2,
    );
    const refused = (await harness.conn.action('Ping').catch((e: Error) => e)) as Error;
    const visibleText = [
      ...harness.logs,
      ...harness.statuses.map((s) => s.error ?? ''),
      refused.message,
    ].join('\n');
    expect(visibleText).not.toContain(secret);
    expect(harness.logins).toBe(0);
  });

  it('reports a refused connection clearly and keeps retrying within a second', async () => {
    const server = await FakeAmiServer.start();
    await server.close(); // nothing listens on that port any more
    harness = new AmiHarness(server);
    harness.conn.start();
    await waitFor(
      () => harness!.statuses.filter((s) => s.state === 'connecting').length >= 2,
      1500,
    );
    const down = harness.statuses.find((s) => s.state === 'down' && s.error);
    expect(down?.error).toContain(`AMI connection to 127.0.0.1:${server.port} failed:`);
    expect(down?.error).toContain('ECONNREFUSED');
  });

  it('reports a reset connection clearly and reconnects', async () => {
    harness = await AmiHarness.up();
    harness.server.lastSession.socket.resetAndDestroy();
    await harness.waitForLogins(2, 1500);
    const down = harness.statuses.find((s) => s.state === 'down' && s.error);
    expect(down?.error).toBe(
      `AMI connection to 127.0.0.1:${harness.server.port} lost: read ECONNRESET`,
    );
  });

  it('reconnects within a second after the server drops the socket; pending actions are rejected and never replayed', async () => {
    harness = await AmiHarness.up();
    const { conn, server } = harness;
    server.on('Originate', () => undefined); // never answers
    const originate = conn.action('Originate', { Channel: 'PJSIP/1001', Exten: '100' });
    await waitFor(() => server.actionsNamed('Originate').length === 1);

    const droppedAt = Date.now();
    server.lastSession.destroy();
    await expect(originate).rejects.toMatchObject({ code: 'closed' });
    await harness.waitForLogins(2, 1500);

    const retryAfterMs = Date.now() - droppedAt;
    expect(retryAfterMs).toBeLessThan(1000);
    expect(conn.stats.reconnects).toBe(1);
    expect(harness.statuses.map((s) => s.state)).toEqual([
      'down',
      'connecting',
      'up',
      'down',
      'connecting',
      'up',
    ]);
    await delay(50);
    expect(server.actionsNamed('Originate')).toHaveLength(1); // not replayed
    await expect(conn.action('Ping')).resolves.toMatchObject({ name: 'Success' });
  });

  it('times out an unanswered action with a clear error and counts its late answer as unknown', async () => {
    harness = await AmiHarness.up({ actionTimeoutMs: 150 });
    const { conn, server } = harness;
    server.on('Status', () => undefined);

    const started = Date.now();
    const error = (await conn.action('Status').catch((e: unknown) => e)) as AmiError;
    expect(error).toBeInstanceOf(AmiError);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('AMI action Status (cti-1) timed out after 150 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const late = server.actionsNamed('Status')[0]!;
    late.session.respond(late, [['Response', 'Success']]);
    await waitFor(() => conn.stats.unknownActionIdResponses === 1);
    expect(conn.status.state).toBe('up');
  });

  it('rejects an Error response with its Message', async () => {
    harness = await AmiHarness.up();
    const error = (await harness.conn.action('NoSuchThing').catch((e: unknown) => e)) as AmiError;
    expect(error.code).toBe('action-failed');
    expect(error.message).toBe('AMI action NoSuchThing (cti-1) failed: Invalid/unknown command');
    expect(error.response?.fields.message).toBe('Invalid/unknown command');
  });

  it('refuses CR/LF/NUL and bad keys before writing anything', async () => {
    harness = await AmiHarness.up();
    const { conn, server } = harness;
    const before = server.lastSession.received;
    const attempts = [
      conn.action('Originate', { CallerID: 'x\r\nAction: Command\r\nCommand: core stop now' }),
      conn.action('Originate', { Variable: ['A=1', 'B=2\nAction: Command'] }),
      conn.action('Originate', { Channel: 'a\0b' }),
      conn.action('Originate\r\nAction: Command'),
      conn.action('Originate', { 'Bad Key': 'x' }),
      conn.action('Originate', { 'Key\r\nAction': 'x' }),
      conn.action('Originate', { ActionID: 'mine' }),
    ];
    for (const attempt of attempts)
      await expect(attempt).rejects.toMatchObject({ code: 'invalid-action' });
    await conn.action('Ping');
    const written = server.lastSession.received.slice(before.length);
    expect(written).toBe('Action: Ping\r\nActionID: cti-1\r\n\r\n');
    expect(server.actionsNamed('Originate')).toHaveLength(0);
    expect(server.actionsNamed('Command')).toHaveLength(0);
  });

  it('rejects actions while not logged in instead of queueing them', async () => {
    const server = await FakeAmiServer.start();
    harness = new AmiHarness(server);
    await expect(harness.conn.action('Ping')).rejects.toMatchObject({ code: 'not-connected' });
    harness.conn.start();
    await harness.waitForLogins(1);
    await delay(20);
    expect(server.actionsNamed('Ping')).toHaveLength(0);
  });

  it('stop() logs off, rejects pending actions and does not reconnect', async () => {
    harness = await AmiHarness.up();
    const { conn, server } = harness;
    server.on('Hangup', () => undefined);
    const pending = conn.action('Hangup', { Channel: 'PJSIP/1-1' });
    await waitFor(() => server.actionsNamed('Hangup').length === 1);

    await conn.stop();

    await expect(pending).rejects.toMatchObject({ code: 'closed' });
    expect(server.actionsNamed('Logoff')).toHaveLength(1);
    expect(conn.status.state).toBe('down');
    await delay(700);
    expect(server.sessions).toHaveLength(1);
  });

  it('validates its options', () => {
    const base = { host: '127.0.0.1', port: 5038, username: 'u', secret: 's' };
    expect(() => new AmiConnection({ ...base, reconnect: { initialDelayMs: 1500 } })).toThrow(
      /initialDelayMs/,
    );
    expect(() => new AmiConnection({ ...base, reconnect: { jitter: 2 } })).toThrow(/jitter/);
    expect(() => new AmiConnection({ ...base, pingTimeoutMs: 0 })).toThrow(/pingTimeoutMs/);
  });
});
