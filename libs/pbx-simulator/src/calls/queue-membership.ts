import { type Channel } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { type Member, type QueueState } from '../pbx/queue-model';

/** QueueCallerJoin: the caller takes the last position; `Queue:<q>` rings while anyone waits. */
export function joinQueue(pbx: Pbx, q: QueueState, caller: Channel): number {
  q.entries.push({ channel: caller, joinUs: pbx.nowUs(), ringing: false });
  const position = q.entries.length;
  if (position === 1) pbx.devices.change(`Queue:${q.spec.name}`, 'RINGING');
  pbx.channels.emit(
    'QueueCallerJoin',
    caller,
    [
      ['Queue', q.spec.name],
      ['Position', String(position)],
      ['Count', String(q.entries.length)],
    ],
    'agent',
  );
  return position;
}

/** Current 1-based position of a caller, 0 if gone. */
export function positionOf(q: QueueState, caller: Channel): number {
  return q.entries.findIndex((e) => e.channel === caller) + 1;
}

/** QueueCallerLeave (after the caller's abandon or its connection to an agent). */
export function leaveQueue(pbx: Pbx, q: QueueState, caller: Channel): void {
  const position = positionOf(q, caller);
  if (position === 0) return;
  q.entries.splice(position - 1, 1);
  if (q.entries.length === 0) pbx.devices.change(`Queue:${q.spec.name}`, 'NOT_INUSE');
  pbx.channels.emit(
    'QueueCallerLeave',
    caller,
    [
      ['Queue', q.spec.name],
      ['Position', String(position)],
      ['Count', String(q.entries.length)],
    ],
    'agent',
  );
}

/**
 * Members to ring now for the caller at `position` (app_queue with autofill): ringall takes every
 * free member, but only for the first waiting caller; rrmemory the next free member after the one
 * rung last, for as many waiting callers as there are free members.
 */
export function membersToRing(pbx: Pbx, q: QueueState, waitingAhead: number): Member[] {
  if (q.spec.strategy === 'ringall' && waitingAhead > 0) return [];
  const ringable = (m: Member): boolean =>
    pbx.agentByInterface(m.iface) !== undefined && pbx.queues.isRingable(q, m);
  const all = [...q.members.values()];
  if (q.spec.strategy === 'ringall') return all.filter(ringable);
  let free = 0;
  for (const m of all) if (ringable(m)) free += 1;
  if (free <= waitingAhead) return [];
  for (let step = 1; step <= all.length; step += 1) {
    const index = (q.rrCursor + step) % all.length;
    if (ringable(all[index])) {
      q.rrCursor = index;
      return [all[index]];
    }
  }
  return [];
}
