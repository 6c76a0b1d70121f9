import { calibrationSpread, spread } from './calibration';
import { PERFECT, SERVICE_SCORECARD as CARD } from './qa-fixtures';
import { scoreAnswers } from './scoring';

describe('calibration spread', () => {
  it('reports the spread of totals and items across reviewers', () => {
    const report = calibrationSpread('rec-1', [
      { reviewerId: 'qa2', result: scoreAnswers(CARD, { ...PERFECT, confirm: 3 }) },
      { reviewerId: 'qa1', result: scoreAnswers(CARD, PERFECT) },
      { reviewerId: 'qa3', result: scoreAnswers(CARD, { ...PERFECT, confirm: 4 }) },
    ]);
    expect(report.reviewers).toEqual(['qa1', 'qa2', 'qa3']);
    // totals 100, 88 (handling 76 → 0.3*100+0.5*76+20), 94 (handling 88).
    expect(report.total).toEqual({ min: 88, max: 100, mean: 94, range: 12, stdDev: 4.9 });
    expect(report.items.find((i) => i.itemId === 'confirm')).toMatchObject({
      min: 60,
      max: 100,
      range: 40,
      failedBy: 0,
      scoredBy: 3,
    });
    expect(report.consistent).toBe(false);
    expect(report.criticalDisagreement).toBe(false);
  });

  it('flags reviewers who disagree on a critical failure', () => {
    const report = calibrationSpread(
      'rec-2',
      [
        { reviewerId: 'a', result: scoreAnswers(CARD, PERFECT) },
        { reviewerId: 'b', result: scoreAnswers(CARD, { ...PERFECT, argue: 0 }) },
      ],
      200,
    );
    expect(report).toMatchObject({ criticalDisagreement: true, consistent: false });
    expect(report.total.range).toBe(100);
  });

  it('refuses scores of different scorecard versions', () => {
    const v2 = { ...CARD, version: 2 };
    expect(() =>
      calibrationSpread('r', [
        { reviewerId: 'a', result: scoreAnswers(CARD, PERFECT) },
        { reviewerId: 'b', result: scoreAnswers(v2, PERFECT) },
      ]),
    ).toThrow(RangeError);
    expect(() => spread([])).toThrow(RangeError);
  });
});
