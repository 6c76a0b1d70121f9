import { PERFECT, SERVICE_SCORECARD as CARD } from './qa-fixtures';
import { allItems } from './scorecard';
import { type ItemAnswer, scoreAnswers } from './scoring';
import {
  bandOf,
  DEFAULT_BANDS,
  type EvaluationFact,
  monthlySummary,
  weeklyCoverage,
} from './summaries';

const texts = new Map(allItems(CARD).map((i) => [i.id, i.text]));
function fact(
  id: string,
  agentId: string,
  teamId: string,
  answers: Record<string, ItemAnswer>,
  calibration = false,
): EvaluationFact {
  const r = scoreAnswers(CARD, answers);
  return {
    evaluationId: id,
    recordingId: `rec-${id}`,
    agentId,
    teamId,
    scorecardId: CARD.id,
    scorecardVersion: CARD.version,
    total: r.total,
    criticalFail: r.criticalFail,
    calibration,
    items: r.items.map((i) => ({
      itemId: i.itemId,
      text: texts.get(i.itemId)!,
      critical: i.critical,
      fraction: i.fraction,
      failed: i.failed,
    })),
  };
}

describe('monthly QA summary', () => {
  const facts = [
    fact('1', '1001', 'north', PERFECT), // 100
    fact('2', '1001', 'north', { ...PERFECT, closing: 0 }), // 80
    fact('3', '1002', 'north', { ...PERFECT, argue: 0 }), // 0, critical
    fact('4', '1003', 'south', { ...PERFECT, closing: 0, rings: 0 }), // 70
    fact('5', '1003', 'south', { ...PERFECT, closing: 0, wait: 'na' }), // 80
    fact('6', '1003', 'south', PERFECT, true), // calibration copy: not counted
  ];
  const s = monthlySummary('2026-03', facts, { minScoredForTraining: 2 });

  it('per agent and team: average, min/max, distribution over bands, critical fails', () => {
    expect(
      s.perAgent.map((a) => [
        a.key,
        a.teamId,
        a.evaluations,
        a.average,
        a.min,
        a.max,
        a.distribution,
        a.criticalFails,
      ]),
    ).toEqual([
      ['1001', 'north', 2, 90, 80, 100, [0, 0, 0, 1, 1], 0],
      ['1002', 'north', 1, 0, 0, 0, [1, 0, 0, 0, 0], 1],
      ['1003', 'south', 2, 75, 70, 80, [0, 0, 1, 1, 0], 0],
    ]);
    expect(s.perTeam.map((t) => [t.key, t.evaluations, t.average, t.criticalFails])).toEqual([
      ['north', 3, 60, 1],
      ['south', 2, 75, 0],
    ]);
    expect(s.overall).toMatchObject({
      evaluations: 5,
      average: 66,
      criticalFails: 1,
      distribution: [1, 0, 1, 2, 1],
    });
  });

  it('per item: average and fail rate; training needs ranked by fail rate', () => {
    const closing = s.perItem.find((i) => i.itemId === 'closing')!;
    expect(closing).toMatchObject({ scored: 5, failures: 3, failRate: 0.6, average: 40 });
    expect(s.perItem.find((i) => i.itemId === 'wait')).toMatchObject({
      scored: 4,
      failures: 0,
      average: 100,
    });
    expect(s.trainingNeeds.map((i) => [i.itemId, i.failRate])).toEqual([
      ['closing', 0.6],
      ['argue', 0.2],
      ['rings', 0.2],
    ]);
  });

  it('puts totals in bands by their lower bounds', () => {
    expect([0, 59.99, 60, 89.99, 90, 100].map((t) => bandOf(t, DEFAULT_BANDS))).toEqual([
      0, 0, 1, 3, 4, 4,
    ]);
  });

  it('weekly coverage marks who met the minimum', () => {
    expect(
      weeklyCoverage(
        [
          {
            agentId: '1002',
            picked: 2,
            scored: 1,
            shiftsWorked: 2,
            shiftsCovered: 2,
            note: 'too few calls',
          },
          { agentId: '1001', picked: 5, scored: 5, shiftsWorked: 5, shiftsCovered: 5 },
        ],
        3,
      ).map((r) => [r.agentId, r.met]),
    ).toEqual([
      ['1001', true],
      ['1002', false],
    ]);
  });
});
