import { placeOutboundCall } from '../calls/outbound-call';
import { type OutboundPlan } from '../calls/outbound-state';
import { type Agent } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { type Prng } from '../prng';
import { mobileNumber } from './names';
import { PROFILE, pauseSeconds, round3, talkSeconds } from './call-center-profile';

export interface AgentDayPlan {
  loginAtSec: number;
  logoutAtSec: number;
  /** Pauses (start offset from the day start, length, reason); lunch is one of them. */
  pauses: Array<{ atSec: number; durationSec: number; reason: string }>;
  outboundPerHour: number;
}

/**
 * One agent's shift: QueueAdd into its queues, pauses (each QueuePause without Queue, so one
 * QueueMemberPause per queue), click-to-dial calls when idle, QueueRemove at the end. Pauses and
 * the logout wait until the agent is off the phone, as a person would.
 */
export class AgentDay {
  private loggedIn = false;
  private paused = false;
  private done = false;
  /** A click-to-dial the agent meant to place while busy: placed at the next idle moment. */
  private wantsToDial = false;
  private readonly waiting: Array<() => void> = [];
  private readonly dialed: string[] = [];

  constructor(
    private readonly pbx: Pbx,
    private readonly agent: Agent,
    private readonly queues: readonly string[],
    private readonly prng: Prng,
  ) {}

  get isDone(): boolean {
    return this.done;
  }

  schedule(plan: AgentDayPlan, dayStartUs: number): void {
    const at = (offsetSec: number, task: () => void): void =>
      this.pbx.sched.at(dayStartUs + Math.round(offsetSec * 1e6), task);
    at(plan.loginAtSec, () => this.login());
    for (const p of plan.pauses)
      at(p.atSec, () => this.whenIdle(() => this.pause(p.reason, p.durationSec)));
    at(plan.logoutAtSec, () => this.whenIdle(() => this.logout()));
    if (plan.outboundPerHour > 0) {
      const meanGapSec = 3600 / plan.outboundPerHour;
      let t = plan.loginAtSec + this.prng.exponential(meanGapSec);
      while (t < plan.logoutAtSec - 60) {
        at(round3(t), () => this.maybeDial());
        t += this.prng.exponential(meanGapSec);
      }
    }
  }

  /** Called (as its own task) whenever the agent's phone goes back to NOT_INUSE. */
  onIdle(): void {
    while (this.waiting.length > 0 && this.pbx.isAgentIdle(this.agent))
      (this.waiting.shift() as () => void)();
    if (this.wantsToDial) this.maybeDial();
  }

  private whenIdle(action: () => void): void {
    if (this.pbx.isAgentIdle(this.agent) && this.waiting.length === 0) action();
    else this.waiting.push(action);
  }

  private login(): void {
    for (const queue of this.queues) {
      this.pbx.queues.addMember(queue, {
        iface: this.agent.iface,
        name: this.agent.name,
        stateInterface: this.agent.stateInterface,
        penalty: 0,
        paused: false,
        reason: '',
      });
    }
    this.loggedIn = true;
  }

  private pause(reason: string, durationSec: number): void {
    if (!this.loggedIn || this.paused) return;
    this.paused = true;
    this.pbx.queues.setPaused(this.agent.iface, true, reason);
    this.pbx.sched.after(durationSec, () => {
      this.paused = false;
      if (this.loggedIn) this.pbx.queues.setPaused(this.agent.iface, false, '');
    });
  }

  private logout(): void {
    for (const queue of this.queues) this.pbx.queues.removeMember(queue, this.agent.iface);
    this.loggedIn = false;
    this.done = true;
  }

  private maybeDial(): void {
    if (!this.loggedIn || this.paused) return;
    if (this.waiting.length > 0 || !this.pbx.isAgentIdle(this.agent)) {
      this.wantsToDial = true;
      return;
    }
    this.wantsToDial = false;
    const redial = this.dialed.length > 0 && this.prng.chance(PROFILE.redialShare);
    const number = redial ? this.prng.pick(this.dialed) : mobileNumber(this.prng);
    if (!redial) this.dialed.push(number);
    const plan: OutboundPlan = {
      agent: this.agent,
      number,
      outcome: this.prng.weighted(PROFILE.outcomes),
      customerRingSec: round3(
        this.prng.uniform(PROFILE.customerRingSec[0], PROFILE.customerRingSec[1]),
      ),
      dialTimeoutSec: PROFILE.dialTimeoutSec,
      talkSec: talkSeconds(this.prng),
      hangupBy: this.prng.chance(0.5) ? 'agent' : 'customer',
      recorded: this.prng.chance(PROFILE.recordedShare),
      actionId: this.pbx.nextGeneratorActionId(),
    };
    placeOutboundCall(this.pbx, plan);
  }
}

/** Logins (and logouts) spread over the first (last) minutes of the shift. */
export function loginStaggerSec(dayLengthSec: number): number {
  return Math.min(120, dayLengthSec * 0.05);
}

/** Draws one agent's shift: staggered login/logout, short pauses, lunch on long days. */
export function drawAgentDayPlan(
  prng: Prng,
  dayLengthSec: number,
  pauseLimitSec: number,
  outboundPerHour: number,
  firstIn: boolean,
): AgentDayPlan {
  const stagger = loginStaggerSec(dayLengthSec);
  // Someone opens the shift at once, so a fresh start shows activity within seconds.
  const loginAtSec = firstIn ? 0 : round3(prng.uniform(0, stagger));
  const logoutAtSec = round3(dayLengthSec - prng.uniform(0, stagger));
  const pauses: AgentDayPlan['pauses'] = [];
  const breaks = Math.max(1, Math.round((dayLengthSec / 3600) * PROFILE.breaksPerHour));
  const from = loginAtSec + dayLengthSec * 0.05;
  const to = logoutAtSec - dayLengthSec * 0.1;
  for (let i = 0; i < breaks; i += 1) {
    pauses.push({
      atSec: round3(prng.uniform(from, to)),
      durationSec: pauseSeconds(prng, pauseLimitSec),
      reason: prng.pick(PROFILE.breakReasons),
    });
  }
  if (dayLengthSec >= 7200) {
    pauses.push({
      atSec: round3(dayLengthSec / 2 + prng.uniform(-0.1, 0.1) * dayLengthSec),
      durationSec: round3(prng.uniform(pauseLimitSec * 1.2, pauseLimitSec * 3)),
      reason: 'lunch',
    });
  }
  pauses.sort((a, b) => a.atSec - b.atSec);
  return { loginAtSec, logoutAtSec, pauses, outboundPerHour };
}
