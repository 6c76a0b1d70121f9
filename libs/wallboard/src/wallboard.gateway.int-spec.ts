import { CallCenterCore } from '@cti/domain';
import { type INestApplication } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { type AddressInfo } from 'node:net';
import { CoreLiveSource } from './core-live-source';
import { CloseCode } from './protocol';
import { fixtureConfig, PbxScript } from './testing/call-center-fixture';
import { TestClient } from './testing/ws-test-client';
import { JwtTokenVerifier } from './token-verifier';
import { WallboardGateway } from './wallboard.gateway';
import { WallboardModule } from './wallboard.module';
import { WallboardHub } from './wallboard-hub';

/** The gateway inside a real Nest app (express platform): wiring, lifecycle, shutdown. */
describe('WallboardGateway in a Nest app', () => {
  let app: INestApplication;
  let script: PbxScript;
  let url: string;

  beforeEach(async () => {
    const config = fixtureConfig();
    const core = new CallCenterCore(config, (o) => hub.onCoreOutput(o));
    const hub = new WallboardHub(new CoreLiveSource(core, config, () => Date.now()), {
      initialLink: { fresh: true },
    });
    script = new PbxScript(core);
    const moduleRef = await Test.createTestingModule({
      imports: [
        WallboardModule.forRootAsync({
          imports: [JwtModule.register({ secret: 'gateway-test' })],
          inject: [JwtService],
          useFactory: (jwt: JwtService) => ({ hub, verifier: new JwtTokenVerifier(jwt) }),
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.enableShutdownHooks();
    await app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/ws`;
  });

  afterEach(async () => {
    await app?.close();
  });

  it('serves boards on /ws of the app and closes them with 1001 on shutdown', async () => {
    const token = app
      .get(JwtService, { strict: false })
      .sign({ sub: 'sup', role: 'supervisor' }, { expiresIn: 3600 });
    const c = await TestClient.connect(url, { headers: { Authorization: `Bearer ${token}` } });
    c.send({ type: 'subscribe', scope: { kind: 'all' } });
    expect((await c.next('snapshot')).agents).toHaveLength(12);
    script.login('8004', ['support']);
    const delta = await c.next('delta');
    expect(delta.agents?.map((a) => [a.id, a.status])).toEqual([['8004', 'available']]);
    expect(app.get(WallboardGateway).connectionCount).toBe(1);
    await app.close();
    expect((await c.closed).code).toBe(CloseCode.GoingAway);
  });
});
