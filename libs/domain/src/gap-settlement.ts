import { type LegVia } from './outputs';
import { type QueueMemberFacts } from './telephony-event';

/** One agent as a resync's QueueMember rows give it: `CallsTaken`/`LastCall` are per member. */
export interface MemberTally {
  readonly callsTaken: number;
  /** End of the member's last queue call, epoch ms; 0 = none. */
  readonly lastCallAt: number;
  readonly queues: readonly string[];
}

/** What the core knew of a leg the link lost sight of. */
export interface GoneLeg {
  readonly via: LegVia;
  readonly answeredAt?: number;
}

export interface AgentGapSettlement {
  /** One per gone leg, in the same order. */
  readonly ends: readonly { readonly endedAt: number; readonly settledFrom: 'lastcall' | 'gap' }[];
  /** Queue calls that began and ended inside the gap. */
  readonly unseen: number;
}

/**
 * Settles an agent's legs that ended unseen during a link gap from the resync's own answers.
 * `CallsTaken` grew by the calls that ended in the gap; when that is exactly the one queue leg
 * we knew of, `LastCall` is its end (to the second). Otherwise `LastCall` may belong to a later,
 * unseen call, so the gone legs end at the gap's start and the surplus counts as unseen calls.
 */
export function settleAgentGap(
  gone: readonly GoneLeg[],
  takenBefore: number | undefined,
  member: MemberTally | undefined,
  gapStart: number,
): AgentGapSettlement {
  const queueLegs = gone.filter((leg) => leg.via === 'queue').length;
  // A smaller count means the PBX restarted meanwhile: nothing to compare with.
  const grown =
    member && takenBefore !== undefined && member.callsTaken >= takenBefore
      ? member.callsTaken - takenBefore
      : undefined;
  const lastCallFits = queueLegs === 1 && grown === 1;
  const ends = gone.map((leg) =>
    lastCallFits &&
    leg.via === 'queue' &&
    leg.answeredAt !== undefined &&
    member!.lastCallAt > leg.answeredAt
      ? { endedAt: member!.lastCallAt, settledFrom: 'lastcall' as const }
      : { endedAt: gapStart, settledFrom: 'gap' as const },
  );
  return { ends, unseen: grown === undefined ? 0 : Math.max(0, grown - queueLegs) };
}

/** The resync's member rows per agent. */
export function tallyMembers(
  members: readonly QueueMemberFacts[],
  agentOfInterface: (iface: string) => string | undefined,
): Map<string, MemberTally> {
  const tallies = new Map<string, MemberTally>();
  for (const m of members) {
    const agentId = agentOfInterface(m.interface);
    if (!agentId) continue;
    const known = tallies.get(agentId);
    tallies.set(agentId, {
      callsTaken: Math.max(known?.callsTaken ?? 0, m.callsTaken),
      lastCallAt: Math.max(known?.lastCallAt ?? 0, m.lastCall * 1000),
      queues: [...(known?.queues ?? []), m.queue],
    });
  }
  return tallies;
}
