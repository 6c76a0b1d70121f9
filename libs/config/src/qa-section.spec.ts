import { type ConfigError } from './config-error';
import { validateConfig } from './validate-config';

const problemsOf = (qa: unknown): string[] => {
  try {
    validateConfig({ qa });
    return [];
  } catch (error) {
    return (error as ConfigError).issues.map((i) => `${i.path}: ${i.message}`);
  }
};

describe('the qa: section of the configuration', () => {
  it('keeps what is given and nothing else, so the QA defaults fill the rest', () => {
    const config = validateConfig({
      qa: {
        sampling: { shiftStarts: ['08:00', '20:00'], minPerWeek: 4, calibrationShare: 0.1 },
        fileNames: { inbound: '{day}/{uniqueid}{pass}.wav' },
      },
    });
    expect(config.qa).toEqual({
      sampling: { shiftStarts: ['08:00', '20:00'], minPerWeek: 4, calibrationShare: 0.1 },
      fileNames: { inbound: '{day}/{uniqueid}{pass}.wav' },
    });
    expect(validateConfig({}).qa).toBeUndefined();
  });

  it('lists every problem at once, each with its path', () => {
    const problems = problemsOf({
      sampling: {
        shiftStarts: ['8:00', '20:00', '20:00'],
        minPerWeek: -1,
        minPerWorkedShift: 1.5,
        calibrationReviewers: 1,
        calibrationShare: 2,
        shifts: [],
      },
      fileNames: { inbound: '../{uniqueid}.wav', outbound: '{customer}.wav' },
      scorecard: {},
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qa\.sampling\.shiftStarts\[0\]: expected a time HH:MM/),
        expect.stringMatching(/^qa\.sampling\.shiftStarts\[2\]: duplicate/),
        expect.stringMatching(/^qa\.sampling\.minPerWeek: /),
        expect.stringMatching(/^qa\.sampling\.minPerWorkedShift: /),
        expect.stringMatching(/^qa\.sampling\.calibrationReviewers: /),
        'qa.sampling.calibrationShare: expected a number between 0 and 1, got 2',
        expect.stringMatching(/^qa\.sampling\.shifts: unknown key/),
        expect.stringMatching(/^qa\.fileNames\.inbound: /),
        expect.stringMatching(/^qa\.fileNames\.outbound: /),
        expect.stringMatching(/^qa\.scorecard: unknown key/),
      ]),
    );
    expect(problems).toHaveLength(10);
  });
});
