import { submissionState, validateFollowUp } from './follow-up';

describe('follow-up records', () => {
  it('cleans a good draft', () => {
    expect(
      validateFollowUp({
        kind: 'intent',
        contactName: ' 张先生 ',
        phoneNumber: '138-1234 5678',
        content: '想了解套餐',
        legId: 'l1',
      }),
    ).toEqual({
      ok: true,
      draft: {
        kind: 'intent',
        contactName: '张先生',
        phoneNumber: '13812345678',
        content: '想了解套餐',
        legId: 'l1',
      },
    });
  });

  it('lists every problem at once', () => {
    expect(
      validateFollowUp({
        kind: 'hot',
        contactName: '',
        phoneNumber: 'abc',
        content: 'x'.repeat(4001),
        extra: 1,
      }),
    ).toEqual({
      ok: false,
      problems: [
        'kind: must be one of intent, developable',
        'contactName: is required',
        'phoneNumber: digits only (an optional leading +, spaces and dashes allowed)',
        'content: at most 4000 characters',
        'extra: is not a field of a follow-up record',
      ],
    });
    expect(validateFollowUp([])).toEqual({ ok: false, problems: ['body: must be an object'] });
  });

  it.each([
    [100, 200, 150, 'on-time'],
    [200, 200, 300, 'on-time'],
    [201, 200, 300, 'late'],
    [undefined, 200, 200, 'pending'],
    [undefined, 200, 201, 'missing'],
  ])('submitted %s, deadline %s, now %s: %s', (submittedAt, deadline, now, state) => {
    expect(submissionState(submittedAt, deadline, now)).toBe(state);
  });
});
