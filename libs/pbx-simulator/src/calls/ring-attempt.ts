import { type Agent, type Channel, type LocalPair, UNKNOWN } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { type Member, type QueueState } from '../pbx/queue-model';
import { snapshot } from '../pbx/snapshot';

/** One agent leg `Local/<ext>@agents-XXXXXXXX;1/;2` rung for a queue caller. */
export interface AgentLeg {
  agent: Agent;
  member: Member;
  pair: LocalPair;
  /** Seconds after the start of the ring until this agent answers; undefined = never. */
  answerAfterSec: number | undefined;
  startUs: number;
  answerUs?: number;
}

/** Decides, per agent rung, whether and when it answers. */
export type RingDecider = (agent: Agent, queue: QueueState) => number | undefined;

export interface RingOutcome {
  onAnswer(winner: AgentLeg): void;
  onNoAnswer(): void;
}

/**
 * One ring cycle of app_queue for one caller: an agent leg per member rung (ringall: all free
 * members, rrmemory: the next one), then either the first answer (losers CANCEL, Hangup cause
 * 26) or the member timeout (AgentRingNoAnswer with RingTime in ms, DialEnd NOANSWER).
 */
export class RingAttempt {
  readonly legs: AgentLeg[] = [];
  private active = true;

  constructor(
    private readonly pbx: Pbx,
    private readonly caller: Channel,
    private readonly queue: QueueState,
    members: readonly Member[],
    decide: RingDecider,
    private readonly outcome: RingOutcome,
  ) {
    const ch = pbx.channels;
    const cid = { num: caller.callerNum, name: caller.callerName };
    const queueName = queue.spec.name;
    for (const member of members) {
      const agent = pbx.agentByInterface(member.iface) as Agent;
      const pair = ch.createLocalPair({
        exten: agent.ext,
        context: 'agents',
        linkedid: caller.linkedid,
        oneCallerId: cid,
        oneConnected: { num: UNKNOWN, name: UNKNOWN },
        twoCallerId: cid,
        twoConnected: cid,
        oneConnectedLater: true,
      });
      pair.one.application = 'AppQueue';
      pair.one.appData = '(Outgoing Line)';
      pair.two.application = 'Wait';
      pair.two.appData = '600';
      // app_queue's own snapshot of the member channel already carries the queue exten.
      const seenByQueue = {
        ...pair.one,
        exten: queueName,
        connectedNum: cid.num,
        connectedName: cid.name,
      };
      pbx.events.emit('AgentCalled', 'agent', [
        ...snapshot(caller),
        ...snapshot(seenByQueue, 'Dest'),
        ['Queue', queueName],
        ['Interface', member.iface],
        ['MemberName', member.name],
      ]);
      pbx.events.emit('DialBegin', 'call', [
        ...snapshot(caller),
        ...snapshot(pair.one, 'Dest'),
        ['DialString', member.iface],
      ]);
      const answerAfterSec = decide(agent, queue);
      this.legs.push({ agent, member, pair, answerAfterSec, startUs: pbx.nowUs() });
    }
    for (const leg of this.legs) {
      pbx.setAgentPhone(leg.agent, 'RINGING');
      leg.pair.one.exten = queueName;
      ch.setState(leg.pair.one, 5, false);
      ch.setConnected(leg.pair.one, cid);
      leg.pair.two.priority = leg.answerAfterSec === undefined ? 17 : 8;
    }
    for (const leg of this.legs) pbx.devices.publish(leg.pair.one.device, 'INUSE');
    for (const leg of this.legs) this.dialEvent('DialState', leg, 'RINGING');
    this.schedule();
  }

  get isActive(): boolean {
    return this.active;
  }

  /** The caller went away while ringing: every leg is cancelled (Hangup cause 0). */
  abandon(): void {
    if (!this.active) return;
    this.active = false;
    for (const leg of this.legs) this.cancelLeg(leg, 0);
  }

  /** The `;2` halves end a little later, after the caller side has been torn down. */
  finishAbandoned(): void {
    for (const leg of this.legs) this.finishLoser(leg, 0);
  }

