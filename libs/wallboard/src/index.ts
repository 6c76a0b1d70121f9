export { type Principal, defaultScope, maySeeNumbers, mayWatch, scopeKey } from './access-policy';
export { type HubSocket } from './audience';
export { CoreLiveSource } from './core-live-source';
export { type LiveAgent, type LiveQueue, type LiveSource } from './live-source';
export {
  MAX_CLIENT_MESSAGE_BYTES,
  MAX_CLIENT_MESSAGE_DEPTH,
  type ParseResult,
  type ProtocolError,
  parseClientMessage,
} from './parse-client-message';
export * from './protocol';
export { type ShiftOptions, type ShiftWindow, shiftWindow } from './shift-clock';
export {
  DEFAULT_KEEP_FINISHED_MS,
  type MustStayRun,
  type StayLateAlertsOptions,
  type StayUpdate,
  WallboardStayLateAlerts,
} from './stay-late-alerts';
export { wallboardStaticDir } from './static-dir';
export {
  JwtTokenVerifier,
  type RejectionReason,
  TokenRejected,
  TokenVerifier,
  type WallboardClaims,
} from './token-verifier';
export { type WallboardLogger } from './wallboard-connection';
export {
  type HubStats,
  type LinkState,
  type Schedule,
  WallboardHub,
  type WallboardHubOptions,
} from './wallboard-hub';
export {
  type WallboardAudit,
  WallboardServer,
  type WallboardServerOptions,
} from './wallboard-server';
export {
  agentTile,
  alertsFor,
  type ExternalAlert,
  maskNumber,
  maskedTile,
  queuePanel,
} from './wallboard-view';
export { WALLBOARD_SETUP, WallboardGateway, type WallboardSetup } from './wallboard.gateway';
export { WallboardModule, type WallboardModuleOptions } from './wallboard.module';
export { type BenchOptions, type BenchResult, type BenchRun, benchWallboard } from './bench';
export { type LatencyStats } from './bench-clients';
