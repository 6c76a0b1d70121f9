import { MemoryQaStore } from '@cti/recording-qa';
import { QaMonthlyScores } from './qa-monthly-scores';

function evaluation(
  id: string,
  agentId: string,
  submittedAt: string,
  total: number,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    recordingId: `rec-${id}`,
    scorecardId: 'card',
    scorecardVersion: 1,
    answers: {},
    comments: [],
    result: {
      scorecardId: 'card',
      scorecardVersion: 1,
      total,
      rawTotal: total,
      criticalFail: false,
      passed: true,
      sections: [],
      items: [],
    },
    calibration: false,
    state: {
      status: 'submitted' as const,
      agentId,
      reviewerId: 'qa1',
      submittedAt: Date.parse(submittedAt),
      total,
    },
    ...extra,
  };
}

describe('QA scores for the monthly report', () => {
  it('takes the local month of submission, leaves calibration copies out and uses amended totals', async () => {
    const store = new MemoryQaStore();
    await store.addEvaluation(evaluation('a', '1001', '2026-11-02T02:00:00Z', 80));
    // 2026-11-30 17:00 UTC is already 1 December in Shanghai: next month's.
    await store.addEvaluation(evaluation('b', '1001', '2026-11-30T17:00:00Z', 10));
    // 2026-10-31 17:00 UTC is 1 November in Shanghai: this month's.
    await store.addEvaluation(evaluation('c', '1002', '2026-10-31T17:00:00Z', 90));
    await store.addEvaluation(
      evaluation('d', '1002', '2026-11-10T02:00:00Z', 50, { calibration: true }),
    );
    await store.addEvaluation(
      evaluation('e', '1003', '2026-11-12T02:00:00Z', 40, {
        state: {
          status: 'amended',
          agentId: '1003',
          reviewerId: 'qa1',
          submittedAt: Date.parse('2026-11-12T02:00:00Z'),
          total: 40,
          finalTotal: 65,
        },
      }),
    );
    const scores = await new QaMonthlyScores(store, 'Asia/Shanghai').scores('2026-11');
    expect(Object.fromEntries(scores)).toEqual({ '1001': [80], '1002': [90], '1003': [65] });
  });
});
