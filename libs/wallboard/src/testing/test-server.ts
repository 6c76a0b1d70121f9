import { type CallCenterConfig, CallCenterCore } from '@cti/domain';
import { JwtService } from '@nestjs/jwt';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { CoreLiveSource } from '../core-live-source';
import { JwtTokenVerifier, type WallboardClaims } from '../token-verifier';
import { WallboardHub, type WallboardHubOptions } from '../wallboard-hub';
import { WallboardServer, type WallboardServerOptions } from '../wallboard-server';
import { fixtureConfig, type FixtureOptions, PbxScript } from './call-center-fixture';
import { serveStatic } from './static-files';

export interface TestServerOptions {
  readonly hub?: WallboardHubOptions;
  readonly server?: WallboardServerOptions;
  readonly fixture?: FixtureOptions;
  /** Serve the page and a login stub, as the product will. */
  readonly page?: boolean;
}

/** Users of the login stub: password 'pass' for all. */
export const TEST_USERS: Readonly<Record<string, WallboardClaims>> = {
  supervisor: { sub: 'supervisor', role: 'supervisor' },
  leader: { sub: 'leader', role: 'team_leader', team: 'inbound-1' },
  agent: { sub: 'agent', role: 'agent', agent: '8001', team: 'inbound-1' },
};

/**
 * A real HTTP server with the wallboard endpoint, fed by a real CallCenterCore that the test
 * drives through a PbxScript; JWTs signed with a test secret.
 */
export class TestServer {
  readonly jwt = new JwtService({ secret: 'wallboard-test-secret' });
  readonly revoked = new Set<string>();
  /** Makes every token check this slow (an unwell auth service). */
  verifyDelayMs = 0;
  readonly config: CallCenterConfig;
  readonly core: CallCenterCore;
  readonly source: CoreLiveSource;
  readonly script: PbxScript;
  readonly hub: WallboardHub;
  readonly wallboard: WallboardServer;
  readonly http: Server;

  private constructor(options: TestServerOptions) {
    this.config = fixtureConfig(options.fixture);
    this.core = new CallCenterCore(this.config, (o) => this.hub.onCoreOutput(o));
    this.source = new CoreLiveSource(this.core, this.config, () => Date.now());
    this.script = new PbxScript(this.core);
    this.hub = new WallboardHub(this.source, { initialLink: { fresh: true }, ...options.hub });
    const verifier = new JwtTokenVerifier(this.jwt, async (userId) => {
      if (this.verifyDelayMs)
        await new Promise((resolve) => setTimeout(resolve, this.verifyDelayMs));
      return this.revoked.has(userId);
    });
    this.wallboard = new WallboardServer(this.hub, verifier, options.server);
    this.http = createServer((req, res) => void this.handle(req, res, options.page === true));
    this.wallboard.attach(this.http);
    this.hub.start();
    // Wrap-up ends and pause limits need time to move, as the app's clock tick will do.
    this.ticker = setInterval(() => this.core.advanceTo(Date.now()), 500);
  }

  private readonly ticker: NodeJS.Timeout;

  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const server = new TestServer(options);
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }

  token(claims: WallboardClaims, expiresIn: number | string = '1h'): string {
    return this.jwt.sign({ ...claims }, { expiresIn: expiresIn as number });
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    this.hub.stop();
    await this.wallboard.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, page: boolean): Promise<void> {
    if (page && req.method === 'POST' && req.url === '/api/auth/login') return this.login(req, res);
    if (page && req.method === 'GET' && serveStatic(req, res)) return;
    res.writeHead(404).end();
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    let credentials: { username?: unknown; password?: unknown } = {};
    try {
      credentials = JSON.parse(body) as typeof credentials;
    } catch {
      // answered below as a failed login
    }
    const user =
      typeof credentials.username === 'string' ? TEST_USERS[credentials.username] : undefined;
    if (!user || credentials.password !== 'pass') {
      res
        .writeHead(401, { 'Content-Type': 'application/json' })
        .end('{"error":"invalid credentials"}');
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify({ token: this.token(user) }));
  }
}
