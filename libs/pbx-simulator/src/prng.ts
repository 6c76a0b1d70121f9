/**
 * Seeded pseudo-random numbers (sfc32). The whole simulated day is drawn from one of these, so
 * the same seed replays the same day byte for byte; nothing here reads Math.random or the clock.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the 128-bit state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** An independent stream, so one concern (e.g. timestamp jitter) cannot shift another's draws. */
  fork(label: number): Prng {
    return new Prng((this.nextUint32() ^ Math.imul(label, 0x27d4eb2d)) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real number in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Prng.pick on an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of choices) {
      x -= w;
      if (x < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** Exponential inter-arrival time with the given mean (Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Log-normal around a median, clamped: long-tailed durations such as talk times. */
  logNormal(median: number, sigma: number, min: number, max: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    const gauss = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.min(max, Math.max(min, median * Math.exp(sigma * gauss)));
  }

  /** RFC 4122 version-4 shaped id, like Asterisk's bridge ids. */
  uuid(): string {
    const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0');
    const w1 = this.nextUint32();
    const w2 = this.nextUint32();
    const w3 = this.nextUint32();
    const w4 = this.nextUint32();
    return [
      hex(w1, 8),
      hex(w2 >>> 16, 4),
      hex(((w2 & 0x0fff) | 0x4000) >>> 0, 4),
      hex(((w3 >>> 16) & 0x3fff) | 0x8000, 4),
      hex(w3 & 0xffff, 4) + hex(w4, 8),
    ].join('-');
  }
}
