/**
 * What happens to a score after it is submitted: the agent acknowledges it or disputes it within
 * a window; a supervisor resolves a dispute by upholding the score or amending it. Every step
 * is checked here, so the API, the page and the tests share one set of rules and error codes.
 */
export type EvaluationStatus = 'submitted' | 'acknowledged' | 'disputed' | 'upheld' | 'amended';

export interface EvaluationState {
  readonly status: EvaluationStatus;
  readonly agentId: string;
  readonly reviewerId: string;
  /** Epoch ms. */
  readonly submittedAt: number;
  readonly total: number;
  readonly respondedAt?: number;
  readonly disputeReason?: string;
  readonly resolvedAt?: number;
  readonly resolvedBy?: string;
  readonly resolutionNote?: string;
  /** The total after an amendment. */
  readonly finalTotal?: number;
}

export type LifecycleErrorCode =
  | 'QA_NOT_OWN_EVALUATION'
  | 'QA_RESPONSE_WINDOW_CLOSED'
  | 'QA_ALREADY_RESPONDED'
  | 'QA_NOT_DISPUTED'
  | 'QA_REASON_REQUIRED'
  | 'QA_SELF_RESOLUTION'
  | 'QA_INVALID_TOTAL';

export class LifecycleError extends Error {
  constructor(readonly code: LifecycleErrorCode) {
    super(code);
    this.name = 'LifecycleError';
  }
}

export const MAX_REASON_LENGTH = 2000;

export function responseDeadline(state: EvaluationState, windowHours: number): number {
  return state.submittedAt + windowHours * 3_600_000;
}

/** The agent's answer to their own score, within the window. */
export function respondToEvaluation(
  state: EvaluationState,
  response: {
    readonly agentId: string;
    readonly kind: 'acknowledge' | 'dispute';
    readonly reason?: string;
    readonly at: number;
  },
  windowHours: number,
): EvaluationState {
  if (response.agentId !== state.agentId) throw new LifecycleError('QA_NOT_OWN_EVALUATION');
  if (state.status !== 'submitted') throw new LifecycleError('QA_ALREADY_RESPONDED');
  if (response.at > responseDeadline(state, windowHours))
    throw new LifecycleError('QA_RESPONSE_WINDOW_CLOSED');
  if (response.kind === 'acknowledge')
    return { ...state, status: 'acknowledged', respondedAt: response.at };
  const reason = response.reason?.trim() ?? '';
  if (!reason || reason.length > MAX_REASON_LENGTH) throw new LifecycleError('QA_REASON_REQUIRED');
  return { ...state, status: 'disputed', respondedAt: response.at, disputeReason: reason };
}

/** A supervisor's decision on a dispute; the reviewer who scored cannot judge their own score. */
export function resolveDispute(
  state: EvaluationState,
  decision: {
    readonly by: string;
    readonly outcome: 'uphold' | 'amend';
    readonly note: string;
    readonly amendedTotal?: number;
    readonly at: number;
  },
): EvaluationState {
  if (state.status !== 'disputed') throw new LifecycleError('QA_NOT_DISPUTED');
  if (decision.by === state.reviewerId) throw new LifecycleError('QA_SELF_RESOLUTION');
  const note = decision.note.trim();
  if (!note || note.length > MAX_REASON_LENGTH) throw new LifecycleError('QA_REASON_REQUIRED');
  const base = { ...state, resolvedAt: decision.at, resolvedBy: decision.by, resolutionNote: note };
  if (decision.outcome === 'uphold') return { ...base, status: 'upheld', finalTotal: state.total };
  const t = decision.amendedTotal;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 100)
    throw new LifecycleError('QA_INVALID_TOTAL');
  return { ...base, status: 'amended', finalTotal: t };
}

/** The score that counts in reports: an amended total once a dispute is resolved. */
export function effectiveTotal(state: EvaluationState): number {
  return state.status === 'amended' && state.finalTotal !== undefined
    ? state.finalTotal
    : state.total;
}

/** A score the agent let pass without answering counts as accepted once the window closes. */
export function isSettled(state: EvaluationState, now: number, windowHours: number): boolean {
  if (state.status === 'disputed') return false;
  if (state.status === 'submitted') return now > responseDeadline(state, windowHours);
  return true;
}
