/** @cti/recording-qa: recording registry and control, listening, sampling, scoring, summaries, QA page. */
export * from './config/recording-qa-config';
export { AmiRecordingControl, type AmiActionFn } from './control/ami-recording-control';
export {
  coreCallSource,
  type LiveCallSource,
  type LiveLegView,
  RecordingStarter,
  type StartResult,
} from './control/recording-starter';
export { JwtQaTokenVerifier } from './http/jwt-qa-token-verifier';
export { QaAuthGuard, QaGrantAuthenticated, QaRoles } from './http/qa-auth.guard';
export { qaWebDir } from './http/qa-page.controller';
export { isRecordingId, RecordingAccess } from './http/recording-access';
export { MediaGrants } from './media/media-grants';
export { RecordingMediaService } from './media/recording-media.service';
export { PgQaStore } from './pg/pg-qa-store';
export { PgRecordingRepository } from './pg/pg-recording-repository';
export { bindPort, type PortBinding } from './ports/port-binding';
export * from './ports/qa-runtime.port';
export * from './ports/qa-store.port';
export * from './ports/recording-repository.port';
export * from './ports/recording-storage.port';
export { QaError, type QaErrorCode } from './qa-errors';
export { MemoryQaStore } from './qa/memory-qa-store';
export { QaSamplingService, type DrawRequest } from './qa/qa-sampling.service';
export { QaScorecardService } from './qa/qa-scorecard.service';
export { QaScoringService, type SubmitScore } from './qa/qa-scoring.service';
export {
  RecordingCatalog,
  recordingView,
  type RecordingView,
} from './qa/recording-catalog.service';
export { samplingWeekOf } from './qa/week-plan';
export { RecordingQaModule, type RecordingQaModuleOptions } from './recording-qa.module';
export { RecordingQaSettings } from './recording-qa.settings';
export { RecordingQaSink } from './recording-qa.sink';
export { MemoryRecordingRepository } from './registry/memory-recording-repository';
export { RecordingFileChecker, type FileCheckSummary } from './registry/recording-file-checker';
export { RecordingRegistry } from './registry/recording-registry';
export { RecordingRetention } from './registry/recording-retention';
export { QaReportService, type WeeklyCoverage } from './reports/qa-report.service';
export { LocalDirectoryStorage } from './storage/local-directory-storage';
