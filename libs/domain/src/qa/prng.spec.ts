import { canonicalJson } from './canonical-json';
import { SeededRandom, cyrb128 } from './prng';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed on any run (fixed reference values)', () => {
    const r = new SeededRandom('2026-W11');
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    expect(new SeededRandom('2026-W11').nextUint32()).toBe(first[0]);
    // Pinned: a change here would make recorded draws irreproducible.
    expect(first).toEqual([2187738687, 1513041245, 748539896]);
    expect(cyrb128('abc')).toEqual(cyrb128('abc'));
    expect(cyrb128('abc')).not.toEqual(cyrb128('abd'));
  });

  it('draws below n without bias and samples without repeats', () => {
    const r = new SeededRandom('bias');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.below(3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
    expect(() => r.below(0)).toThrow(RangeError);
  });

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"z":1}]},"b":1}',
    );
  });
});
