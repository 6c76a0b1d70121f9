import { type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { WALLBOARD_SUBPROTOCOL } from './protocol';
import { TestServer, TEST_USERS } from './testing/test-server';
import { TestClient } from './testing/ws-test-client';

/**
 * A stranger's socket that never authenticates: it idles until closed, then opens again at once
 * (the flood of the issue: sockets living the auth timeout, reopened), from its own address.
 */
class IdleFlood {
  private stopped = false;
  private readonly open = new Set<WebSocket>();
  readonly refusals = new Map<number, number>();
  accepted = 0;

  constructor(
    private readonly url: string,
    private readonly addresses: readonly string[],
    private readonly perAddress: number,
  ) {}

  start(): void {
    for (const address of this.addresses)
      for (let i = 0; i < this.perAddress; i++) this.spawn(address);
  }

  stop(): void {
    this.stopped = true;
    for (const ws of this.open) ws.terminate();
  }

  private spawn(address: string): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, [WALLBOARD_SUBPROTOCOL], { localAddress: address });
    this.open.add(ws);
    ws.on('error', () => undefined);
    ws.on('open', () => this.accepted++);
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      this.refusals.set(status, (this.refusals.get(status) ?? 0) + 1);
      res.resume();
      ws.terminate();
    });
    ws.on('close', () => {
      this.open.delete(ws);
      // A refused or closed socket comes back a little later, as a reconnecting script would.
      setTimeout(() => this.spawn(address), 20);
    });
  }
}

describe('WallboardServer: sockets that have not authenticated have their own budget', () => {
  let server: TestServer;
  let flood: IdleFlood;

  beforeEach(async () => {
    server = await TestServer.start({
      server: {
        authTimeoutMs: 5_000,
        maxSockets: 2,
        maxUnauthenticatedSockets: 50,
        maxUnauthenticatedPerAddress: 10,
      },
    });
  });
  afterEach(async () => {
    flood?.stop();
    await server.close();
  });

  it('a flood of 300 idle sockets from 15 addresses neither fills the cap nor keeps real boards out', async () => {
    const addresses = Array.from({ length: 15 }, (_, i) => `127.0.0.${i + 2}`);
    flood = new IdleFlood(server.wsUrl, addresses, 20);
    flood.start();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(flood.accepted).toBeGreaterThanOrEqual(50);
    // Each address past its 10 is refused with 429.
    expect(flood.refusals.get(429) ?? 0).toBeGreaterThan(0);
    // 50 idle ones, plus evicted ones still finishing their close handshake: far from 300.
    expect(server.wallboard.connectionCount).toBeLessThan(100);

    // A board that signs in with its first message, as the page does, from its own desk.
    const page = await TestClient.connect(server.wsUrl, { protocols: [WALLBOARD_SUBPROTOCOL] });
    page.send({ type: 'auth', token: server.token(TEST_USERS.supervisor!) });
    expect(await page.next('welcome')).toMatchObject({ role: 'supervisor' });
    // And one with its token at the upgrade, from a flooding address.
    const headed = await TestClient.connect(server.wsUrl, {
      headers: { Authorization: `Bearer ${server.token(TEST_USERS.leader!)}` },
      localAddress: '127.0.0.2',
    });
    expect(await headed.next('welcome')).toMatchObject({ role: 'team_leader' });
    // Still within the budgets, and the boards are not cut by the flood that goes on.
    await new Promise((r) => setTimeout(r, 500));
    expect(server.wallboard.connectionCount).toBeLessThan(100);
    expect(page.ws.readyState).toBe(WebSocket.OPEN);
    expect(headed.ws.readyState).toBe(WebSocket.OPEN);
    page.ws.close();
    headed.ws.close();
  });
});
