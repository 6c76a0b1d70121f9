/**
 * The vocabulary the AMI adapter hands the core: typed facts about channels, bridges, dials,
 * queues and the PBX, with AMI's spelling and units already normalised away.
 * `at` is epoch milliseconds (the event's Timestamp header, else its receive time).
 */
export type DialStatus =
  'ANSWER' | 'BUSY' | 'NOANSWER' | 'CANCEL' | 'CONGESTION' | 'CHANUNAVAIL' | 'ABORT' | 'OTHER';

export interface ChannelSnapshot {
  readonly uniqueid: string;
  readonly linkedid: string;
  readonly channel: string;
  /** Numeric ChannelState: 4 Ring, 5 Ringing, 6 Up, ... */
  readonly state: number;
  readonly callerNum: string;
  readonly callerName: string;
  readonly context: string;
  readonly exten: string;
}

/** A queue member as one queue sees it (QueueMember* events and QueueStatus rows). */
export interface QueueMemberFacts {
  readonly queue: string;
  readonly interface: string;
  readonly memberName: string;
  readonly stateInterface: string;
  /** Device state number of the member (1 not in use, 2 in use, 6 ringing, 5 unavailable ...). */
  readonly status: number;
  readonly paused: boolean;
  readonly pausedReason: string;
  readonly inCall: boolean;
  /** Epoch seconds of the end of the member's last queue call, 0 = none. */
  readonly lastCall: number;
  /** Epoch seconds of the last pause, 0 = none. */
  readonly lastPause: number;
  /** Epoch seconds when the member was added, 0 = unknown. */
  readonly loginTime: number;
  /** Member wrap-up override in seconds, 0 = the queue's. */
  readonly wrapupTime: number;
  readonly callsTaken: number;
}

interface At {
  readonly at: number;
}

export type TelephonyEvent =
  | (At & { readonly type: 'channel-created'; readonly channel: ChannelSnapshot })
  | (At & { readonly type: 'channel-state'; readonly channel: ChannelSnapshot })
  | (At & { readonly type: 'channel-renamed'; readonly uniqueid: string; readonly newName: string })
  | (At & { readonly type: 'hangup-requested'; readonly uniqueid: string })
  | (At & {
      readonly type: 'channel-hungup';
      readonly channel: ChannelSnapshot;
      readonly cause: number;
    })
  | (At & {
      readonly type: 'dial-begin';
      readonly caller?: ChannelSnapshot;
      readonly dest: ChannelSnapshot;
      readonly dialString: string;
    })
  | (At & {
      readonly type: 'dial-end';
      readonly caller?: ChannelSnapshot;
      readonly dest: ChannelSnapshot;
      readonly status: DialStatus;
    })
  | (At & {
      readonly type: 'bridge-enter';
      readonly bridgeId: string;
      readonly channel: ChannelSnapshot;
      readonly swapUniqueid?: string;
    })
  | (At & {
      readonly type: 'bridge-leave';
      readonly bridgeId: string;
      readonly channel: ChannelSnapshot;
    })
  | (At & { readonly type: 'local-bridge'; readonly one: string; readonly two: string })
  | (At & { readonly type: 'hold'; readonly uniqueid: string })
  | (At & { readonly type: 'unhold'; readonly uniqueid: string })
  | (At & { readonly type: 'member-updated'; readonly member: QueueMemberFacts })
  | (At & { readonly type: 'member-removed'; readonly queue: string; readonly interface: string })
  | (At & {
      readonly type: 'caller-joined';
      readonly queue: string;
      readonly caller: ChannelSnapshot;
    })
  | (At & { readonly type: 'caller-left'; readonly queue: string; readonly uniqueid: string })
  | (At & {
      readonly type: 'caller-abandoned';
      readonly queue: string;
      readonly uniqueid: string;
      readonly holdSeconds: number;
    })
  | (At & {
      readonly type: 'agent-called';
      readonly queue: string;
      readonly interface: string;
      readonly callerUniqueid: string;
      readonly destUniqueid: string;
    })
  | (At & {
      readonly type: 'agent-ring-no-answer';
      readonly queue: string;
      readonly interface: string;
      readonly callerUniqueid: string;
      readonly destUniqueid: string;
      readonly ringMs: number;
    })
  | (At & {
      readonly type: 'agent-connected';
      readonly queue: string;
      readonly interface: string;
      readonly caller: ChannelSnapshot;
      readonly destUniqueid: string;
      readonly holdSeconds: number;
    })
  | (At & {
      readonly type: 'agent-completed';
      readonly queue: string;
      readonly interface: string;
      readonly callerUniqueid?: string;
      readonly talkSeconds: number;
      readonly reason: string;
    })
  | (At & { readonly type: 'recording-started'; readonly uniqueid: string })
  | (At & { readonly type: 'recording-stopped'; readonly uniqueid: string })
  | (At & {
      readonly type: 'transfer';
      readonly kind: 'blind' | 'attended';
      readonly transfererUniqueid: string;
      readonly success: boolean;
    })
  | (At & { readonly type: 'device-state'; readonly device: string; readonly state: string })
  | (At & { readonly type: 'pbx-booted'; readonly uptimeSeconds: number })
  | (At & { readonly type: 'pbx-shutdown' });

export type TelephonyEventType = TelephonyEvent['type'];
