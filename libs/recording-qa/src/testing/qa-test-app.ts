import { type INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { applySecurityHeaders } from '@cti/http-api';
import { type AddressInfo } from 'node:net';
import { type RecordingQaConfig } from '../config/recording-qa-config';
import { SERVICE_SCORECARD } from '../../../domain/src/qa/qa-fixtures';
import { JwtQaTokenVerifier } from '../http/jwt-qa-token-verifier';
import {
  type PbxRecordingControl,
  QaAudit,
  type QaAuditEntry,
  QaClock,
  type QaPrincipal,
  QaReviewerSource,
  type QaRole,
  QaTokenVerifier,
  StaticQaDirectory,
} from '../ports/qa-runtime.port';
import { MemoryQaStore } from '../qa/memory-qa-store';
import { RecordingFileChecker } from '../registry/recording-file-checker';
import { MemoryRecordingRepository } from '../registry/memory-recording-repository';
import { RecordingRegistry } from '../registry/recording-registry';
import { RecordingQaModule } from '../recording-qa.module';
import {
  CAPTURE_AGENTS,
  CollectingAlerts,
  legOutput,
  startedOutput,
  testRecordingConfig,
} from './registry-fixture';
import { sampleRecordings, tempStorageWithSamples } from './sample-recordings';

export class CollectingAudit extends QaAudit {
  readonly entries: QaAuditEntry[] = [];
  failing = false;
  async append(entry: QaAuditEntry): Promise<unknown> {
    if (this.failing) throw new Error('audit store down');
    this.entries.push(entry);
    return entry;
  }
}

/** The JWT check plus a set of disabled users, as the auth lib's verifier refuses them. */
export class DisablingVerifier extends QaTokenVerifier {
  readonly disabled = new Set<string>();

  constructor(private readonly jwt: JwtQaTokenVerifier) {
    super();
  }

  async verify(token: string): Promise<QaPrincipal> {
    const principal = await this.jwt.verify(token);
    if (this.disabled.has(principal.userId)) throw new Error('token revoked');
    return principal;
  }
}

export class ManualQaClock extends QaClock {
  constructor(public t: number) {
    super();
  }
  now(): number {
    return this.t;
  }
}

export class StaticReviewers extends QaReviewerSource {
  constructor(public list: { id: string; agentId?: string; teams?: string[] }[]) {
    super();
  }
  async reviewers(): Promise<
    readonly { id: string; agentId?: string; teams?: readonly string[] }[]
  > {
    return this.list;
  }
}

export const START = Date.UTC(2026, 10, 27, 1, 0, 0);
const SECRET = 'recording-qa-test-secret-0123456789abcdef';

export interface QaTestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly root: string;
  readonly audit: CollectingAudit;
  readonly alerts: CollectingAlerts;
  readonly repo: MemoryRecordingRepository;
  readonly qa: MemoryQaStore;
  readonly clock: ManualQaClock;
  readonly config: RecordingQaConfig;
  readonly reviewers: StaticReviewers;
  readonly registry: RecordingRegistry;
  /** Users whose tokens are refused from now on (disabled by an admin). */
  readonly disabled: Set<string>;
  token(
    sub: string,
    role: QaRole,
    claims?: { team?: string; agent?: string; expSeconds?: number },
  ): string;
  stop(): Promise<void>;
}

/**
 * The module on a real HTTP port with in-memory stores, real JWTs, and the three sample WAVs
 * registered complete: 1795818552.70 (agent 1007, team north), 1795818523.22 (1001, north),
 * 1795818709.2 (1002, south, outbound).
 */
export async function startQaTestApp(
  patch: Partial<RecordingQaConfig> = {},
  pbx?: PbxRecordingControl,
): Promise<QaTestApp> {
  const storage = tempStorageWithSamples();
  const config = testRecordingConfig(storage.root, {
    ...patch,
    scoring: {
      ...testRecordingConfig(storage.root).scoring,
      scorecards: [SERVICE_SCORECARD],
      ...patch.scoring,
    },
  });
  const repo = new MemoryRecordingRepository();
  const qa = new MemoryQaStore();
  const audit = new CollectingAudit();
  const alerts = new CollectingAlerts();
  const clock = new ManualQaClock(START);
  const jwt = new JwtService({ secret: SECRET });
  const verifier = new DisablingVerifier(new JwtQaTokenVerifier(jwt));
  const reviewers = new StaticReviewers([
    { id: 'qa1' },
    { id: 'qa2' },
    { id: 'qa3', agentId: '1007' },
  ]);
  const moduleRef = await Test.createTestingModule({
    imports: [
      RecordingQaModule.register({
        config,
        schedule: false,
        ports: {
          recordings: { useValue: repo },
          qaStore: { useValue: qa },
          audit: { useValue: audit },
          alerts: { useValue: alerts },
          tokens: { useValue: verifier },
          directory: { useValue: new StaticQaDirectory(CAPTURE_AGENTS) },
          clock: { useValue: clock },
          reviewers: { useValue: reviewers },
          ...(pbx ? { pbx: { useValue: pbx } } : {}),
        },
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  applySecurityHeaders(app);
  await app.listen(0, '127.0.0.1');
  const registry = app.get(RecordingRegistry);
  for (const s of sampleRecordings()) {
    const outbound = s.direction === 'outbound';
    const customer = outbound ? `${s.uniqueid}9` : s.uniqueid;
    registry.handle(startedOutput(customer, START, s.uniqueid));
    registry.handle(
      legOutput({
        agentId: s.agent,
        customerUniqueid: customer,
        agentUniqueid: s.uniqueid,
        direction: s.direction,
        answeredAt: START,
        endedAt: START + 20_000,
        talkSeconds: s.duration_s,
        ...(outbound ? { queue: undefined, via: 'dial' as const } : {}),
      }),
    );
  }
  await registry.idle();
  const checker = app.get(RecordingFileChecker);
  await checker.checkFiles(START + 21_000);
  await checker.checkFiles(START + 30_000);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    root: storage.root,
    audit,
    alerts,
    repo,
    qa,
    clock,
    config,
    reviewers,
    registry,
    disabled: verifier.disabled,
    token: (sub, role, claims = {}) =>
      jwt.sign(
        {
          sub,
          role,
          ...(claims.team ? { team: claims.team } : {}),
          ...(claims.agent ? { agent: claims.agent } : {}),
        },
        { expiresIn: claims.expSeconds ?? 3600 },
      ),
    stop: async () => {
      await app.close();
      storage.cleanup();
    },
  };
}

/** The id under which a sample file is registered (outbound: the customer leg's). */
export function sampleId(file: string): string {
  const s = sampleRecordings().find((r) => r.file === file)!;
  return s.direction === 'outbound' ? `${s.uniqueid}9` : s.uniqueid;
}
