import { type ChannelSnapshot, type QueueMemberFacts } from './telephony-event';

/** What the PBX reports of its live state after a (re)connect: the core rebuilds from it. */
export interface PbxSnapshot {
  readonly at: number;
  /** When the link went down, if this snapshot follows a gap: calls gone since ended then. */
  readonly linkDownAt?: number;
  readonly members: readonly QueueMemberFacts[];
  readonly channels: readonly {
    channel: ChannelSnapshot;
    bridgeId?: string;
    ageSeconds: number;
    /** The queue a caller's channel is in (its application is `Queue`), even once answered. */
    queue?: string;
  }[];
  /** Each queue's `Completed` count (QueueParams): completions since the queue was loaded. */
  readonly completions?: readonly { queue: string; completed: number }[];
  readonly waiting: readonly { queue: string; uniqueid: string; waitSeconds: number }[];
}
