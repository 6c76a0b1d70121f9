import { UNKNOWN } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { rollingAverage } from '../pbx/queue-model';
import { snapshot } from '../pbx/snapshot';
import {
  type InboundCallState,
  type InboundPlan,
  writeCallerCdrs,
  writeCustomerCdr,
} from './inbound-state';
import { hangupAfterQueueCall } from './inbound-teardown';
import { joinQueue, leaveQueue, membersToRing, positionOf } from './queue-membership';
import { type AgentLeg, RingAttempt, type RingDecider } from './ring-attempt';

/**
 * An inbound caller as the captures show it: Originate of `Local/<num>@cust-in/n` into
 * `Queue(<q>)`, ring cycles until an agent answers or the caller abandons, talk, hang-up.
 */
export class InboundCall {
  private phase: 'waiting' | 'ringing' | 'connected' | 'done' = 'waiting';
  private attempt: RingAttempt | undefined;
  private state!: InboundCallState;
  private originalPosition = 0;

  constructor(
    private readonly pbx: Pbx,
    private readonly plan: InboundPlan,
    private readonly decide: RingDecider,
  ) {}

  start(): void {
    const pbx = this.pbx;
    const queue = pbx.queues.get(this.plan.queue);
    if (!queue) throw new Error(`no queue ${this.plan.queue}`);
    const cid = { num: this.plan.callerNum, name: this.plan.callerName || UNKNOWN };
    const caller = pbx.channels.createLocalPair({
      exten: cid.num,
      context: 'cust-in',
      oneCallerId: cid,
      oneConnected: cid,
      twoCallerId: cid,
      twoConnected: cid,
      oneConnectedLater: false,
    });
    const { one, two } = caller;
    pbx.events.emit('DialBegin', 'call', [
      ...snapshot(one, 'Dest'),
      ['DialString', `${cid.num}@cust-in/n`],
    ]);
    pbx.channels.setState(two, 6);
    pbx.channels.setState(one, 6);
    pbx.events.emit('DialEnd', 'call', [...snapshot(one, 'Dest'), ['DialStatus', 'ANSWER']]);
    Object.assign(two, { priority: 6, application: 'Wait', appData: '0.25' });
    Object.assign(one, {
      context: 'queue-in',
      exten: queue.spec.name,
      application: 'Queue',
      appData: queue.spec.name,
    });
    this.state = { pbx, plan: this.plan, queue, caller, joinUs: pbx.nowUs(), dialed: [] };
    this.originalPosition = joinQueue(pbx, queue, one);
    pbx.channels.emit('MusicOnHoldStart', one, [['Class', 'default']]);
    pbx.events.emit('OriginateResponse', 'call', [
      ['ActionID', pbx.nextGeneratorActionId()],
      ['Response', 'Success'],
      ['Channel', one.name],
      ['Context', 'queue-in'],
      ['Exten', queue.spec.name],
      ['Reason', '4'],
      ['Uniqueid', one.uniqueid],
      ['CallerIDNum', cid.num],
      ['CallerIDName', cid.name],
    ]);
    pbx.counters.inboundOffered += 1;
    pbx.sched.after(this.plan.patienceSec, () => this.abandon());
    pbx.sched.after(0.001, () => this.tryRing());
  }

  private tryRing(): void {
    if (this.phase !== 'waiting') return;
    const q = this.state.queue;
    const me = positionOf(q, this.state.caller.one);
    const waitingAhead = q.entries.slice(0, me - 1).filter((e) => !e.ringing).length;
    const members = membersToRing(this.pbx, q, waitingAhead);
    if (members.length === 0) {
      this.pbx.sched.after(q.spec.retrySec, () => this.tryRing());
      return;
    }
    this.phase = 'ringing';
    q.entries[me - 1].ringing = true;
    this.attempt = new RingAttempt(this.pbx, this.state.caller.one, q, members, this.decide, {
      onAnswer: (winner) => this.connect(winner),
      onNoAnswer: () => this.afterRingNoAnswer(),
    });
    this.state.dialed.push(...this.attempt.legs);
  }

  private afterRingNoAnswer(): void {
    this.phase = 'waiting';
    this.attempt = undefined;
    const entry = this.state.queue.entries[positionOf(this.state.queue, this.state.caller.one) - 1];
    if (entry) entry.ringing = false;
    this.pbx.sched.after(this.state.queue.spec.retrySec, () => this.tryRing());
  }

  private connect(winner: AgentLeg): void {
    const { pbx, queue: q, caller } = this.state;
    this.phase = 'connected';
    const holdSec = Math.floor((pbx.nowUs() - this.state.joinUs) / 1e6);
    const ringSec = Math.floor((pbx.nowUs() - winner.startUs) / 1e6);
    pbx.channels.emit('MixMonitorStart', caller.one);
    leaveQueue(pbx, q, caller.one);
    pbx.events.emit('AgentConnect', 'agent', [
      ...snapshot(caller.one),
      ...snapshot(winner.pair.one, 'Dest'),
      ['Queue', q.spec.name],
      ['Interface', winner.member.iface],
      ['MemberName', winner.member.name],
      ['HoldTime', String(holdSec)],
      ['RingTime', String(ringSec)],
    ]);
    const bridgeId = pbx.bridges.create();
    pbx.bridges.enter(bridgeId, winner.pair.one);
    pbx.bridges.enter(bridgeId, caller.one);
    Object.assign(this.state, { winner, connectUs: pbx.nowUs(), bridgeId });
    caller.two.appData = this.plan.hangupBy === 'caller' ? String(this.plan.talkSec) : '600';
    q.stats.holdtimeAvg = rollingAverage(q.stats.holdtimeAvg, holdSec);
    pbx.queues.setInCall(q.spec.name, winner.member.iface, 1);
    pbx.counters.inboundAnswered += 1;
    pbx.sched.after(0.5, () => {
      if (this.phase === 'connected') pbx.setAgentPhone(winner.agent, 'INUSE');
    });
    pbx.sched.after(this.plan.talkSec, () => {
      this.phase = 'done';
      hangupAfterQueueCall(this.state, this.plan.hangupBy);
    });
  }

  private abandon(): void {
    if (this.phase === 'connected' || this.phase === 'done') return;
    this.phase = 'done';
    const { pbx, queue: q, caller } = this.state;
    const ch = pbx.channels;
    const holdSec = Math.floor((pbx.nowUs() - this.state.joinUs) / 1e6);
    caller.two.priority = 9;
    ch.softHangupRequest(caller.two);
    ch.hangupRequest(caller.one);
    ch.emit('MusicOnHoldStop', caller.one);
    this.attempt?.abandon();
    writeCallerCdrs(this.state);
    ch.emit(
      'QueueCallerAbandon',
      caller.one,
      [
        ['Queue', q.spec.name],
        ['Position', String(positionOf(q, caller.one))],
        ['OriginalPosition', String(this.originalPosition)],
        ['HoldTime', String(holdSec)],
      ],
      'agent',
    );
    leaveQueue(pbx, q, caller.one);
    ch.softHangupRequest(caller.one);
    ch.hangup(caller.one);
    writeCustomerCdr(this.state, 'Hangup', '');
    ch.hangup(caller.two);
    pbx.devices.publish(caller.one.device, 'NOT_INUSE');
    pbx.devices.publish(caller.two.device, 'NOT_INUSE');
    this.attempt?.finishAbandoned();
    q.stats.abandoned += 1;
    if (holdSec <= q.spec.serviceLevelSec) q.stats.abandonedInServiceLevel += 1;
    pbx.counters.inboundAbandoned += 1;
  }
}
