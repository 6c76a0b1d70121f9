import { type DynamicModule, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { type RecordingQaConfig } from './config/recording-qa-config';
import { RecordingAccess } from './http/recording-access';
import { QaAuthGuard } from './http/qa-auth.guard';
import { RecordingMediaController } from './http/recording-media.controller';
import { MediaGrants } from './media/media-grants';
import { RecordingMediaService } from './media/recording-media.service';
import { bindPort, type PortBinding } from './ports/port-binding';
import {
  CallsOnlyPresence,
  PbxRecordingControl,
  QaAlerts,
  QaAudit,
  QaClock,
  QaDirectory,
  QaPresence,
  QaReviewerSource,
  QaTokenVerifier,
  SystemQaClock,
} from './ports/qa-runtime.port';
import { QaStore } from './ports/qa-store.port';
import { RecordingRepository } from './ports/recording-repository.port';
import { RecordingStorage } from './ports/recording-storage.port';
import { QaError } from './qa-errors';
import { RecordingQaScheduler } from './recording-qa.scheduler';
import { RecordingQaSink } from './recording-qa.sink';
import { RecordingFileChecker } from './registry/recording-file-checker';
import { RecordingRegistry } from './registry/recording-registry';
import { RecordingRetention } from './registry/recording-retention';
import { LocalDirectoryStorage } from './storage/local-directory-storage';
import { RecordingQaSettings } from './recording-qa.settings';
import { QA_EXTRA_CONTROLLERS, qaExtraProviders } from './recording-qa.providers';
import { QaSamplingService } from './qa/qa-sampling.service';
import { QaScorecardService } from './qa/qa-scorecard.service';
import { QaScoringService } from './qa/qa-scoring.service';

export interface RecordingQaModuleOptions {
  readonly config: RecordingQaConfig;
  readonly imports?: ModuleMetadata['imports'];
  /** Every side effect the module has, bound by the app (see docs/recording-qa.md). */
  readonly ports: {
    readonly recordings: PortBinding<RecordingRepository>;
    readonly qaStore: PortBinding<QaStore>;
    readonly audit: PortBinding<QaAudit>;
    readonly alerts: PortBinding<QaAlerts>;
    readonly tokens: PortBinding<QaTokenVerifier>;
    readonly directory: PortBinding<QaDirectory>;
    /** QA reviewers for the draws' assignments (users with the qa role). */
    readonly reviewers: PortBinding<QaReviewerSource>;
    /** Agent sessions, so that a worked shift without calls is reported; default: calls only. */
    readonly presence?: PortBinding<QaPresence>;
    /** Default: the local directory `config.storage.root`. */
    readonly storage?: PortBinding<RecordingStorage>;
    /** Needed for muting and product-started recordings; without it those answer 503. */
    readonly pbx?: PortBinding<PbxRecordingControl>;
    readonly clock?: PortBinding<QaClock>;
  };
  /** File checks and retention on timers; default true (tests drive them by hand). */
  readonly schedule?: boolean;
}

class UnavailablePbx extends PbxRecordingControl {
  async mixMonitor(): Promise<void> {
    throw new QaError('QA_PBX_UNAVAILABLE', 'no PBX control configured');
  }
  async mixMonitorMute(): Promise<void> {
    throw new QaError('QA_PBX_UNAVAILABLE', 'no PBX control configured');
  }
}

/**
 * Recording registry, listening, sampling, scoring and summaries. The app binds the ports and
 * feeds the core's outputs to the exported RecordingRegistry (`registry.handle(output)`).
 */
@Module({})
export class RecordingQaModule {
  static register(options: RecordingQaModuleOptions): DynamicModule {
    const { config, ports } = options;
    const providers: Provider[] = [
      { provide: RecordingQaSettings, useValue: new RecordingQaSettings(config) },
      bindPort(RecordingRepository, ports.recordings),
      bindPort(QaStore, ports.qaStore),
      bindPort(QaAudit, ports.audit),
      bindPort(QaAlerts, ports.alerts),
      bindPort(QaTokenVerifier, ports.tokens),
      bindPort(QaDirectory, ports.directory),
      bindPort(
        RecordingStorage,
        ports.storage ?? { useFactory: () => new LocalDirectoryStorage(config.storage.root) },
      ),
      bindPort(PbxRecordingControl, ports.pbx ?? { useValue: new UnavailablePbx() }),
      bindPort(QaClock, ports.clock ?? { useValue: new SystemQaClock() }),
      bindPort(QaReviewerSource, ports.reviewers),
      bindPort(QaPresence, ports.presence ?? { useValue: new CallsOnlyPresence() }),
      {
        provide: RecordingRegistry,
        useFactory: (repo: RecordingRepository, dir: QaDirectory) =>
          new RecordingRegistry(repo, config, dir),
        inject: [RecordingRepository, QaDirectory],
      },
      {
        provide: RecordingFileChecker,
        useFactory: (
          repo: RecordingRepository,
          storage: RecordingStorage,
          alerts: QaAlerts,
          registry: RecordingRegistry,
        ) => new RecordingFileChecker(repo, storage, alerts, config, registry),
        inject: [RecordingRepository, RecordingStorage, QaAlerts, RecordingRegistry],
      },
      {
        provide: RecordingRetention,
        useFactory: (repo: RecordingRepository, storage: RecordingStorage) =>
          new RecordingRetention(repo, storage, config.retentionDays),
        inject: [RecordingRepository, RecordingStorage],
      },
      {
        provide: RecordingAccess,
        useFactory: (qa: QaStore) => new RecordingAccess(qa),
        inject: [QaStore],
      },
      { provide: MediaGrants, useValue: new MediaGrants(config.media.grantSeconds * 1000) },
      {
        provide: RecordingMediaService,
        useFactory: (
          repo: RecordingRepository,
          storage: RecordingStorage,
          checker: RecordingFileChecker,
          access: RecordingAccess,
          audit: QaAudit,
          clock: QaClock,
        ) =>
          new RecordingMediaService(
            repo,
            storage,
            checker,
            access,
            audit,
            clock,
            config.media.maxStreamsPerUser,
          ),
        inject: [
          RecordingRepository,
          RecordingStorage,
          RecordingFileChecker,
          RecordingAccess,
          QaAudit,
          QaClock,
        ],
      },
      {
        provide: RecordingQaScheduler,
        useFactory: (
          checker: RecordingFileChecker,
          retention: RecordingRetention,
          clock: QaClock,
        ) => new RecordingQaScheduler(checker, retention, clock, options.schedule !== false),
        inject: [RecordingFileChecker, RecordingRetention, QaClock],
      },
      {
        provide: RecordingQaSink,
        useFactory: (registry: RecordingRegistry, pbx: PbxRecordingControl, alerts: QaAlerts) =>
          new RecordingQaSink(config, registry, pbx, alerts),
        inject: [RecordingRegistry, PbxRecordingControl, QaAlerts],
      },
      QaAuthGuard,
      ...qaExtraProviders(config),
    ];
    return {
      module: RecordingQaModule,
      imports: options.imports ?? [],
      controllers: [RecordingMediaController, ...QA_EXTRA_CONTROLLERS],
      providers,
      exports: [
        RecordingQaSink,
        RecordingRegistry,
        RecordingFileChecker,
        RecordingRetention,
        RecordingMediaService,
        MediaGrants,
        RecordingQaSettings,
        QaSamplingService,
        QaScoringService,
        QaScorecardService,
      ],
    };
  }
}
