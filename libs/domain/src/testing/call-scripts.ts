import { type DialStatus } from '../telephony-event';
import {
  type Chan,
  DEVICE_RINGING,
  INUSE,
  NOT_INUSE,
  RING,
  RINGING,
  type Scenario,
  UP,
} from './scenario';

/** A customer on the trunk in (or out of) a queue; `bridge` is the queue's bridge with the agent. */
export interface QueueCall {
  readonly queue: string;
  readonly customer: Chan;
  readonly bridge: string;
}

/** What a queue rings for an agent: the Local member pair, and the phone its ;2 dials. */
export interface MemberLeg {
  readonly agentId: string;
  readonly one: Chan;
  readonly two: Chan;
  readonly phone: Chan;
  /** The bridge of ;2 with the phone (app_dial's). */
  readonly bridge: string;
}

export interface OutboundCall {
  readonly agentId: string;
  readonly phone: Chan;
  readonly customer: Chan;
  readonly bridge: string;
}

let bridges = 0;
const newBridge = (): string => `bridge-${(++bridges).toString().padStart(4, '0')}`;

/** A customer calls the center: the trunk channel rings, the queue answers it and it waits. */
export function incoming(sc: Scenario, queue: string, number: string): QueueCall {
  const customer = sc.trunk(number, { state: RING, context: 'from-trunk', exten: '4000' });
  sc.created(customer).setState(customer, UP).joined(queue, customer);
  return { queue, customer, bridge: newBridge() };
}

/** The queue rings the agent's Local member; the member's ;2 dials the agent's PJSIP phone. */
export function ringMember(sc: Scenario, call: QueueCall, agentId: string): MemberLeg {
  const { customer } = call;
  const pair = sc.localPair(`${agentId}@agents`, {
    linkedid: customer.linkedid,
    callerNum: customer.callerNum,
  });
  const phone = sc.phone(agentId, { linkedid: customer.linkedid, callerNum: customer.callerNum });
  sc.created(pair.one, pair.two).localBridge(pair);
  sc.agentCalled(call.queue, agentId, customer, pair.one).dialBegin(customer, pair.one);
  sc.created(phone).dialBegin(pair.two, phone).setState(phone, RINGING).setState(pair.one, RINGING);
  sc.memberStatus(agentId, DEVICE_RINGING);
  return { agentId, ...pair, phone, bridge: newBridge() };
}

/** The phone answers: ;2 bridges with it, then the queue connects the caller with ;1. */
export function answerMember(sc: Scenario, call: QueueCall, leg: MemberLeg, waitSeconds = 0): void {
  const { customer } = call;
  sc.setState(leg.phone, UP)
    .dialEnd(leg.two, leg.phone, 'ANSWER')
    .setState(leg.two, UP)
    .setState(leg.one, UP);
  sc.enter(leg.bridge, leg.two)
    .enter(leg.bridge, leg.phone)
    .memberStatus(leg.agentId, INUSE, { inCall: true });
  sc.dialEnd(customer, leg.one, 'ANSWER').left(call.queue, customer);
  sc.agentConnected(call.queue, leg.agentId, customer, leg.one, waitSeconds);
  sc.enter(call.bridge, leg.one).enter(call.bridge, customer);
}

/** Another member rung by a ringall that lost: its dial is cancelled and its channels hang up. */
export function cancelMember(sc: Scenario, call: QueueCall, leg: MemberLeg): void {
  sc.dialEnd(call.customer, leg.one, 'CANCEL').dialEnd(leg.two, leg.phone, 'CANCEL');
  sc.hangup(leg.phone, 26).hangup(leg.two, 26).hangup(leg.one, 26);
  sc.memberStatus(leg.agentId, NOT_INUSE);
}

/** The queue's member-side channels end: ;1 leaves the caller's bridge and the pair hangs up. */
function memberLegGone(sc: Scenario, call: QueueCall, leg: MemberLeg): void {
  sc.leave(call.bridge, leg.one).hangup(leg.one);
}

/**
 * The agent hangs up its phone, in the order Asterisk reports it: the phone's side first, the
 * member's status (LastCall) and AgentComplete, then ;1 and finally the customer.
 */
