import {
  effectiveTotal,
  type EvaluationState,
  isSettled,
  type LifecycleError,
  resolveDispute,
  respondToEvaluation,
} from './evaluation-lifecycle';

const H = 3_600_000;
const scored: EvaluationState = {
  status: 'submitted',
  agentId: '1001',
  reviewerId: 'qa1',
  submittedAt: 1_000_000,
  total: 72,
};
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as LifecycleError).code;
  }
  return 'no error';
};

describe('evaluation lifecycle: acknowledge, dispute, resolve', () => {
  it('lets the agent acknowledge or dispute their own score within the window', () => {
    expect(
      respondToEvaluation(
        scored,
        { agentId: '1001', kind: 'acknowledge', at: scored.submittedAt + H },
        72,
      ),
    ).toMatchObject({ status: 'acknowledged' });
    const disputed = respondToEvaluation(
      scored,
      {
        agentId: '1001',
        kind: 'dispute',
        reason: ' The customer asked me to skip it ',
        at: scored.submittedAt + 72 * H,
      },
      72,
    );
    expect(disputed).toMatchObject({
      status: 'disputed',
      disputeReason: 'The customer asked me to skip it',
    });
  });

  it('refuses another agent, a closed window, a second answer and a dispute without reason', () => {
    expect(
      code(() =>
        respondToEvaluation(
          scored,
          { agentId: '1002', kind: 'acknowledge', at: scored.submittedAt },
          72,
        ),
      ),
    ).toBe('QA_NOT_OWN_EVALUATION');
    expect(
      code(() =>
        respondToEvaluation(
          scored,
          { agentId: '1001', kind: 'acknowledge', at: scored.submittedAt + 72 * H + 1 },
          72,
        ),
      ),
    ).toBe('QA_RESPONSE_WINDOW_CLOSED');
    const acked = respondToEvaluation(
      scored,
      { agentId: '1001', kind: 'acknowledge', at: scored.submittedAt },
      72,
    );
    expect(
      code(() =>
        respondToEvaluation(
          acked,
          { agentId: '1001', kind: 'dispute', reason: 'x', at: scored.submittedAt },
          72,
        ),
      ),
    ).toBe('QA_ALREADY_RESPONDED');
    expect(
      code(() =>
        respondToEvaluation(
          scored,
          { agentId: '1001', kind: 'dispute', reason: '  ', at: scored.submittedAt },
          72,
        ),
      ),
    ).toBe('QA_REASON_REQUIRED');
  });

  it('has a supervisor uphold or amend a dispute, never the reviewer who scored', () => {
    const disputed = respondToEvaluation(
      scored,
      { agentId: '1001', kind: 'dispute', reason: 'unfair', at: scored.submittedAt },
      72,
    );
    expect(
      code(() => resolveDispute(disputed, { by: 'qa1', outcome: 'uphold', note: 'ok', at: 1 })),
    ).toBe('QA_SELF_RESOLUTION');
    expect(
      code(() => resolveDispute(scored, { by: 'sup', outcome: 'uphold', note: 'ok', at: 1 })),
    ).toBe('QA_NOT_DISPUTED');
    expect(
      code(() =>
        resolveDispute(disputed, {
          by: 'sup',
          outcome: 'amend',
          note: 'ok',
          amendedTotal: 101,
          at: 1,
        }),
      ),
    ).toBe('QA_INVALID_TOTAL');
    const upheld = resolveDispute(disputed, {
      by: 'sup',
      outcome: 'uphold',
      note: 'the score stands',
      at: 5,
    });
    expect(upheld).toMatchObject({ status: 'upheld', finalTotal: 72, resolvedBy: 'sup' });
    const amended = resolveDispute(disputed, {
      by: 'sup',
      outcome: 'amend',
      note: 'item 3 was n/a',
      amendedTotal: 85,
      at: 5,
    });
    expect(effectiveTotal(amended)).toBe(85);
    expect(effectiveTotal(upheld)).toBe(72);
  });

  it('counts an unanswered score as settled once the window closes', () => {
    expect(isSettled(scored, scored.submittedAt + 71 * H, 72)).toBe(false);
    expect(isSettled(scored, scored.submittedAt + 73 * H, 72)).toBe(true);
  });
});
