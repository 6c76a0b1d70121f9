import { type MustStay } from './quota-ledger';

/** 今日事今日毕: an agent kept after the shift until the quota is met or a supervisor releases them. */
export interface StayLate {
  readonly agentId: string;
  readonly day: string;
  readonly shiftEnd: number;
  readonly quota: number;
  readonly effectiveAtShiftEnd: number;
  readonly effective: number;
  readonly state: 'staying' | 'met' | 'released';
  /** When the quota was met or the agent released. */
  readonly finishedAt?: number;
  readonly releasedBy?: string;
  readonly releaseReason?: string;
}

export function startStayLate(
  list: readonly MustStay[],
  day: string,
  shiftEnd: number,
): StayLate[] {
  return list.map((m) => ({
    agentId: m.agentId,
    day,
    shiftEnd,
    quota: m.quota,
    effectiveAtShiftEnd: m.effective,
    effective: m.effective,
    state: 'staying',
  }));
}

/** A new count for a staying agent; reaching the quota finishes the stay at `at`. */
export function stayLateCounted(stay: StayLate, effective: number, at: number): StayLate {
  if (stay.state !== 'staying' || effective === stay.effective) return stay;
  if (effective >= stay.quota)
    return { ...stay, effective, state: 'met', finishedAt: Math.max(at, stay.shiftEnd) };
  return { ...stay, effective };
}

export type ReleaseRefusal = 'not-staying' | 'reason-required';

/** A supervisor ends the stay before the quota is met; a reason is required and kept. */
export function releaseStayLate(
  stay: StayLate,
  at: number,
  by: string,
  reason: string,
):
  | { readonly ok: true; readonly stay: StayLate }
  | { readonly ok: false; readonly refusal: ReleaseRefusal } {
  if (stay.state !== 'staying') return { ok: false, refusal: 'not-staying' };
  const why = reason.trim();
  if (!why) return { ok: false, refusal: 'reason-required' };
  return {
    ok: true,
    stay: {
      ...stay,
      state: 'released',
      finishedAt: Math.max(at, stay.shiftEnd),
      releasedBy: by,
      releaseReason: why,
    },
  };
}

/** Minutes stayed after the shift (so far, for one still staying), rounded down. */
export function stayLateMinutes(stay: StayLate, now: number): number {
  const until = stay.finishedAt ?? now;
  return Math.max(0, Math.floor((until - stay.shiftEnd) / 60_000));
}
