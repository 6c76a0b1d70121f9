export interface ReconnectPolicy {
  /** First retry delay; at most 1000 so a blip costs about a second of events. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  /** 0..1: the delay is reduced by up to this fraction, so retries from many nodes spread. */
  readonly jitter: number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
};

export function validateReconnectPolicy(policy: ReconnectPolicy): void {
  const { initialDelayMs, maxDelayMs, factor, jitter } = policy;
  if (!(initialDelayMs >= 0 && initialDelayMs <= 1000)) {
    throw new Error(`reconnect.initialDelayMs must be within 0..1000, got ${initialDelayMs}`);
  }
  if (!(maxDelayMs >= initialDelayMs))
    throw new Error(`reconnect.maxDelayMs must be >= initialDelayMs`);
  if (!(factor >= 1)) throw new Error(`reconnect.factor must be >= 1, got ${factor}`);
  if (!(jitter >= 0 && jitter <= 1))
    throw new Error(`reconnect.jitter must be within 0..1, got ${jitter}`);
}

/**
 * Delay before retry number `failures` (0 = first retry after a drop): exponential, capped,
 * jitter only ever shortens it so the first retry stays <= initialDelayMs.
 */
export function reconnectDelayMs(
  policy: ReconnectPolicy,
  failures: number,
  random: () => number,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** failures);
  return Math.round(base * (1 - policy.jitter * random()));
}
