import { PERFECT, SERVICE_SCORECARD as CARD } from './qa-fixtures';
import { scorecardProblems, sameScoring } from './scorecard';
import { answerProblems, ScoringError, scoreAnswers } from './scoring';

describe('scorecards and scoring', () => {
  it('accepts the service card and lists every problem of a bad one', () => {
    expect(scorecardProblems(CARD)).toEqual([]);
    const bad = {
      id: '../x',
      name: ' ',
      passMark: 120,
      sections: [
        {
          id: 'a',
          title: 'A',
          weight: 0,
          items: [{ id: 'a', text: 'x', weight: 1, scale: { kind: 'points' as const, max: 0 } }],
        },
        {
          id: 'b',
          title: 'B',
          weight: 1,
          items: [
            {
              id: 'a',
              text: 'x',
              weight: 1,
              scale: { kind: 'yes-no' as const },
              critical: true,
              allowNa: true,
            },
          ],
        },
      ],
    };
    expect(scorecardProblems(bad)).toEqual([
      'id: must match /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/',
      'name: required text',
      'passMark: 0..100',
      'sections[0].weight: a number > 0',
      'sections[0].items[0].scale.max: a whole number 1..100',
      "sections[1].items[0].id: 'a' used twice",
      'sections[1].items[0]: a critical item cannot be not-applicable',
    ]);
  });

  it("names a yes/no item's answers when asked to, both or neither, and versions a relabelling", () => {
    const relabel = (scale: object): typeof CARD =>
      ({
        ...CARD,
        sections: [{ ...CARD.sections[0], items: [{ ...CARD.sections[0].items[0], scale }] }],
      }) as typeof CARD;
    const labelled = relabel({ kind: 'yes-no', passLabel: '未出现', failLabel: '出现' });
    expect(scorecardProblems(labelled)).toEqual([]);
    for (const scale of [
      { kind: 'yes-no', passLabel: '未出现' },
      { kind: 'yes-no', passLabel: '出现', failLabel: ' 出现' },
      { kind: 'yes-no', passLabel: '', failLabel: '出现' },
    ]) {
      expect(scorecardProblems(relabel(scale))).toEqual([
        'sections[0].items[0].scale: passLabel and failLabel: both or neither, distinct, 1..40 characters',
      ]);
    }
    expect(sameScoring(labelled, relabel({ kind: 'yes-no' }))).toBe(false);
  });

  it('scores a perfect call 100 and weights items within sections and sections within the card', () => {
    expect(scoreAnswers(CARD, PERFECT)).toMatchObject({
      total: 100,
      criticalFail: false,
      passed: true,
      scorecardVersion: 1,
    });
    // opening: (0*1 + 4/4*2)/3 = 66.67; handling: (3/5*3 + 1 + 1)/5 = 76; closing 0.
    const r = scoreAnswers(CARD, { ...PERFECT, rings: 0, confirm: 3, closing: 0 });
    expect(r.sections).toEqual([
      { sectionId: 'opening', score: 66.67 },
      { sectionId: 'handling', score: 76 },
      { sectionId: 'closing', score: 0 },
    ]);
    expect(r.total).toBe(58); // (0.6667*30 + 0.76*50 + 0)/100 = 58.00
    expect(r.passed).toBe(false);
    expect(r.items.find((i) => i.itemId === 'confirm')).toMatchObject({
      value: 3,
      max: 5,
      fraction: 0.6,
      failed: false,
    });
  });

  it('leaves not-applicable items out of the weights', () => {
    const r = scoreAnswers(CARD, { ...PERFECT, wait: 'na', confirm: 0 });
    // handling: (0*3 + 1*1)/4 = 25 → total 0.3*100 + 0.5*25 + 0.2*100 = 62.5
    expect(r.sections[1]).toEqual({ sectionId: 'handling', score: 25 });
    expect(r.total).toBe(62.5);
    expect(r.items.find((i) => i.itemId === 'wait')).toMatchObject({
      value: null,
      fraction: null,
      failed: false,
    });
  });

  it('fails the whole call on a failed critical item, keeping the raw total for trainers', () => {
    const r = scoreAnswers(CARD, { ...PERFECT, argue: 0 });
    expect(r).toMatchObject({ total: 0, criticalFail: true, passed: false });
    expect(r.rawTotal).toBe(90);
  });

  it('refuses incomplete, out-of-range or foreign answers and bad comments', () => {
    expect(
      answerProblems(
        CARD,
        { ...PERFECT, greeting: 5, argue: 'na', extra: 1 } as never,
        [
          { atSeconds: -1, text: 'x' },
          { atSeconds: 5, text: ' ', itemId: 'nope' },
        ],
        60,
      ),
    ).toEqual([
      'answers.extra: not an item of service v1',
      'answers.greeting: a whole number 0..4',
      'answers.argue: cannot be not-applicable',
      'comments[0].atSeconds: 0..60',
      'comments[1].text: 1..2000 characters',
      'comments[1].itemId: not an item',
    ]);
    const partial: Record<string, number> = { ...PERFECT };
    delete partial.closing;
    expect(() => scoreAnswers(CARD, partial)).toThrow(ScoringError);
  });

  it('tells a new version from a restatement of the same card', () => {
    expect(sameScoring(CARD, { ...CARD, name: ` ${CARD.name} ` })).toBe(true);
    expect(sameScoring(CARD, { ...CARD, passMark: 70 })).toBe(false);
  });
});
