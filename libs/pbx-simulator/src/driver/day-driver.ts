import { InboundCall } from '../calls/inbound-call';
import { type RingDecider } from '../calls/ring-attempt';
import { type ResolvedOptions } from '../options';
import { type Agent } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { type Prng } from '../prng';
import { AgentDay, drawAgentDayPlan, loginStaggerSec } from './agent-day';
import { PROFILE, patienceSeconds, ringDecider, round3, talkSeconds } from './call-center-profile';
import { callerName, mobileNumber } from './names';

/** Callers start arriving this long after the shift opens (the first agent is in at once). */
const FIRST_CALLER_AFTER_SEC = 5;

/**
 * Runs call-center days: agents log in staggered, inbound callers arrive as a Poisson process at
 * `callRate`, agents pause, dial out and log out; the next day starts `nightSec` after the last
 * channel of the previous one has hung up.
 */
export class DayDriver {
  private day = 0;
  private agentDays = new Map<string, AgentDay>();
  private readonly memberships = new Map<string, string[]>();
  private readonly decide: RingDecider;
  private resolveFinished: () => void = () => undefined;
  readonly finished: Promise<void>;
  dayRunning = false;

  constructor(
    private readonly pbx: Pbx,
    private readonly options: ResolvedOptions,
    private readonly prng: Prng,
  ) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    this.decide = ringDecider(prng.fork(3));
    const queueNames = options.queues.map((q) => q.name);
    for (const agent of pbx.agents.values()) {
      // Every agent works the first queue; about 40 % also the second one (as in the captures).
      const extra = queueNames.slice(1).filter(() => prng.chance(0.4));
      this.memberships.set(agent.ext, [queueNames[0], ...extra]);
    }
    pbx.onAgentIdle((agent) => this.agentDays.get(agent.ext)?.onIdle());
  }

  start(): void {
    if (this.options.days <= 0) this.resolveFinished();
    else this.startDay();
  }

  private startDay(): void {
    const { dayLengthSec, pauseLimitSec, outboundPerAgentHour, callRate } = this.options;
    const dayStartUs = this.pbx.sched.nowUs;
    this.dayRunning = true;
    this.agentDays = new Map();
    let first = true;
    for (const agent of this.pbx.agents.values()) {
      const agentPrng = this.prng.fork(this.day * 10007 + Number(agent.ext));
      const day = new AgentDay(this.pbx, agent, this.membershipOf(agent), agentPrng);
      day.schedule(
        drawAgentDayPlan(this.prng, dayLengthSec, pauseLimitSec, outboundPerAgentHour, first),
        dayStartUs,
      );
      first = false;
      this.agentDays.set(agent.ext, day);
    }
    const lastArrivalUs = dayStartUs + (dayLengthSec - loginStaggerSec(dayLengthSec)) * 1e6;
    if (callRate > 0)
      this.scheduleArrival(dayStartUs + FIRST_CALLER_AFTER_SEC * 1e6, lastArrivalUs);
    this.pbx.sched.at(dayStartUs + dayLengthSec * 1e6, () => this.checkEndOfDay());
  }

  private membershipOf(agent: Agent): string[] {
    return this.memberships.get(agent.ext) ?? [];
  }

  private scheduleArrival(afterUs: number, lastUs: number): void {
    const atUs =
      afterUs + Math.round(round3(this.prng.exponential(1 / this.options.callRate)) * 1e6);
    if (atUs > lastUs) return;
    this.pbx.sched.at(atUs, () => {
      this.arrive();
      this.scheduleArrival(atUs, lastUs);
    });
  }

  private arrive(): void {
    const queue = this.prng.weighted(
      this.options.queues.map((q) => [q.name, q.trafficWeight] as const),
    );
    const call = new InboundCall(
      this.pbx,
      {
        queue,
        callerNum: mobileNumber(this.prng),
        callerName: callerName(this.prng),
        patienceSec: patienceSeconds(this.prng),
        talkSec: talkSeconds(this.prng),
        hangupBy: this.prng.chance(PROFILE.callerHangsUpShare) ? 'caller' : 'agent',
      },
      this.decide,
    );
    call.start();
  }

  /** The day is over when every agent has logged out and the last channel has hung up. */
  private checkEndOfDay(): void {
    const everyoneOut = [...this.agentDays.values()].every((d) => d.isDone);
    if (!everyoneOut || this.pbx.channels.live.size > 0) {
      this.pbx.sched.after(10, () => this.checkEndOfDay());
      return;
    }
    this.dayRunning = false;
    this.day += 1;
    if (this.day >= this.options.days) this.resolveFinished();
    else this.pbx.sched.after(this.options.nightSec, () => this.startDay());
  }
}
