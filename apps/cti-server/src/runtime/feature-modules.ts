import { type DynamicModule, Logger } from '@nestjs/common';
import { AuditLog, UserAccounts, UserTokenVerifier } from '@cti/auth';
import { type CallCenterConfig, type CoreOutput, scheduleShiftStarts } from '@cti/domain';
import {
  AmiRecordingControl,
  type QaAlert,
  QaAlerts,
  QaPresence,
  type QaReviewerSource,
  PgQaStore,
  PgRecordingRepository,
  RecordingQaModule,
  StaticQaDirectory,
  validateRecordingQaConfig,
} from '@cti/recording-qa';
import { WallboardHub, WallboardStayLateAlerts } from '@cti/wallboard';
import {
  CoreOutputFeed,
  loadWorkforceConfig,
  QaScoresSource,
  WorkforceAlerts,
  WorkforceClock,
  WorkforceModule,
  workforcePostgresPorts,
} from '@cti/workforce';
import { DataSource } from 'typeorm';
import { LiveCallCenter } from '../live/live-call-center';
import { QaMonthlyScores } from './qa-monthly-scores';
import { readRecordingEnv } from './recording-env';
import { type ServerRuntime } from './runtime-token';

type Env = Readonly<Record<string, string | undefined>>;
type Imports = NonNullable<DynamicModule['imports']>;

/** The quota day: shifts, ledger, must-stay list, follow-ups, attendance, reports. */
export function quotaDayModule(imports: Imports, runtime: ServerRuntime, env: Env): DynamicModule {
  const callCenter = runtime.settings.config;
  return WorkforceModule.forRoot({
    imports,
    settings: {
      config: loadWorkforceConfig({ file: env.CTI_WORKFORCE_CONFIG, callCenter, env }),
      callCenter,
    },
    ports: [
      ...workforcePostgresPorts(DataSource),
      {
        provide: QaScoresSource,
        useFactory: (ds: DataSource) => new QaMonthlyScores(new PgQaStore(ds), callCenter.timezone),
        inject: [DataSource],
      },
      {
        provide: WorkforceAlerts,
        useFactory: (hub: WallboardHub) => new WallboardStayLateAlerts(hub),
        inject: [WallboardHub],
      },
      {
        provide: WorkforceClock,
        useFactory: (live: LiveCallCenter) => ({ now: () => live.now() }),
        inject: [LiveCallCenter],
      },
      {
        provide: CoreOutputFeed,
        useFactory: (live: LiveCallCenter) => ({
          subscribe: (listener: (o: CoreOutput) => void) => {
            const s = live.outputs$.subscribe(listener);
            return () => s.unsubscribe();
          },
        }),
        inject: [LiveCallCenter],
      },
    ],
  });
}

/** QA alerts go to the alert table, next to pauses over limit, once per kind, recording and instant. */
class StoredQaAlerts extends QaAlerts {
  private readonly logger = new Logger('QA');
  constructor(private readonly ds: DataSource) {
    super();
  }
  async raise(alert: QaAlert): Promise<void> {
    this.logger.warn(`${alert.kind}: ${alert.message}`);
    await this.ds.query(
      'INSERT INTO "alert" ("kind", "agent_id", "at", "payload") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [
        alert.kind,
        alert.agentId ?? '',
        new Date(alert.at),
        JSON.stringify({ recordingId: alert.recordingId, message: alert.message }),
      ],
    );
  }
}

/** Who was logged in during a span, from the stored login sessions: the shifts an agent worked. */
class StoredSessionsPresence extends QaPresence {
  constructor(private readonly ds: DataSource) {
    super();
  }
  async agentsWorked(from: number, to: number): Promise<readonly string[]> {
    const rows = await this.ds.query<{ agent_id: string }[]>(
      'SELECT DISTINCT "agent_id" FROM "agent_session" WHERE "login_at" < $2 AND ("logout_at" IS NULL OR "logout_at" > $1)',
      [new Date(from), new Date(to)],
    );
    return rows.map((r) => r.agent_id);
  }
}

/**
 * The configuration file's `qa:` settings. Sampling shifts not given there follow the work
 * schedule's shifts when a workforce configuration is set, else the recording/QA defaults.
 */
export function qaSettingsOf(callCenter: CallCenterConfig, env: Env): Record<string, unknown> {
  const { sampling = {}, fileNames = {} } = callCenter.qa ?? {};
  const shiftStarts =
    sampling.shiftStarts ??
    (env.CTI_WORKFORCE_CONFIG
      ? scheduleShiftStarts(
          loadWorkforceConfig({ file: env.CTI_WORKFORCE_CONFIG, callCenter, env }).schedule,
        )
      : undefined);
  return { sampling: shiftStarts ? { ...sampling, shiftStarts } : sampling, fileNames };
}

/**
 * Recordings and QA, in `recordingsRootOf`; how long they are kept: `CTI_RECORDING_RETENTION_DAYS`
 * (required against a real PBX; 180 days on the built-in simulator).
 */
export function recordingQaModule(
  imports: Imports,
  runtime: ServerRuntime,
  env: Env,
  dataDir: string,
): DynamicModule {
  const callCenter = runtime.settings.config;
  const { root, retentionDays } = readRecordingEnv(env, dataDir, !!runtime.settings.simulator);
  const config = validateRecordingQaConfig({
    storage: { kind: 'local', root },
    retentionDays,
    timezone: callCenter.timezone,
    ...qaSettingsOf(callCenter, env),
  });
  return RecordingQaModule.register({
    config,
    imports,
    ports: {
      recordings: {
        useFactory: (ds: DataSource) => new PgRecordingRepository(ds),
        inject: [DataSource],
      },
      qaStore: { useFactory: (ds: DataSource) => new PgQaStore(ds), inject: [DataSource] },
      audit: { useExisting: AuditLog },
      tokens: { useExisting: UserTokenVerifier },
      alerts: { useFactory: (ds: DataSource) => new StoredQaAlerts(ds), inject: [DataSource] },
      directory: { useFactory: () => new StaticQaDirectory(callCenter.agents) },
      reviewers: {
        useFactory: (users: UserAccounts): QaReviewerSource => ({
          reviewers: async () =>
            (await users.list())
              .filter((u) => u.role === 'qa' && !u.disabled)
              .map((u) => ({ id: u.id, ...(u.agentId ? { agentId: u.agentId } : {}) })),
        }),
        inject: [UserAccounts],
      },
      presence: {
        useFactory: (ds: DataSource) => new StoredSessionsPresence(ds),
        inject: [DataSource],
      },
      pbx: {
        useFactory: (live: LiveCallCenter) =>
          new AmiRecordingControl((name, params) => live.amiAction(name, params)),
        inject: [LiveCallCenter],
      },
    },
  });
}
