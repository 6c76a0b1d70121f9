import { inputShapeProblem, MAX_INPUT_DEPTH, pathProblem, queryKeyProblem } from './hostile-input';

const nested = (depth: number): unknown =>
  JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;

describe('the hostile-input check', () => {
  it('lets ordinary bodies through', () => {
    expect(
      inputShapeProblem({ day: '2026-03-10', answers: { q1: 3, q2: 'na' }, list: [1, [2]] }),
    ).toBeUndefined();
    expect(inputShapeProblem(undefined)).toBeUndefined();
    expect(inputShapeProblem('text')).toBeUndefined();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });

  it('refuses nesting past the limit, however deep, without recursion', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1))).toBe('nested deeper than 32 levels');
    expect(inputShapeProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(
      'nested deeper than 32 levels',
    );
  });

  it('refuses keys named after Object.prototype members, at any level', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])
      expect(inputShapeProblem(JSON.parse(`{"a":[{"${key}":{"x":1}}]}`))).toBe(
        `key "${key}" is not allowed`,
      );
    expect(inputShapeProblem({ proto: 1, constructorName: 'x' })).toBeUndefined();
  });

  it('finds prototype keys in the raw query string, bracketed, dotted or encoded', () => {
    expect(queryKeyProblem('/api/x?day=2026-03-10&page=2')).toBeUndefined();
    expect(queryKeyProblem('/api/x')).toBeUndefined();
    expect(queryKeyProblem('/api/x?constructor=1')).toBe('key "constructor" is not allowed');
    expect(queryKeyProblem('/api/x?a[__proto__][b]=1')).toBe('key "__proto__" is not allowed');
    expect(queryKeyProblem('/api/x?a.toString=1')).toBe('key "toString" is not allowed');
    expect(queryKeyProblem('/api/x?%5F%5Fproto%5F%5F=1')).toBe('key "__proto__" is not allowed');
  });

  it('refuses the NUL character in the path, in values and in keys (PostgreSQL text cannot hold it)', () => {
    const nul = 'text may not contain the NUL character (U+0000)';
    expect(pathProblem('/api/qa/calibration/%00?day=1')).toBe(nul);
    expect(pathProblem('/api/qa/calibration/abc?q=%00')).toBeUndefined();
    expect(inputShapeProblem({ comment: 'a\u0000b' })).toBe(nul);
    expect(inputShapeProblem({ list: [{ ['k\u0000']: 1 }] })).toBe(nul);
    expect(inputShapeProblem({ comment: 'ordinary text' })).toBeUndefined();
  });
});
