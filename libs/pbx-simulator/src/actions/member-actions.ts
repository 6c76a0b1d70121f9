import { type ActionRoute } from './action-context';

/** Asterisk's `ast_true`. */
export function isTrue(value: string | undefined): boolean {
  return /^(yes|true|y|t|1|on)$/i.test((value ?? '').trim());
}

export const queueAddAction: ActionRoute = {
  writeClasses: ['agent'],
  handle: ({ pbx, frame, reply }) => {
    const queue = frame.get('Queue');
    const iface = frame.get('Interface');
    if (!queue) return reply.error("'Queue' not specified.");
    if (!iface) return reply.error("'Interface' not specified.");
    const paused = isTrue(frame.get('Paused'));
    const result = pbx.queues.addMember(queue, {
      iface,
      name: frame.get('MemberName') ?? '',
      stateInterface: frame.get('StateInterface') ?? '',
      penalty: Number.parseInt(frame.get('Penalty') ?? '0', 10) || 0,
      paused,
      reason: frame.get('Reason') ?? '',
    });
    if (result === 'ok') reply.success('Added interface to queue');
    else if (result === 'exists') reply.error('Unable to add interface: Already there');
    else reply.error('Unable to add interface to queue: No such queue');
  },
};

export const queueRemoveAction: ActionRoute = {
  writeClasses: ['agent'],
  handle: ({ pbx, frame, reply }) => {
    const queue = frame.get('Queue');
    const iface = frame.get('Interface');
    if (!queue || !iface) return reply.error("Need 'Queue' and 'Interface' parameters.");
    const result = pbx.queues.removeMember(queue, iface);
    if (result === 'ok') reply.success('Removed interface from queue');
    else if (result === 'not-there') reply.error('Unable to remove interface: Not there');
    else reply.error('Unable to remove interface from queue: No such queue');
  },
};

/** QueuePause; without `Queue` the member is (un)paused in every queue, one event each. */
export const queuePauseAction: ActionRoute = {
  writeClasses: ['agent'],
  handle: ({ pbx, frame, reply }) => {
    const iface = frame.get('Interface');
    const pausedValue = frame.get('Paused');
    if (!iface || pausedValue === undefined)
      return reply.error("Need 'Interface' and 'Paused' parameters.");
    const paused = isTrue(pausedValue);
    const changed = pbx.queues.setPaused(
      iface,
      paused,
      frame.get('Reason') ?? '',
      frame.get('Queue') || undefined,
    );
    if (changed === 0) reply.error('Interface not found');
    else
      reply.success(paused ? 'Interface paused successfully' : 'Interface unpaused successfully');
  },
};
