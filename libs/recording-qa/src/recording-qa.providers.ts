import { type OnModuleInit, type Provider, type Type } from '@nestjs/common';
import { type RecordingQaConfig } from './config/recording-qa-config';
import { EvaluationsController } from './http/evaluations.controller';
import { QaSamplingController } from './http/qa-sampling.controller';
import { RecordingAccess } from './http/recording-access';
import { RecordingsController } from './http/recordings.controller';
import { RecordingMediaService } from './media/recording-media.service';
import {
  PbxRecordingControl,
  QaAlerts,
  QaAudit,
  QaClock,
  QaDirectory,
  QaPresence,
  QaReviewerSource,
} from './ports/qa-runtime.port';
import { QaStore } from './ports/qa-store.port';
import { RecordingRepository } from './ports/recording-repository.port';
import { QaSamplingService } from './qa/qa-sampling.service';
import { QaScorecardService } from './qa/qa-scorecard.service';
import { QaScoringService } from './qa/qa-scoring.service';
import { RecordingCatalog } from './qa/recording-catalog.service';
import { ReportsController } from './http/reports.controller';
import { QaPageController } from './http/qa-page.controller';
import { QaReportService } from './reports/qa-report.service';

/** Loads the configured scorecards when the module starts (a bad card fails the start). */
export class QaScorecardBootstrap implements OnModuleInit {
  constructor(
    private readonly scorecards: QaScorecardService,
    private readonly config: RecordingQaConfig,
    private readonly clock: QaClock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.scorecards.bootstrap(this.config.scoring.scorecards, this.clock.now());
  }
}

export const QA_EXTRA_CONTROLLERS: Type[] = [
  RecordingsController,
  QaSamplingController,
  EvaluationsController,
  ReportsController,
  QaPageController,
];

export function qaExtraProviders(config: RecordingQaConfig): Provider[] {
  return [
    {
      provide: QaScorecardService,
      useFactory: (store: QaStore, audit: QaAudit) => new QaScorecardService(store, audit),
      inject: [QaStore, QaAudit],
    },
    {
      provide: QaScorecardBootstrap,
      useFactory: (s: QaScorecardService, clock: QaClock) =>
        new QaScorecardBootstrap(s, config, clock),
      inject: [QaScorecardService, QaClock],
    },
    {
      provide: QaSamplingService,
      useFactory: (
        repo: RecordingRepository,
        store: QaStore,
        reviewers: QaReviewerSource,
        presence: QaPresence,
        alerts: QaAlerts,
        clock: QaClock,
        audit: QaAudit,
      ) => new QaSamplingService(config, repo, store, reviewers, presence, alerts, clock, audit),
      inject: [
        RecordingRepository,
        QaStore,
        QaReviewerSource,
        QaPresence,
        QaAlerts,
        QaClock,
        QaAudit,
      ],
    },
    {
      provide: QaScoringService,
      useFactory: (
        store: QaStore,
        repo: RecordingRepository,
        cards: QaScorecardService,
        audit: QaAudit,
        clock: QaClock,
        directory: QaDirectory,
      ) => new QaScoringService(config, store, repo, cards, audit, clock, directory),
      inject: [QaStore, RecordingRepository, QaScorecardService, QaAudit, QaClock, QaDirectory],
    },
    {
      provide: QaReportService,
      useFactory: (
        store: QaStore,
        scoring: QaScoringService,
        sampling: QaSamplingService,
        directory: QaDirectory,
      ) => new QaReportService(config, store, scoring, sampling, directory),
      inject: [QaStore, QaScoringService, QaSamplingService, QaDirectory],
    },
    {
      provide: RecordingCatalog,
      useFactory: (
        repo: RecordingRepository,
        access: RecordingAccess,
        media: RecordingMediaService,
        pbx: PbxRecordingControl,
        clock: QaClock,
      ) => new RecordingCatalog(repo, access, media, pbx, clock),
      inject: [
        RecordingRepository,
        RecordingAccess,
        RecordingMediaService,
        PbxRecordingControl,
        QaClock,
      ],
    },
  ];
}
