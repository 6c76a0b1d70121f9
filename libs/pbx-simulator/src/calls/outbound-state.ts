import { type Agent, type LocalPair } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';

export type OutboundOutcome = 'answered' | 'noanswer' | 'busy' | 'congestion';

export interface OutboundPlan {
  agent: Agent;
  number: string;
  outcome: OutboundOutcome;
  /** Ring time before the customer answers, or before busy / congestion. */
  customerRingSec: number;
  dialTimeoutSec: number;
  talkSec: number;
  hangupBy: 'agent' | 'customer';
  recorded: boolean;
  /** ActionID of the Originate (a client's, or the simulated generator's). */
  actionId: string;
}

/** Channels of a click-to-dial call, shared with its teardown. */
export interface OutboundCallState {
  pbx: Pbx;
  plan: OutboundPlan;
  phone: LocalPair;
  customer?: LocalPair;
  bridgeId?: string;
  customerAnswerUs?: number;
}
