import { type OutboundOutcome } from '../calls/outbound-state';
import { type RingDecider } from '../calls/ring-attempt';
import { type Prng } from '../prng';

/**
 * How simulated people behave. Times in simulated seconds; the defaults aim at a plausible
 * inbound/outbound day (about 80 % occupancy at the default call rate), not at the captures'
 * compressed 200 s runs.
 */
export const PROFILE = {
  /** Chance that a rung agent picks up at all (else it rings out: AgentRingNoAnswer). */
  agentAnswerProbability: 0.85,
  /** Seconds an agent lets the phone ring; beyond the queue timeout it rings out. */
  agentRingSec: [0.8, 6.5] as const,
  talk: { medianSec: 60, sigma: 0.7, minSec: 6, maxSec: 1200 },
  /** Share of inbound callers who give up quickly; the others wait long. */
  impatientShare: 0.25,
  impatientSec: [8, 60] as const,
  patientSec: [120, 420] as const,
  /** Who ends an answered call. */
  callerHangsUpShare: 0.45,
  outcomes: [
    ['answered', 60],
    ['noanswer', 20],
    ['busy', 10],
    ['congestion', 10],
  ] as ReadonlyArray<readonly [OutboundOutcome, number]>,
  customerRingSec: [2, 14] as const,
  dialTimeoutSec: 25,
  recordedShare: 0.6,
  redialShare: 0.2,
  breaksPerHour: 0.6,
  overLimitShare: 0.2,
  breakReasons: ['break', 'training', 'coaching', 'meeting'] as const,
};

export function ringDecider(prng: Prng): RingDecider {
  return () =>
    prng.chance(PROFILE.agentAnswerProbability)
      ? round3(prng.uniform(PROFILE.agentRingSec[0], PROFILE.agentRingSec[1]))
      : undefined;
}

export function talkSeconds(prng: Prng): number {
  const t = PROFILE.talk;
  return round3(prng.logNormal(t.medianSec, t.sigma, t.minSec, t.maxSec));
}

export function patienceSeconds(prng: Prng): number {
  const [lo, hi] = prng.chance(PROFILE.impatientShare) ? PROFILE.impatientSec : PROFILE.patientSec;
  return round3(prng.uniform(lo, hi));
}

/** Pause length: a fifth of the pauses run over the limit. */
export function pauseSeconds(prng: Prng, limitSec: number): number {
  return prng.chance(PROFILE.overLimitShare)
    ? round3(prng.uniform(limitSec * 1.05, limitSec * 1.6))
    : round3(prng.uniform(limitSec * 0.2, limitSec * 0.85));
}

/** Millisecond resolution keeps scheduled times exact in microseconds. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
