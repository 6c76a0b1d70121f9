export { AccessGuard, routeAccess } from './access/access.guard';
export {
  type AuthenticatedRequest,
  CurrentPrincipal,
  Public,
  PUBLIC_KEY,
  Roles,
  ROLES_KEY,
  type RouteAccess,
} from './access/access.decorators';
export {
  coversAgent,
  type ListFilter,
  scopedFilter,
  viewScope,
  type ViewScope,
} from './access/view-scope';
export {
  calendarDay,
  calendarMonth,
  checkDaySpan,
  IsCalendarDay,
  IsCalendarMonth,
} from './common/calendar-params';
export { type ApiAuditAction, AuditWriter } from './common/audit-writer';
export {
  ApiError,
  type ErrorBody,
  type FieldProblem,
  forbidden,
  unauthenticated,
} from './errors/api-error';
export { ERROR_CODES, ERROR_STATUS, type ErrorCode } from './errors/error-codes';
export { writeErrorResponse } from './errors/error-response';
export { HttpErrorFilter, toApiError } from './errors/http-error.filter';
export {
  applyInputLimits,
  inputShapeProblem,
  MAX_BODY_BYTES,
  MAX_INPUT_DEPTH,
  queryKeyProblem,
} from './input/hostile-input';
export { type LoginCounts, ServiceMetrics } from './health/service-metrics';
export { apiValidationPipe } from './errors/validation';
export { HTTP_API_CONTROLLERS, HttpApiModule, type HttpApiModuleOptions } from './http-api.module';
export { OPENAPI_JSON_PATH, OPENAPI_UI_PATH, openApiDocument, setupOpenApi } from './openapi';
export { parseLegId } from './calls/call-lookup';
export { applySecurityHeaders, CONTENT_SECURITY_POLICY } from './security/security-headers';
export { applyTrustProxy, parseTrustProxy, type TrustProxy } from './security/trust-proxy';
export {
  type ArchivedDay,
  type CallPage,
  type CallQuery,
  CallRecords,
  DayArchive,
} from './ports/call-records';
export { CoreLiveView } from './ports/core-live-view';
export { EventRateMeter, type HealthReport, HealthSource } from './ports/health-source';
export { type AgentInfo, type LiveQueue, LiveView } from './ports/live-view';
export { maskNumber } from '@cti/auth';
