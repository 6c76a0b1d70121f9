import { type ReceivedFrame } from './test-support/ami-test-client';
import { fastDay, recordRun } from './test-support/record-run';

interface Tracked {
  members: Map<string, string>;
  callers: Set<string>;
  channels: Set<string>;
}

/** Applies one event to the state a client can rebuild from the event stream alone. */
function track(state: Tracked, e: ReceivedFrame): void {
  const key = `${e.get('Queue')}|${e.get('Interface')}`;
  const memberState = (): string => `paused=${e.get('Paused')} reason=${e.get('PausedReason')}`;
  switch (e.get('Event')) {
    case 'QueueMemberAdded':
    case 'QueueMemberPause':
    case 'QueueMemberStatus':
      state.members.set(key, memberState());
      break;
    case 'QueueMemberRemoved':
      state.members.delete(key);
      break;
    case 'QueueCallerJoin':
      state.callers.add(`${e.get('Queue')}|${e.get('Uniqueid')}`);
      break;
    case 'QueueCallerLeave':
      state.callers.delete(`${e.get('Queue')}|${e.get('Uniqueid')}`);
      break;
    case 'Newchannel':
      state.channels.add(e.get('Uniqueid') as string);
      break;
    case 'Hangup':
      state.channels.delete(e.get('Uniqueid') as string);
      break;
    default:
  }
}

/** List actions sent mid-day answer with exactly the state the events have described so far. */
describe('list actions agree with the live event stream', () => {
  it('QueueStatus members/entries and CoreShowChannels match the events seen before them', async () => {
    let seen = 0;
    const run = await recordRun(
      fastDay({ seed: 5, agents: 12, callRate: 0.2, speed: 1800 }),
      (frame, client) => {
        if (frame.get('Timestamp') === undefined) return;
        seen += 1;
        // Often enough that some lists meet callers waiting even when a loaded machine runs it.
        if (seen % 150 === 0) {
          client.send('QueueStatus');
          client.send('CoreShowChannels');
        }
      },
    );
    const state: Tracked = { members: new Map(), callers: new Set(), channels: new Set() };
    const compared = { status: 0, channels: 0, withCallers: 0, withPauses: 0 };
    const frames = run.frames;
    for (let i = 0; i < frames.length; i += 1) {
      const f = frames[i];
      if (f.get('Timestamp') !== undefined) {
        track(state, f);
        continue;
      }
      if (f.get('EventList') !== 'start') continue;
      const id = f.get('ActionID');
      const items: ReceivedFrame[] = [];
      while (i + 1 < frames.length && frames[i + 1].get('EventList') !== 'Complete')
        items.push(frames[++i]);
      // A list asked for while the run was being shut down may be cut off: nothing to compare.
      if (i + 1 >= frames.length) break;
      const kind = frames[i + 1].get('Event');
      if (kind === 'QueueStatusComplete') {
        const members = new Map(
          items
            .filter((m) => m.get('Event') === 'QueueMember')
            .map((m) => [
              `${m.get('Queue')}|${m.get('Location')}`,
              `paused=${m.get('Paused')} reason=${m.get('PausedReason')}`,
            ]),
        );
        const callers = new Set(
          items
            .filter((m) => m.get('Event') === 'QueueEntry')
            .map((m) => `${m.get('Queue')}|${m.get('Uniqueid')}`),
        );
        expect({ id, members }).toEqual({ id, members: state.members });
        expect({ id, callers }).toEqual({ id, callers: state.callers });
        compared.status += 1;
        if (callers.size > 0) compared.withCallers += 1;
        if ([...members.values()].some((v) => v.startsWith('paused=1'))) compared.withPauses += 1;
      } else if (kind === 'CoreShowChannelsComplete') {
        const channels = new Set(items.map((c) => c.get('Uniqueid') as string));
        expect({ id, channels }).toEqual({ id, channels: state.channels });
        compared.channels += 1;
      }
    }
    expect(compared.status).toBeGreaterThan(20);
    // Every pair was compared, but for a last CoreShowChannels cut off by the shutdown.
    expect(compared.channels).toBeGreaterThanOrEqual(compared.status - 1);
    expect(compared.channels).toBeLessThanOrEqual(compared.status);
    expect(compared.withCallers).toBeGreaterThan(0);
    expect(compared.withPauses).toBeGreaterThan(0);
  });
});