export function agentHangsUp(
  sc: Scenario,
  call: QueueCall,
  leg: MemberLeg,
  talkSeconds: number,
): void {
  sc.leave(leg.bridge, leg.phone).hangup(leg.phone).leave(leg.bridge, leg.two).hangup(leg.two);
  sc.memberStatus(leg.agentId, NOT_INUSE, { inCall: false, lastCall: Math.floor(sc.now / 1000) });
  sc.agentCompleted(call.queue, leg.agentId, call.customer, talkSeconds, 'agent');
  memberLegGone(sc, call, leg);
  sc.leave(call.bridge, call.customer).hangup(call.customer);
}

/** The customer hangs up: AgentComplete (reason caller) comes first, then the bridge empties. */
export function customerHangsUp(
  sc: Scenario,
  call: QueueCall,
  leg: MemberLeg,
  talkSeconds: number,
): void {
  sc.agentCompleted(call.queue, leg.agentId, call.customer, talkSeconds, 'caller');
  sc.leave(call.bridge, call.customer).hangup(call.customer);
  memberLegGone(sc, call, leg);
  sc.leave(leg.bridge, leg.two).hangup(leg.two).leave(leg.bridge, leg.phone).hangup(leg.phone);
  sc.memberStatus(leg.agentId, NOT_INUSE, { inCall: false, lastCall: Math.floor(sc.now / 1000) });
}

/** A whole queue call of `talkSeconds`: rings `ringSeconds`, the agent hangs up. */
export function queueCall(
  sc: Scenario,
  start: number,
  o: { queue?: string; number: string; agentId: string; ringSeconds?: number; talkSeconds: number },
): { call: QueueCall; leg: MemberLeg } {
  const answerAt = start + (o.ringSeconds ?? 5);
  sc.at(start);
  const call = incoming(sc, o.queue ?? 'support', o.number);
  const leg = ringMember(sc, call, o.agentId);
  sc.at(answerAt);
  answerMember(sc, call, leg);
  sc.at(answerAt + o.talkSeconds);
  agentHangsUp(sc, call, leg, Math.round(o.talkSeconds));
  return { call, leg };
}

/** The agent's phone dials a number on the trunk; the customer's channel rings. */
export function dialOut(sc: Scenario, agentId: string, number: string): OutboundCall {
  const phone = sc.phone(agentId, {
    state: RING,
    callerNum: agentId,
    context: 'from-internal',
    exten: number,
  });
  const customer = sc.trunk('', {
    linkedid: phone.linkedid,
    context: 'from-internal',
    exten: number,
  });
  sc.created(phone, customer).dialBegin(phone, customer).setState(customer, RINGING);
  return { agentId, phone, customer, bridge: newBridge() };
}

/** The agent's phone dials a colleague's phone. */
export function dialColleague(sc: Scenario, agentId: string, colleague: string): OutboundCall {
  const phone = sc.phone(agentId, {
    state: RING,
    callerNum: agentId,
    context: 'from-internal',
    exten: colleague,
  });
  const customer = sc.phone(colleague, { linkedid: phone.linkedid, callerNum: colleague });
  sc.created(phone, customer).dialBegin(phone, customer).setState(customer, RINGING);
  return { agentId, phone, customer, bridge: newBridge() };
}

export function answerOut(sc: Scenario, call: OutboundCall): void {
  sc.setState(call.customer, UP)
    .dialEnd(call.phone, call.customer, 'ANSWER')
    .setState(call.phone, UP);
  sc.enter(call.bridge, call.phone).enter(call.bridge, call.customer);
}

/** The customer hangs up an answered call. */
export function hangUpOut(sc: Scenario, call: OutboundCall): void {
  sc.leave(call.bridge, call.customer)
    .hangup(call.customer)
    .leave(call.bridge, call.phone)
    .hangup(call.phone);
}

/** The dial ends without an answer: DialEnd with that status, then both channels hang up. */
export function failOut(sc: Scenario, call: OutboundCall, status: DialStatus): void {
  sc.dialEnd(call.phone, call.customer, status).hangup(call.customer, 19).hangup(call.phone, 19);
}

/** A whole answered outbound call of `talkSeconds` (ringing `ringSeconds` first). */
export function outboundCall(
  sc: Scenario,
  start: number,
  o: { agentId: string; number: string; ringSeconds?: number; talkSeconds: number },
): OutboundCall {
  sc.at(start);
  const call = dialOut(sc, o.agentId, o.number);
  const answerAt = start + (o.ringSeconds ?? 5);
  sc.at(answerAt);
  answerOut(sc, call);
  sc.at(answerAt + o.talkSeconds);
  hangUpOut(sc, call);
  return call;
}
