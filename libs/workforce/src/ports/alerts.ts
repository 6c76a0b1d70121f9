import { type MustStay, type StayLate } from '@cti/domain';

/** One shift end's must-stay list, with names for people and the version it was judged under. */
export interface ShiftEndRun {
  readonly day: string;
  readonly shiftEnd: number;
  readonly ranAt: number;
  readonly ruleVersion: string;
  readonly agents: readonly (MustStay & { readonly name: string; readonly team?: string })[];
}

/**
 * Where supervisors see must-stay alerts live (bind the wallboard). A no-op by default; the
 * webhook notifier and the quota-day page work without it.
 */
export abstract class WorkforceAlerts {
  abstract mustStay(run: ShiftEndRun): void;
  /** A staying agent's count moved, or the process restarted with the stay still open. */
  abstract stayUpdated(stay: StayLate): void;
  abstract stayFinished(stay: StayLate): void;
}

export class NoWorkforceAlerts extends WorkforceAlerts {
  mustStay(): void {}
  stayUpdated(): void {}
  stayFinished(): void {}
}
