import { rollingAverage } from '../pbx/queue-model';
import { snapshot } from '../pbx/snapshot';
import { type InboundCallState, writeCallerCdrs, writeCustomerCdr } from './inbound-state';
import { type AgentLeg } from './ring-attempt';

/**
 * End of a connected queue call, in the order of the captures: the side that hangs up first
 * (`agent`: the agent's `;2`, `caller`: the customer's `;2`), AgentComplete with whole-second
 * TalkTime, BridgeLeave before each Hangup, CDRs, and the member back to NOT_INUSE with
 * CallsTaken + 1 and LastCall = now (wrap-up starts).
 */
export function hangupAfterQueueCall(s: InboundCallState, by: 'agent' | 'caller'): void {
  const { pbx, caller } = s;
  const winner = s.winner as AgentLeg;
  const ch = pbx.channels;
  const agentOne = winner.pair.one;
  const agentTwo = winner.pair.two;
  const talkSec = Math.floor((pbx.nowUs() - (s.connectUs as number)) / 1e6);
  const holdSec = Math.floor(((s.connectUs as number) - s.joinUs) / 1e6);
  // MixMonitor (option b) recorded the bridged part; its file is named after the caller leg.
  pbx.recordings.record(
    `${caller.one.uniqueid}.wav`,
    (pbx.nowUs() - (s.connectUs as number)) / 1e6,
  );
  const agentComplete = (): void =>
    pbx.events.emit('AgentComplete', 'agent', [
      ...snapshot(caller.one),
      ...snapshot(agentOne, 'Dest'),
      ['Queue', s.queue.spec.name],
      ['Interface', winner.member.iface],
      ['MemberName', winner.member.name],
      ['HoldTime', String(holdSec)],
      ['TalkTime', String(talkSec)],
      ['Reason', by],
    ]);
  if (by === 'agent') {
    agentTwo.priority = 16;
    ch.softHangupRequest(agentTwo);
    memberIdle(s, winner);
    writeAgentCdr(s, winner);
    writeCallerCdrs(s);
    writeCustomerCdr(s, 'Wait', '600');
    ch.hangupRequest(agentOne);
    agentComplete();
    ch.hangup(agentTwo);
    pbx.bridges.leave(agentOne);
    ch.hangup(agentOne);
    pbx.bridges.leave(caller.one);
    pbx.bridges.destroyIfEmpty(s.bridgeId as string);
    ch.softHangupRequest(caller.one);
    ch.hangupRequest(caller.two);
    ch.hangup(caller.one);
    ch.softHangupRequest(caller.two);
    ch.hangup(caller.two);
  } else {
    caller.two.priority = 14;
    ch.softHangupRequest(caller.two);
    ch.hangupRequest(caller.one);
    writeCustomerCdr(s, 'Hangup', '');
    agentComplete();
    ch.hangup(caller.two);
    pbx.bridges.leave(caller.one);
    writeCallerCdrs(s);
    ch.softHangupRequest(caller.one);
    pbx.bridges.leave(agentOne);
    ch.hangupRequest(agentTwo);
    ch.hangup(agentOne);
    pbx.bridges.destroyIfEmpty(s.bridgeId as string);
    ch.softHangupRequest(agentTwo);
    ch.hangup(caller.one);
    memberIdle(s, winner);
    writeAgentCdr(s, winner);
    ch.hangup(agentTwo);
  }
  pbx.devices.publish(agentOne.device, 'NOT_INUSE');
  pbx.devices.publish(caller.one.device, 'NOT_INUSE');
  pbx.devices.publish(caller.two.device, 'NOT_INUSE');
  pbx.devices.publish(agentTwo.device, 'NOT_INUSE');
  const stats = s.queue.stats;
  stats.completed += 1;
  if (holdSec <= s.queue.spec.serviceLevelSec) stats.completedInServiceLevel += 1;
  stats.talktimeAvg = rollingAverage(stats.talktimeAvg, talkSec);
}

/** update_queue, then the hangup handler's NOT_INUSE: the QueueMemberStatus shows CallsTaken + 1. */
function memberIdle(s: InboundCallState, winner: AgentLeg): void {
  s.pbx.queues.completeCall(s.queue.spec.name, winner.member.iface);
  s.pbx.setAgentPhone(winner.agent, 'NOT_INUSE');
}

function writeAgentCdr(s: InboundCallState, winner: AgentLeg): void {
  const two = winner.pair.two;
  s.pbx.cdr.write({
    channel: two,
    source: s.caller.one.callerNum,
    destination: winner.agent.ext,
    destinationContext: 'agents',
    callerId: { num: s.caller.one.callerNum, name: s.caller.one.callerName },
    destinationChannel: '',
    lastApplication: 'Return',
    lastData: '',
    startUs: two.createdUs,
    answerUs: winner.answerUs,
    disposition: 'ANSWERED',
  });
}
