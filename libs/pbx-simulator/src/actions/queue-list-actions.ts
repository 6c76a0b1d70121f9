import { type Fields } from '../ami/frame';
import { type Pbx } from '../pbx/pbx';
import { percent, type QueueState } from '../pbx/queue-model';
import { type ActionRoute } from './action-context';

const LIST_NAMES: Record<string, string> = { MemberName: 'Name', Interface: 'Location' };

function selectedQueues(pbx: Pbx, name: string | undefined): QueueState[] {
  return [...pbx.queues.queues.values()].filter((q) => !name || q.spec.name === name);
}

/** QueueStatus: QueueParams, QueueMember (Name/Location, no Ringinuse), QueueEntry per queue. */
export const queueStatusAction: ActionRoute = {
  writeClasses: [],
  handle: ({ pbx, frame, reply }) => {
    const memberFilter = frame.get('Member');
    const nowUs = pbx.nowUs();
    let items = 0;
    reply.listStart('Queue status will follow');
    for (const q of selectedQueues(pbx, frame.get('Queue'))) {
      const s = q.stats;
      reply.listItem(
        'QueueParams',
        [
          ['Queue', q.spec.name],
          ['Max', '0'],
          ['Strategy', q.spec.strategy],
          ['Calls', String(q.entries.length)],
          ['Holdtime', String(s.holdtimeAvg)],
          ['TalkTime', String(s.talktimeAvg)],
          ['Completed', String(s.completed)],
          ['Abandoned', String(s.abandoned)],
          ['ServiceLevel', String(q.spec.serviceLevelSec)],
          ['ServicelevelPerf', percent(s.completedInServiceLevel, s.completed)],
          [
            'ServicelevelPerf2',
            percent(
              s.completedInServiceLevel + s.abandonedInServiceLevel,
              s.completed + s.abandoned,
            ),
          ],
          ['Weight', '0'],
        ],
        false,
      );
      items += 1;
      for (const m of q.members.values()) {
        if (memberFilter && m.iface !== memberFilter && m.name !== memberFilter) continue;
        // Same values as the member events, but named Name/Location and without Ringinuse.
        const item: Fields = pbx.queues
          .memberBlob(m)
          .filter(([k]) => k !== 'Ringinuse')
          .map(([k, v]): [string, string] => [LIST_NAMES[k] ?? k, v]);
        reply.listItem('QueueMember', item, false);
        items += 1;
      }
      q.entries.forEach((entry, index) => {
        const ch = entry.channel;
        reply.listItem(
          'QueueEntry',
          [
            ['Queue', q.spec.name],
            ['Position', String(index + 1)],
            ['Channel', ch.name],
            ['Uniqueid', ch.uniqueid],
            ['CallerIDNum', ch.callerNum],
            ['CallerIDName', ch.callerName],
            ['ConnectedLineNum', ch.connectedNum],
            ['ConnectedLineName', ch.connectedName],
            ['Wait', String(Math.floor((nowUs - entry.joinUs) / 1e6))],
            ['Priority', '0'],
          ],
          false,
        );
        items += 1;
      });
    }
    reply.listComplete('QueueStatusComplete', items);
  },
};

/** QueueSummary: LoggedIn, Available (free, unpaused, out of wrap-up), Callers, averages. */
export const queueSummaryAction: ActionRoute = {
  writeClasses: [],
  handle: ({ pbx, frame, reply }) => {
    const nowUs = pbx.nowUs();
    const queues = selectedQueues(pbx, frame.get('Queue'));
    reply.listStart('Queue summary will follow');
    for (const q of queues) {
      const members = [...q.members.values()].filter((m) => m.status !== 4 && m.status !== 5);
      const available = members.filter((m) => pbx.queues.isRingable(q, m)).length;
      const longest = q.entries.length > 0 ? Math.floor((nowUs - q.entries[0].joinUs) / 1e6) : 0;
      reply.listItem(
        'QueueSummary',
        [
          ['Queue', q.spec.name],
          ['LoggedIn', String(members.length)],
          ['Available', String(available)],
          ['Callers', String(q.entries.length)],
          ['HoldTime', String(q.stats.holdtimeAvg)],
          ['TalkTime', String(q.stats.talktimeAvg)],
          ['LongestHoldTime', String(longest)],
        ],
        false,
      );
    }
    reply.listComplete('QueueSummaryComplete', queues.length);
  },
};
