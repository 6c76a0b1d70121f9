import { Prng } from '../prng';
import { MIXMONITOR_SAMPLE_RATE } from './wav';

/** Vowel-like formant pairs (F1, F2 in Hz): what makes a voiced sound read as speech. */
const VOWELS: ReadonlyArray<readonly [number, number]> = [
  [730, 1090],
  [270, 2290],
  [300, 870],
  [530, 1840],
  [570, 840],
  [440, 1020],
  [660, 1720],
];
/** Agent first (the greeting), then the customer: pitch (Hz) and loudness of each side. */
const VOICES = [
  { f0: 215, level: 9000 },
  { f0: 125, level: 7500 },
] as const;
const FORMANT_WIDTH_HZ = 110;
const TOP_HZ = 3400; // telephone band
const NOISE_LEVEL = 40;
/** sin² over one syllable, sampled: the syllable-rate loudness envelope. */
const ENVELOPE = Float32Array.from({ length: 256 }, (_, i) => Math.sin((Math.PI * i) / 256) ** 2);

interface Syllable {
  readonly start: number;
  readonly length: number;
  /** One pitch period of the voiced sound, already at the speaker's level. */
  readonly cycle: Float32Array;
}

/**
 * A deterministic stand-in for a recorded conversation: agent and customer take turns of a few
 * seconds; each turn is words of one to four syllables (a pitch with harmonics shaped by a
 * vowel's two formants, under a syllable-length envelope), with gaps between words and pauses
 * between turns, over a faint line noise. The plan is drawn up front from the seed and rendered
 * in slices, so a long call is written piece by piece without holding up the simulation.
 */
export class ConversationAudio {
  readonly sampleCount: number;
  private readonly syllables: Syllable[] = [];

  constructor(
    private readonly seed: number,
    seconds: number,
  ) {
    const rate = MIXMONITOR_SAMPLE_RATE;
    this.sampleCount = Math.max(0, Math.round(seconds * rate));
    const prng = new Prng(seed);
    let at = Math.round(prng.uniform(0.2, 0.6) * rate);
    for (let speaker = 0; at < this.sampleCount; speaker ^= 1) {
      const voice = VOICES[speaker];
      const turnEnd = at + prng.uniform(1.2, 5) * rate;
      while (at < turnEnd && at < this.sampleCount) {
        for (let s = prng.int(1, 4); s > 0; s -= 1) {
          const length = Math.round(prng.uniform(0.12, 0.28) * rate);
          const f0 = voice.f0 * prng.uniform(0.88, 1.15);
          this.syllables.push({
            start: at,
            length,
            cycle: voicedCycle(f0, prng.pick(VOWELS), voice.level),
          });
          at += length;
        }
        at += Math.round(prng.uniform(0.05, 0.25) * rate);
      }
      at += Math.round(prng.uniform(0.3, 1.0) * rate);
    }
  }

  /** Samples `from` (inclusive) to `to` (exclusive), the same whatever the slicing. */
  render(from: number, to: number): Int16Array {
    const end = Math.min(to, this.sampleCount);
    const out = new Int16Array(Math.max(0, end - from));
    for (let i = 0; i < out.length; i += 1) out[i] = lineNoise(this.seed, from + i);
    for (let k = this.firstSyllableEndingAfter(from); k < this.syllables.length; k += 1) {
      const { start, length, cycle } = this.syllables[k];
      if (start >= end) break;
      for (let n = Math.max(start, from); n < Math.min(start + length, end); n += 1) {
        const j = n - start;
        const v = out[n - from] + cycle[j % cycle.length] * ENVELOPE[((j * 256) / length) | 0];
        out[n - from] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
      }
    }
    return out;
  }

  private firstSyllableEndingAfter(sample: number): number {
    let lo = 0;
    let hi = this.syllables.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.syllables[mid];
      if (s.start + s.length <= sample) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Voiced cycles by period and vowel: a few hundred at most, shared by every recording. */
const CYCLES = new Map<string, Float32Array>();

/**
 * One pitch period of a voiced sound: the harmonics of f0 weighted by their closeness to the
 * vowel's formants. The period is a whole number of samples, so a syllable is this cycle
 * repeated under its envelope.
 */
function voicedCycle(f0: number, vowel: readonly [number, number], level: number): Float32Array {
  const period = Math.max(2, Math.round(MIXMONITOR_SAMPLE_RATE / f0));
  const key = `${period}|${vowel.join()}|${level}`;
  let cycle = CYCLES.get(key);
  if (!cycle) {
    cycle = harmonicCycle(period, vowel, level);
    CYCLES.set(key, cycle);
  }
  return cycle;
}

function harmonicCycle(
  period: number,
  [f1, f2]: readonly [number, number],
  level: number,
): Float32Array {
  const pitch = MIXMONITOR_SAMPLE_RATE / period;
  const cycle = new Float32Array(period);
  let total = 0;
  for (let k = 1; k * pitch < TOP_HZ; k += 1) {
    const hz = k * pitch;
    const gain =
      1 / (1 + ((hz - f1) / FORMANT_WIDTH_HZ) ** 2) +
      0.6 / (1 + ((hz - f2) / FORMANT_WIDTH_HZ) ** 2);
    total += gain;
    for (let i = 0; i < period; i += 1) cycle[i] += gain * Math.sin((2 * Math.PI * k * i) / period);
  }
  for (let i = 0; i < period; i += 1) cycle[i] *= level / total;
  return cycle;
}

/** A faint hiss from a hash of the sample index (stateless, so slices need not run in order). */
function lineNoise(seed: number, index: number): number {
  let h = Math.imul(index ^ seed, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (((h ^ (h >>> 13)) & 0xff) / 128 - 1) * NOISE_LEVEL;
}
