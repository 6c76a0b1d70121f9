import { type PhoneActivity } from './agent-status';
import { type CallGraph } from './call-graph';
import { type LegBook } from './leg-book';
import { type CallDirection } from './outputs';
import { type PhoneSignals } from './phone-signals';

const RINGING = 5;

/** What an agent's phones are doing now: connected (and to whom), held, ringing, dialing. */
export function phoneActivityOf(
  agentId: string,
  graph: CallGraph,
  legs: LegBook,
  phones: PhoneSignals,
): PhoneActivity {
  let connected: CallDirection | undefined;
  let holding = false;
  let ringing = false;
  let dialing = false;
  const openLeg = legs.legsOf(agentId).find((l) => l.openPairs > 0);
  for (const ch of graph.channelsOfAgent(agentId)) {
    // A phone still ringing in a bridge (an attended transfer's consultation) talks to no one yet.
    const talking = !!graph.contactsOf(ch.uniqueid)?.size && ch.upAt !== undefined;
    if (talking) connected ??= openLeg ? openLeg.direction : 'internal';
    // The phone that holds may sit behind a Local member, away from the customer's bridge.
    if (ch.holdSince !== undefined && !ch.holdMovedBridge) holding = true;
    if (phones.ringing(ch.uniqueid) || (ch.state === RINGING && !talking)) ringing = true;
    if (phones.dialingOut(ch.uniqueid)) dialing = true;
  }
  return { connected, held: connected !== undefined && holding, ringing, dialing };
}
