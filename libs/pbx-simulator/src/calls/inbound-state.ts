import { type LocalPair } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { type QueueState } from '../pbx/queue-model';
import { type AgentLeg } from './ring-attempt';

export interface InboundPlan {
  queue: string;
  callerNum: string;
  /** '' for no name (shown as `<unknown>`, like the captures). */
  callerName: string;
  /** Seconds the caller waits in the queue before abandoning. */
  patienceSec: number;
  talkSec: number;
  hangupBy: 'agent' | 'caller';
}

/** State of one inbound call, shared with the teardown helpers. */
export interface InboundCallState {
  pbx: Pbx;
  plan: InboundPlan;
  queue: QueueState;
  caller: LocalPair;
  joinUs: number;
  /** Every agent `;1` leg the caller dialed, for its CDRs (one per leg). */
  dialed: AgentLeg[];
  winner?: AgentLeg;
  connectUs?: number;
  bridgeId?: string;
}

/** The caller leg's CDRs: one per agent leg it dialed (NO ANSWER, ANSWERED for the winner). */
export function writeCallerCdrs(s: InboundCallState): void {
  const one = s.caller.one;
  const legs: Array<AgentLeg | undefined> = s.dialed.length > 0 ? s.dialed : [undefined];
  for (const leg of legs) {
    s.pbx.cdr.write({
      channel: one,
      source: one.callerNum,
      destination: s.queue.spec.name,
      destinationContext: 'queue-in',
      callerId: { num: one.callerNum, name: one.callerName },
      destinationChannel: leg ? leg.pair.one.name : '',
      lastApplication: 'Queue',
      lastData: s.queue.spec.name,
      startUs: one.createdUs,
      answerUs: one.createdUs,
      disposition: !leg || leg === s.winner ? 'ANSWERED' : 'NO ANSWER',
    });
  }
}

/** CDR of the customer's own half (`;2` of cust-in). */
export function writeCustomerCdr(
  s: InboundCallState,
  lastApplication: string,
  lastData: string,
): void {
  const two = s.caller.two;
  s.pbx.cdr.write({
    channel: two,
    source: two.callerNum,
    destination: two.exten,
    destinationContext: 'cust-in',
    callerId: { num: two.callerNum, name: two.callerName },
    destinationChannel: '',
    lastApplication,
    lastData,
    startUs: two.createdUs,
    answerUs: two.createdUs,
    disposition: 'ANSWERED',
  });
}
