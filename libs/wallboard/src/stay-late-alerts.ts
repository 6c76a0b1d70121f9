import { type StayState } from './protocol';
import { type WallboardHub } from './wallboard-hub';

/**
 * What the adapter reads of a shift end's must-stay list: the shape of ShiftEndRun in
 * @cti/workforce (libs/wallboard does not import it; the app binds this class to its port).
 */
export interface MustStayRun {
  readonly day: string;
  readonly shiftEnd: number;
  readonly agents: readonly {
    readonly agentId: string;
    readonly quota: number;
    readonly effective: number;
    readonly shortfall: number;
  }[];
}

/** What the adapter reads of one agent's stay: the shape of StayLate in @cti/domain. */
export interface StayUpdate {
  readonly agentId: string;
  readonly day: string;
  readonly shiftEnd: number;
  readonly quota: number;
  readonly effective: number;
  readonly state: StayState;
  readonly finishedAt?: number;
  readonly releasedBy?: string;
}

export interface StayLateAlertsOptions {
  /**
   * How long a finished stay (quota met, or released) stays on the boards, marked done, after it
   * finished (default 12 h: a day shift's list is gone by the next morning). 0: dropped at once.
   */
  readonly keepFinishedMs?: number;
}

export const DEFAULT_KEEP_FINISHED_MS = 12 * 3_600_000;

/**
 * The quota day's must-stay list on the wallboards, as `must-stay` alerts: structurally the
 * workforce's `WorkforceAlerts` port, so the app binds it there:
 * `{ provide: WorkforceAlerts, useFactory: (hub) => new WallboardStayLateAlerts(hub), inject: [WallboardHub] }`.
 *
 * One alert per agent: a newer shift end's stay replaces an older one, and news of an older stay
 * never overwrites a newer one.
 */
export class WallboardStayLateAlerts {
  constructor(
    private readonly hub: Pick<
      WallboardHub,
      'upsertExternalAlert' | 'removeExternalAlert' | 'externalAlert'
    >,
    private readonly options: StayLateAlertsOptions = {},
  ) {}

  /** A shift end's list: every agent on it must stay, short by `shortfall` calls. */
  mustStay(run: MustStayRun): void {
    for (const m of run.agents)
      this.show({
        agentId: m.agentId,
        day: run.day,
        shiftEnd: run.shiftEnd,
        quota: m.quota,
        effective: m.effective,
        state: 'staying',
      });
  }

  /** The stay ended: quota met or released. */
  stayFinished(stay: StayUpdate): void {
    this.show(stay);
  }

  /**
   * Any news of a stay: a new count while staying, or the stays still open when the app starts
   * (`stayLate.staying()`), which no shift-end run announces again.
   */
  stayUpdated(stay: StayUpdate): void {
    this.show(stay);
  }

  private show(stay: StayUpdate): void {
    const shown = this.hub.externalAlert('must-stay', stay.agentId);
    if (shown && shown.since > stay.shiftEnd) return;
    const finished = stay.state !== 'staying';
    const keep = this.options.keepFinishedMs ?? DEFAULT_KEEP_FINISHED_MS;
    if (finished && keep <= 0) return this.hub.removeExternalAlert('must-stay', stay.agentId);
    this.hub.upsertExternalAlert(
      {
        kind: 'must-stay',
        agentId: stay.agentId,
        since: stay.shiftEnd,
        day: stay.day,
        state: stay.state,
        effective: stay.effective,
        quota: stay.quota,
        shortfall: Math.max(0, stay.quota - stay.effective),
        ...(finished && stay.finishedAt !== undefined ? { finishedAt: stay.finishedAt } : {}),
        ...(stay.state === 'released' && stay.releasedBy !== undefined
          ? { releasedBy: stay.releasedBy }
          : {}),
      },
      finished ? { until: (stay.finishedAt ?? stay.shiftEnd) + keep } : {},
    );
  }
}