  private schedule(): void {
    const timeout = this.queue.spec.timeoutSec;
    let winner: AgentLeg | undefined;
    for (const leg of this.legs) {
      const after = leg.answerAfterSec;
      if (
        after !== undefined &&
        after < timeout &&
        (!winner || after < (winner.answerAfterSec as number))
      )
        winner = leg;
    }
    if (winner) {
      const w = winner;
      this.pbx.sched.after(w.answerAfterSec as number, () => this.answer(w));
    } else {
      this.pbx.sched.after(timeout, () => this.ringNoAnswer());
    }
  }

  private answer(winner: AgentLeg): void {
    if (!this.active) return;
    this.active = false;
    const ch = this.pbx.channels;
    winner.answerUs = this.pbx.nowUs();
    winner.pair.two.priority = 9;
    winner.pair.two.appData = '600';
    ch.setState(winner.pair.two, 6, false);
    ch.setState(winner.pair.one, 6, true);
    this.dialEvent('DialEnd', winner, 'ANSWER');
    const losers = this.legs.filter((l) => l !== winner);
    for (const leg of losers) this.cancelLeg(leg, 26);
    ch.emit('MusicOnHoldStop', this.caller);
    for (const leg of losers) this.finishLoser(leg, 26);
    this.outcome.onAnswer(winner);
  }

  private ringNoAnswer(): void {
    if (!this.active) return;
    this.active = false;
    const ringMs = String(this.queue.spec.timeoutSec * 1000);
    for (const leg of this.legs) {
      this.pbx.events.emit('AgentRingNoAnswer', 'agent', [
        ...snapshot(this.caller),
        ...snapshot(leg.pair.one, 'Dest'),
        ['Queue', this.queue.spec.name],
        ['Interface', leg.member.iface],
        ['MemberName', leg.member.name],
        ['RingTime', ringMs],
      ]);
    }
    for (const leg of this.legs) this.dialEvent('DialEnd', leg, 'NOANSWER');
    for (const leg of this.legs) this.cancelLeg(leg, 0);
    for (const leg of this.legs) this.finishLoser(leg, 0);
    this.outcome.onNoAnswer();
  }

  /** DialEnd CANCEL (sometimes twice, as Asterisk does), then the `;1` leg goes. */
  private cancelLeg(leg: AgentLeg, cause: 0 | 26): void {
    this.dialEvent('DialEnd', leg, 'CANCEL');
    if (cause === 26 && this.pbx.prng.chance(0.25)) this.dialEvent('DialEnd', leg, 'CANCEL');
    this.pbx.channels.hangupRequest(leg.pair.two, cause);
    this.pbx.channels.hangup(leg.pair.one, cause);
  }

  /** The agent's `;2` half: hangup handler resets the phone to NOT_INUSE, then it hangs up. */
  private finishLoser(leg: AgentLeg, cause: 0 | 26): void {
    const { two } = leg.pair;
    const ch = this.pbx.channels;
    if (!ch.isLive(two)) return;
    ch.softHangupRequest(two, 16);
    this.pbx.cdr.write({
      channel: two,
      source: this.caller.callerNum,
      destination: leg.agent.ext,
      destinationContext: 'agents',
      callerId: { num: this.caller.callerNum, name: this.caller.callerName },
      destinationChannel: '',
      lastApplication: 'Return',
      lastData: '',
      startUs: two.createdUs,
      answerUs: undefined,
      disposition: 'NO ANSWER',
    });
    this.pbx.setAgentPhone(leg.agent, 'NOT_INUSE');
    ch.hangup(two, cause);
    this.pbx.devices.publish(two.device, 'NOT_INUSE');
  }

  private dialEvent(name: 'DialState' | 'DialEnd', leg: AgentLeg, status: string): void {
    this.pbx.events.emit(name, 'call', [
      ...snapshot(this.caller),
      ...snapshot(leg.pair.one, 'Dest'),
      ['DialStatus', status],
    ]);
  }
}
