import { settleAgentGap, tallyMembers } from './gap-settlement';
import { type QueueMemberFacts } from './telephony-event';

const GAP_START = 1_000_000;

function member(queue: string, callsTaken: number, lastCall: number): QueueMemberFacts {
  return {
    queue,
    interface: 'Local/1006@agents/n',
    memberName: 'Zhou Na',
    stateInterface: 'Custom:1006',
    status: 1,
    paused: false,
    pausedReason: '',
    inCall: false,
    lastCall,
    lastPause: 0,
    loginTime: 0,
    wrapupTime: 0,
    callsTaken,
  };
}

describe('settleAgentGap', () => {
  const answered = { via: 'queue' as const, answeredAt: GAP_START - 8_000 };

  it('ends the one queue leg at LastCall when CallsTaken grew by exactly that call', () => {
    const m = { callsTaken: 3, lastCallAt: GAP_START + 4_000, queues: ['support'] };
    expect(settleAgentGap([answered], 2, m, GAP_START)).toEqual({
      ends: [{ endedAt: GAP_START + 4_000, settledFrom: 'lastcall' }],
      unseen: 0,
    });
  });

  it('does not trust LastCall when a later call also ended in the gap: gap start, one unseen', () => {
    const m = { callsTaken: 4, lastCallAt: GAP_START + 30_000, queues: ['support'] };
    expect(settleAgentGap([answered], 2, m, GAP_START)).toEqual({
      ends: [{ endedAt: GAP_START, settledFrom: 'gap' }],
      unseen: 1,
    });
  });

  it('ends a dial at the gap start and counts nothing when the counts cannot be compared', () => {
    const dial = { via: 'dial' as const, answeredAt: GAP_START - 1_000 };
    // CallsTaken fell: the PBX restarted meanwhile.
    const m = { callsTaken: 0, lastCallAt: 0, queues: ['sales'] };
    expect(settleAgentGap([dial], 5, m, GAP_START)).toEqual({
      ends: [{ endedAt: GAP_START, settledFrom: 'gap' }],
      unseen: 0,
    });
  });

  it('a LastCall before the answer belongs to an earlier call', () => {
    const m = { callsTaken: 3, lastCallAt: GAP_START - 9_000, queues: ['support'] };
    expect(settleAgentGap([answered], 2, m, GAP_START).ends).toEqual([
      { endedAt: GAP_START, settledFrom: 'gap' },
    ]);
  });
});

it('tallyMembers reads one member in two queues once, with both queues', () => {
  const tallies = tallyMembers(
    [member('support', 3, 1_795_818_583), member('sales', 3, 1_795_818_583)],
    (iface) => (iface === 'Local/1006@agents/n' ? '1006' : undefined),
  );
  expect(tallies.get('1006')).toEqual({
    callsTaken: 3,
    lastCallAt: 1_795_818_583_000,
    queues: ['support', 'sales'],
  });
});
