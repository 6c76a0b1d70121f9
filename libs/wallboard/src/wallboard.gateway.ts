import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Server } from 'node:http';
import { type TokenVerifier } from './token-verifier';
import { type WallboardHub } from './wallboard-hub';
import { WallboardServer, type WallboardServerOptions } from './wallboard-server';

/** What the app hands the gateway: the hub it feeds with core outputs, and how to check tokens. */
export interface WallboardSetup {
  readonly hub: WallboardHub;
  readonly verifier: TokenVerifier;
  readonly server?: WallboardServerOptions;
}

export const WALLBOARD_SETUP = Symbol('WALLBOARD_SETUP');

/**
 * The wallboard WebSocket endpoint in a Nest app. Not a @WebSocketGateway: Nest's WsAdapter runs
 * nothing before `101` (guards do not run on connection, nestjs/nest#882) and drops invalid
 * frames silently, so this attaches WallboardServer to the app's HTTP server's `upgrade` instead.
 * Do not also register a WsAdapter gateway on the same server: it destroys upgrades of paths it
 * does not own.
 */
@Injectable()
export class WallboardGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Wallboard');
  private server?: WallboardServer;

  constructor(
    @Inject(WALLBOARD_SETUP) private readonly setup: WallboardSetup,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server = new WallboardServer(this.setup.hub, this.setup.verifier, {
      logger: this.logger,
      ...this.setup.server,
    });
    this.server.attach(httpServer);
    this.setup.hub.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.setup.hub.stop();
    await this.server?.close();
  }

  get connectionCount(): number {
    return this.server?.connectionCount ?? 0;
  }
}
