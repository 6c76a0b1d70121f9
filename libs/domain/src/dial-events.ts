import { type CallGraph, type ChannelFact } from './call-graph';
import { type DayBook } from './day-book';
import { type LegBook } from './leg-book';
import { type CoreOutput } from './outputs';
import { type PhoneSignals } from './phone-signals';
import { type ChannelSnapshot, type DialStatus } from './telephony-event';

/** What dial events act on: the channels, the phones' signals, the legs and the day's records. */
export interface DialContext {
  readonly graph: CallGraph;
  readonly phones: PhoneSignals;
  readonly legs: LegBook;
  readonly days: DayBook;
  readonly emit: (output: CoreOutput) => void;
  /** The agent of this channel, if any, must be re-derived. */
  readonly touch: (ch: ChannelFact | undefined) => void;
}

/**
 * A dial begins: an agent dialing a customer starts an outbound leg, an agent dialing a
 * colleague is an internal call, a customer dialing an agent's phone is an inbound call.
 */
export function dialBegan(
  ctx: DialContext,
  callerSnap: ChannelSnapshot | undefined,
  destSnap: ChannelSnapshot,
  at: number,
): void {
  if (ctx.graph.hasEnded(destSnap.uniqueid)) return;
  const dest = ctx.graph.upsert(destSnap, at);
  const caller = callerSnap ? ctx.graph.upsert(callerSnap, at) : undefined;
  ctx.phones.dialBegan(dest.uniqueid, caller?.uniqueid);
  if (dest.agentId) ctx.phones.connectingAs(dest.uniqueid, 'ringing');
  ctx.touch(dest);
  ctx.touch(caller);
  if (!caller?.agentId) {
    if (caller && dest.agentId && !ctx.phones.isQueueRing(dest.uniqueid)) caller.origin = 'inbound';
    return;
  }
  if (dest.agentId) {
    if (dest.agentId !== caller.agentId) {
      const call = ctx.days.internalCall(caller.agentId, dest.agentId, caller.uniqueid, at);
      ctx.emit({ type: 'internal-call', call });
    }
    return;
  }
  dest.origin = 'outbound';
  dest.number = dialedNumber(callerSnap!, destSnap);
  ctx.legs.dialStarted(caller.agentId, caller, dest, dest.number, at);
}

/**
 * A dial ends: its outcome goes to the outbound leg; an answered callee keeps ringing and an
 * answered caller keeps dialing until they are bridged.
 */
export function dialEnded(
  ctx: DialContext,
  callerSnap: ChannelSnapshot | undefined,
  destSnap: ChannelSnapshot,
  status: DialStatus,
  at: number,
): void {
  const dest = ctx.graph.upsert(destSnap, at);
  const callerUniqueid = ctx.phones.dialEnded(dest.uniqueid);
  if (status !== 'ANSWER') ctx.phones.stopRinging(dest.uniqueid);
  ctx.touch(dest);
  // The dial is forgotten when the callee hung up before its DialEnd: the event names the caller.
  const caller = callerUniqueid
    ? ctx.graph.channels.get(callerUniqueid)
    : callerSnap && ctx.graph.upsert(callerSnap, at);
  // An answer to an originate, or to the agent's own Local member leg, needs no bridge to end the ring.
  if (status !== 'ANSWER' || !caller || caller.agentId === dest.agentId)
    ctx.phones.stopConnecting(dest.uniqueid);
  if (
    status === 'ANSWER' &&
    caller?.agentId &&
    caller.agentId !== dest.agentId &&
    !ctx.graph.contactsOf(caller.uniqueid)?.size
  ) {
    ctx.phones.connectingAs(caller.uniqueid, 'dialing');
  }
  ctx.touch(caller);
  if (caller?.agentId && !dest.agentId)
    ctx.legs.dialEnded(caller.agentId, dest.uniqueid, status, at);
}

/** The number an agent dialed: the extension its channel was executing, else the callee's id. */
function dialedNumber(caller: ChannelSnapshot, dest: ChannelSnapshot): string {
  return /^\+?[0-9*#]{3,}$/.test(caller.exten) ? caller.exten : dest.callerNum;
}
