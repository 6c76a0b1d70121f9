import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type DynamicModule,
  type INestApplication,
  type LoggerService,
  Module,
  type Type,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AuditLog,
  AuthModule,
  type AuthSettings,
  DEFAULT_LOGIN_LIMITS,
  PasswordHasher,
  type Role,
  UserAccounts,
} from '@cti/auth';
import { CallCenterCore, type CallCenterConfig } from '@cti/domain';
import {
  AgentDirectorySync,
  AuditTrail,
  CallHistory,
  loadDay,
  RecordWriter,
  UserStore,
} from '@cti/persistence';
import { type DataSource } from 'typeorm';
import { HttpApiModule } from '../http-api.module';
import { setupOpenApi } from '../openapi';
import { CallRecords, DayArchive } from '../ports/call-records';
import { CoreLiveView } from '../ports/core-live-view';
import { type HealthReport, HealthSource } from '../ports/health-source';
import { LiveView } from '../ports/live-view';
import { apiCallCenter, CallScript, playTwoDays } from './api-call-center';

export const ADMIN_PASSWORD = 'admin password for tests';
export const USER_PASSWORD = 'user password 12345';

/** The test users: name → role, team, agent. */
export const TEST_USERS = {
  sup: { role: 'supervisor', team: null, agent: null },
  qa: { role: 'qa', team: null, agent: null },
  'lead.north': { role: 'team_leader', team: 'north', agent: null },
  'lead.south': { role: 'team_leader', team: 'south', agent: null },
  'agent.7001': { role: 'agent', team: 'north', agent: '7001' },
  'agent.7003': { role: 'agent', team: 'south', agent: '7003' },
} as const satisfies Record<string, { role: Role; team: string | null; agent: string | null }>;

export type TestUser = keyof typeof TEST_USERS | 'admin';

/** A HealthSource the test sets. */
export class SettableHealth extends HealthSource {
  value: HealthReport = {
    ami: { connected: true, fresh: true, lastEventAt: 0 },
    database: { ok: true },
    spool: { state: 'ok', queued: 3, spooled: 0, alarm: false },
    wsClients: 2,
    events: { total: 1234, perSecond: 12.5 },
    stateChanges: 77,
    eventLoop: { lagMs: 3, slow: false },
  };
  failing = false;

  async report(): Promise<HealthReport> {
    if (this.failing) throw new Error('boom');
    return this.value;
  }
}

/** Captures Nest log lines (bootstrap messages). */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(m: unknown): void {
    this.lines.push(String(m));
  }
  warn(m: unknown): void {
    this.lines.push(String(m));
  }
  error(m: unknown): void {
    this.lines.push(String(m));
  }
}

/** A migrated database the app may use and must stop (startTestDatabase() of libs/testing). */
export interface ApiTestDatabase {
  readonly dataSource: DataSource;
  stop(): Promise<void>;
}

export interface ApiTestApp {
  readonly app: INestApplication;
  readonly db: ApiTestDatabase;
  readonly core: CallCenterCore;
  readonly config: CallCenterConfig;
  readonly users: UserStore;
  readonly audit: AuditTrail;
  readonly health: SettableHealth;
  readonly logger: CapturingLogger;
  /** Bearer tokens of the bootstrap admin and the test users. */
  readonly tokens: Record<TestUser, string>;
  readonly ids: Record<TestUser, string>;
  http(): ReturnType<typeof request>;
  login(username: string, password: string): Promise<request.Response>;
  close(): Promise<void>;
}

/**
 * The real thing, in process: PostgreSQL (migrated), a CallCenterCore fed two days of calls whose
 * outputs the RecordWriter stored, the persistence stores bound to the API's ports, the
 * AuthModule and HttpApiModule as the app wires them, OpenAPI set up.
 */
export async function startApiTestApp(
  db: ApiTestDatabase,
  options: { settings?: Partial<AuthSettings>; extraControllers?: Type[] } = {},
): Promise<ApiTestApp> {
  const ds = db.dataSource;
  const config = apiCallCenter();
  await new AgentDirectorySync(ds).sync(config);
  const spoolDir = mkdtempSync(path.join(tmpdir(), 'cti-api-spool-'));
  const writer = new RecordWriter({
    dataSource: ds,
    timezone: config.timezone,
    spoolDir,
    flushIntervalMs: 20,
  });
  const core = new CallCenterCore(config, (o) => writer.write(o));
  playTwoDays(new CallScript(core));
  await writer.drain();
  await writer.close();
  rmSync(spoolDir, { recursive: true, force: true });

  const users = new UserStore(ds);
  const audit = new AuditTrail(ds);
  // Typed as the ports: the persistence stores must fit them as they are (checked by tsc).
  const accounts: UserAccounts = users;
  const auditLog: AuditLog = audit;
  const records: CallRecords = new CallHistory(ds);
  const archive: DayArchive = { loadDay: (day: string) => loadDay(ds, day) };
  const health = new SettableHealth();
  const ports: DynamicModule = {
    module: class TestPortsModule {},
    providers: [
      { provide: UserAccounts, useValue: accounts },
      { provide: AuditLog, useValue: auditLog },
      { provide: CallRecords, useValue: records },
      { provide: DayArchive, useValue: archive },
      { provide: LiveView, useValue: new CoreLiveView(core, config) },
      { provide: HealthSource, useValue: health },
    ],
    exports: [UserAccounts, AuditLog, CallRecords, DayArchive, LiveView, HealthSource],
  };
  const settings: AuthSettings = {
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    ephemeralSecret: false,
    tokenTtlSeconds: 900,
    adminPassword: ADMIN_PASSWORD,
    userCacheSeconds: 30,
    login: DEFAULT_LOGIN_LIMITS,
    ...options.settings,
  };
  const auth = AuthModule.forRoot({ imports: [ports], settings });
  @Module({
    imports: [HttpApiModule.forRoot({ imports: [ports, auth] })],
    controllers: options.extraControllers ?? [],
  })
  class TestAppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const logger = new CapturingLogger();
  const app = moduleRef.createNestApplication({ logger });
  setupOpenApi(app);
  await app.init();

  const hasher = app.get(PasswordHasher);
  const ids = {} as Record<TestUser, string>;
  ids.admin = (await users.findByUsername('admin'))!.id;
  for (const [username, u] of Object.entries(TEST_USERS)) {
    const created = await users.create({
      username,
      passwordHash: await hasher.hash(USER_PASSWORD),
      role: u.role,
      teamId: u.team,
      agentId: u.agent,
    });
    ids[username as TestUser] = created.id;
  }
  const server = app.getHttpServer();
  const login = (username: string, password: string) =>
    request(server).post('/api/auth/login').send({ username, password });
  const tokens = {} as Record<TestUser, string>;
  for (const username of ['admin', ...Object.keys(TEST_USERS)] as TestUser[]) {
    const res = await login(username, username === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD);
    if (res.status !== 200)
      throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    tokens[username] = (res.body as { token: string }).token;
  }
  return {
    app,
    db,
    core,
    config,
    users,
    audit,
    health,
    logger,
    tokens,
    ids,
    http: () => request(server),
    login,
    close: async () => {
      await app.close();
      await db.stop();
    },
  };
}
