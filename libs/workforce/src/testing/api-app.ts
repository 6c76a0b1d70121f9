import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Body,
  Controller,
  type DynamicModule,
  HttpCode,
  type INestApplication,
  Post,
  UseFilters,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AuditLog,
  AuthModule,
  AuthService,
  type AuthSettings,
  DEFAULT_LOGIN_LIMITS,
  PasswordHasher,
  type Role,
  TokenService,
  UserAccounts,
} from '@cti/auth';
import { applySecurityHeaders, HttpErrorFilter, Public } from '@cti/http-api';
import { type CoreOutput } from '@cti/domain';
import { AuditTrail, RecordWriter, UserStore } from '@cti/persistence';
import { type HarnessDatabase } from './harness';
import { validateWorkforceConfig } from '../config/validate-workforce-config';
import { StayLateService } from '../live/stay-late.service';
import { ShiftEndJob } from '../live/shift-end.job';
import { workforcePostgresPorts } from '../pg/pg-ports';
import { ManualWorkforceClock, WorkforceClock } from '../ports/clock';
import { CoreOutputFeed, PushedCoreOutputs } from '../ports/settings';
import { WorkforceModule } from '../workforce.module';
import { fixtureCallCenter } from './fixtures';
import { HttpReceiver } from './http-receiver';

export const API_USERS = {
  sup: { role: 'supervisor', team: null, agent: null },
  qa: { role: 'qa', team: null, agent: null },
  'lead.t1': { role: 'team_leader', team: 't1', agent: null },
  'agent.1001': { role: 'agent', team: 't1', agent: '1001' },
  'agent.2001': { role: 'agent', team: 't2', agent: '2001' },
} as const satisfies Record<string, { role: Role; team: string | null; agent: string | null }>;

export type ApiUser = keyof typeof API_USERS;

/** Every test user's password (the page test signs in through the form). */
export const API_PASSWORD = 'workforce test password';

/** The sign-in route as @cti/http-api serves it, reduced to what the page needs. */
@Controller('api/auth')
@UseFilters(HttpErrorFilter)
class TestLoginController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  login(@Body() body: { username: string; password: string }) {
    return this.auth.login({
      username: String(body.username),
      password: String(body.password),
      ip: '127.0.0.1',
    });
  }
}

/**
 * The WorkforceModule as the app wires it, with the real AuthModule (tokens, user checks) and
 * PostgreSQL; the core's outputs are pushed and the clock is manual. Webhooks go to a local receiver.
 */
export class WorkforceApiApp {
  private constructor(
    readonly app: INestApplication,
    readonly db: HarnessDatabase,
    readonly clock: ManualWorkforceClock,
    readonly feed: PushedCoreOutputs,
    readonly writer: RecordWriter,
    readonly receiver: HttpReceiver,
    readonly tokens: Record<ApiUser, string>,
    private readonly spoolDir: string,
  ) {}

  static async start(
    db: HarnessDatabase,
    now: number,
    workforce: Record<string, unknown> = {},
  ): Promise<WorkforceApiApp> {
    const receiver = await HttpReceiver.start();
    const callCenter = fixtureCallCenter();
    const config = validateWorkforceConfig(
      {
        notifications: { webhooks: [{ url: receiver.url('/hook'), kind: 'generic' }] },
        ...workforce,
      },
      callCenter,
    );
    const users = new UserStore(db.dataSource);
    const ports: DynamicModule = {
      module: class WorkforceTestPorts {},
      providers: [
        { provide: UserAccounts, useValue: users satisfies UserAccounts },
        { provide: AuditLog, useValue: new AuditTrail(db.dataSource) satisfies AuditLog },
      ],
      exports: [UserAccounts, AuditLog],
    };
    const settings: AuthSettings = {
      jwtSecret: 'workforce-test-secret-0123456789abcdef',
      ephemeralSecret: false,
      tokenTtlSeconds: 900,
      adminPassword: 'admin password for tests',
      userCacheSeconds: 30,
      login: DEFAULT_LOGIN_LIMITS,
    };
    const auth = AuthModule.forRoot({ imports: [ports], settings });
    const clock = new ManualWorkforceClock(now);
    const feed = new PushedCoreOutputs();
    const moduleRef = await Test.createTestingModule({
      controllers: [TestLoginController],
      imports: [
        auth,
        WorkforceModule.forRoot({
          imports: [auth],
          settings: { config, callCenter },
          ports: [
            ...workforcePostgresPorts(db.dataSource),
            { provide: WorkforceClock, useValue: clock },
            { provide: CoreOutputFeed, useValue: feed },
          ],
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    applySecurityHeaders(app);
    await app.init();
    const issuer = app.get(TokenService);
    const hash = await app.get(PasswordHasher).hash(API_PASSWORD);
    const tokens = {} as Record<ApiUser, string>;
    for (const [username, u] of Object.entries(API_USERS)) {
      const created = await users.create({
        username,
        passwordHash: hash,
        role: u.role,
        teamId: u.team,
        agentId: u.agent,
      });
      tokens[username as ApiUser] = issuer.issue(created).token;
    }
    const spoolDir = mkdtempSync(join(tmpdir(), 'workforce-api-spool-'));
    const writer = new RecordWriter({
      dataSource: db.dataSource,
      timezone: callCenter.timezone,
      spoolDir,
      flushIntervalMs: 20,
    });
    return new WorkforceApiApp(app, db, clock, feed, writer, receiver, tokens, spoolDir);
  }

  /** Listens on a free local port (for a browser); returns the base URL. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    return (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  push(...outputs: CoreOutput[]): void {
    for (const o of outputs) {
      this.writer.write(o);
      this.feed.push(o);
    }
  }

  async settle(): Promise<void> {
    await this.writer.drain();
    await this.app.get(StayLateService).idle();
  }

  shiftEnd(): ReturnType<ShiftEndJob['tick']> {
    return this.app.get(ShiftEndJob).tick();
  }

  http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  bearer(user: ApiUser): string {
    return `Bearer ${this.tokens[user]}`;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.writer.close();
    await this.receiver.close();
    await this.db.stop();
    rmSync(this.spoolDir, { recursive: true, force: true });
  }
}
