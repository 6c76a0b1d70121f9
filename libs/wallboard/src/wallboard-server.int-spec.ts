import { CloseCode, WALLBOARD_SUBPROTOCOL } from './protocol';
import { schemaErrors } from './testing/schema-check';
import { TestServer, TEST_USERS } from './testing/test-server';
import { TestClient } from './testing/ws-test-client';

/** Real HTTP server, real `ws` clients, real JWTs; only the PBX is scripted. */
describe('WallboardServer (real sockets)', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const connect = async (...args: Parameters<typeof TestClient.connect>) => {
    const c = await TestClient.connect(...args);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await TestServer.start({
      server: {
        authTimeoutMs: 300,
        recheckMs: 200,
        heartbeatMs: 150,
        closeGraceMs: 500,
        allowedOrigins: ['https://wall.example.com'],
        maxMessagesPerSecond: 20,
      },
    });
  });
  afterEach(async () => {
    for (const c of clients.splice(0))
      for (const m of c.received) expect(schemaErrors(`server-${m.type}`, m)).toEqual([]);
    await server.close();
  });

  const supervisorToken = () => server.token(TEST_USERS.supervisor!);

  it('authenticates a header token at the upgrade and welcomes the user', async () => {
    const c = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    expect(await c.next()).toEqual({
      type: 'welcome',
      user: 'supervisor',
      role: 'supervisor',
      scope: { kind: 'all' },
      numbersMasked: false,
    });
  });

  it('takes a token from Sec-WebSocket-Protocol and answers with the protocol only', async () => {
    const c = await connect(server.wsUrl, {
      protocols: [WALLBOARD_SUBPROTOCOL, `bearer.${server.token(TEST_USERS.leader!)}`],
    });
    expect(c.ws.protocol).toBe(WALLBOARD_SUBPROTOCOL);
    expect(await c.next()).toMatchObject({
      type: 'welcome',
      role: 'team_leader',
      scope: { kind: 'team', team: 'inbound-1' },
      numbersMasked: true,
    });
  });

  it('takes a token from the first message, and sends nothing before it', async () => {
    const c = await connect(server.wsUrl);
    c.send({ type: 'auth', token: server.token(TEST_USERS.agent!) });
    c.send({ type: 'subscribe', scope: { kind: 'agent', agent: '8001' } });
    expect(await c.next()).toMatchObject({
      type: 'welcome',
      role: 'agent',
      scope: { kind: 'agent', agent: '8001' },
    });
    const snap = await c.next('snapshot');
    expect(snap.agents.map((a) => a.id)).toEqual(['8001']);
    expect(c.received.map((m) => m.type)).toEqual(['welcome', 'snapshot']);
  });

  it.each([
    ['no token in time', undefined, CloseCode.NoToken],
    ['a message before auth', { type: 'subscribe', scope: { kind: 'all' } }, CloseCode.NoToken],
    ['a bad token', { type: 'auth', token: 'not.a.jwt' }, CloseCode.BadToken],
    ['a token signed with another key', 'forged', CloseCode.BadToken],
    ['an expired token', 'expired', CloseCode.Expired],
    ['garbage', '{nope', CloseCode.ProtocolError],
  ])('closes on %s with its own code', async (_name, first, code) => {
    const c = await connect(server.wsUrl);
    if (first === 'forged')
      c.send({ type: 'auth', token: server.token(TEST_USERS.supervisor!).slice(0, -4) + 'AAAA' });
    else if (first === 'expired')
      c.send({ type: 'auth', token: server.token(TEST_USERS.supervisor!, -10) });
    else if (first !== undefined) c.send(first);
    expect((await c.closed).code).toBe(code);
    expect(c.received.filter((m) => m.type !== 'error')).toEqual([]);
  });

  it('refuses bad header tokens and foreign origins before 101', async () => {
    const bad = await TestClient.refusal(server.wsUrl, {
      headers: { Authorization: 'Bearer not.a.jwt' },
    });
    expect(bad).toEqual({
      status: 401,
      body: JSON.stringify({ code: CloseCode.BadToken, error: 'bad token' }),
    });
    const expired = await TestClient.refusal(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS.supervisor!, -10)}` },
    });
    expect(expired).toEqual({
      status: 401,
      body: JSON.stringify({ code: CloseCode.Expired, error: 'token expired' }),
    });
    const foreign = await TestClient.refusal(server.wsUrl, { origin: 'https://evil.example.com' });
    expect(foreign.status).toBe(403);
    await connect(server.wsUrl, { origin: 'https://wall.example.com' });
    await connect(server.wsUrl, { origin: server.url });
    expect((await TestClient.refusal(`ws://127.0.0.1:${server.port}/other`)).status).toBe(404);
  });

  it.each([
    ['a team leader asking for another team', 'leader', { kind: 'team', team: 'inbound-2' }],
    ['a team leader asking for everything', 'leader', { kind: 'all' }],
    [
      'a team leader asking for a team that does not exist',
      'leader',
      { kind: 'team', team: 'ghost' },
    ],
    ['an agent asking for everything', 'agent', { kind: 'all' }],
    ['an agent asking for a colleague', 'agent', { kind: 'agent', agent: '8002' }],
  ])('refuses %s with 4004, sending no data', async (_name, user, scope) => {
    const c = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS[user]!)}` },
    });
    c.send({ type: 'subscribe', scope });
    expect(await c.closed).toEqual({ code: CloseCode.Forbidden, reason: 'forbidden scope' });
    expect(c.received.map((m) => m.type)).toEqual(['welcome']);
  });

  it('closes the sockets of a revoked user at the next re-check', async () => {
    const c = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    const other = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS.leader!)}` },
    });
    c.send({ type: 'subscribe', scope: { kind: 'all' } });
    await c.next('snapshot');
    const revokedAt = Date.now();
    server.revoked.add('supervisor');
    expect(await c.closed).toEqual({ code: CloseCode.Expired, reason: 'token revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expect(other.ws.readyState).toBe(other.ws.OPEN);
  });

  it('answers each invalid message with an error, then closes with 4400 after three', async () => {
    const c = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    await c.next('welcome');
    c.send('not json');
    c.send({ type: 'subscribe', scope: { kind: 'planet' } });
    expect(await c.next('error')).toEqual({
      type: 'error',
      code: 'invalid-json',
      message: 'message is not valid JSON',
    });
    expect(await c.next('error')).toMatchObject({ code: 'invalid-message' });
    c.send({ type: 'ping' });
    expect(await c.next('pong')).toMatchObject({ type: 'pong' });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next('error')).toMatchObject({
      code: 'invalid-message',
      message: 'binary frames are not accepted',
    });
    expect((await c.closed).code).toBe(CloseCode.ProtocolError);
  });

  it('closes a frame over 64 KiB with 1009 and a flood with 1008', async () => {
    const big = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    big.send({ type: 'auth', token: 'a'.repeat(70_000) });
    expect((await big.closed).code).toBe(1009);
    const flood = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    for (let i = 0; i < 100; i++) flood.send({ type: 'ping', id: i });
    expect((await flood.closed).code).toBe(CloseCode.PolicyViolation);
  });

  it('drops a peer that stops answering pings', async () => {
    const c = await connect(server.wsUrl, {
      autoPong: false,
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    const alive = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    expect((await c.closed).code).toBe(1006);
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
  });

  it('gives up on a token check that hangs: 503 at the upgrade, 1013 after an auth message', async () => {
    server.verifyDelayMs = 2_000;
    const refused = await TestClient.refusal(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    expect(refused).toEqual({
      status: 503,
      body: JSON.stringify({ code: CloseCode.TryAgainLater, error: 'try again later' }),
    });
    const c = await connect(server.wsUrl);
    c.send({ type: 'auth', token: supervisorToken() });
    expect(await c.closed).toEqual({ code: CloseCode.TryAgainLater, reason: 'try again later' });
  });

  it('caps sockets per user with 1013', async () => {
    const auth = { headers: { Authorization: `Bearer ${supervisorToken()}` } };
    for (let i = 0; i < 5; i++) await connect(server.wsUrl, auth);
    expect((await TestClient.refusal(server.wsUrl, auth)).status).toBe(429);
    const sixth = await connect(server.wsUrl);
    sixth.send({ type: 'auth', token: supervisorToken() });
    expect((await sixth.closed).code).toBe(CloseCode.TryAgainLater);
  });

  it('says goodbye with 1001 when the server shuts down', async () => {
    const c = await connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${supervisorToken()}` },
    });
    await c.next('welcome');
    const closing = server.wallboard.close();
    expect((await c.closed).code).toBe(CloseCode.GoingAway);
    await closing;
  });
});
