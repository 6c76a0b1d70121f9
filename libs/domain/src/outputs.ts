/** Facts about the call center that the core publishes: the one vocabulary every sink shares. */
export type AgentStatus =
  | 'logged-out'
  | 'available'
  | 'ringing'
  | 'dialing'
  | 'on-call'
  | 'wrap-up'
  | 'paused'
  | 'unavailable';

export type CallDirection = 'inbound' | 'outbound' | 'internal';

export interface AgentState {
  readonly status: AgentStatus;
  /** Epoch ms since this state (status + direction + held + reason) began. */
  readonly since: number;
  readonly loggedIn: boolean;
  readonly direction?: CallDirection;
  readonly held?: boolean;
  readonly pauseReason?: string;
  /** Wrap-up end, epoch ms. */
  readonly wrapUpUntil?: number;
  /**
   * Paused in Asterisk while still busy (ringing, on a call, in wrap-up): the pause shows once
   * the call and its wrap-up end, but it began (and is recorded) at `since`, epoch ms.
   */
  readonly pendingPause?: { readonly reason: string; readonly since: number };
}

export type DialOutcome = 'answered' | 'noanswer' | 'busy' | 'congestion' | 'failed';

/** How an agent came to talk with the customer. */
export type LegVia = 'queue' | 'dial' | 'direct' | 'transfer';

/** Why a leg ended abnormally (the call itself was not observed to its end). */
export type LegGap = 'link-gap' | 'pbx-restart';

/**
 * How a leg the link lost sight of was settled at the resync: ended at the member's `LastCall`,
 * ended at the gap's start, or known only from the member's `CallsTaken` (no talk time).
 */
export type LegSettledFrom = 'lastcall' | 'gap' | 'unseen';

/** One agent's part of a customer call: the unit effective calls are judged on. */
export interface AgentLeg {
  readonly id: string;
  readonly agentId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly via: LegVia;
  readonly transferredIn: boolean;
  readonly queue?: string;
  readonly customerNumber: string;
  readonly customerUniqueid: string;
  readonly agentUniqueid: string;
  readonly linkedid: string;
  readonly startedAt: number;
  readonly answeredAt?: number;
  readonly endedAt: number;
  readonly outcome: DialOutcome;
  readonly talkSeconds: number;
  readonly holds: number;
  readonly holdSeconds: number;
  readonly transferredOut?: 'blind' | 'attended';
  readonly recorded: boolean;
  readonly effective: boolean;
  readonly ruleVersion: string;
  /** Local day of the answer (or of the start when unanswered). */
  readonly day: string;
  readonly gap?: LegGap;
  readonly settledFrom?: LegSettledFrom;
}

export interface InternalCall {
  readonly agentId: string;
  readonly calleeAgentId: string;
  readonly callerUniqueid: string;
  readonly startedAt: number;
  readonly answered: boolean;
  readonly day: string;
}

export interface PauseInterval {
  readonly agentId: string;
  readonly reason: string;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly limitSeconds: number;
  readonly overLimit: boolean;
}

export interface AgentSession {
  readonly agentId: string;
  readonly loginAt: number;
  readonly logoutAt?: number;
}

export interface RecordingStarted {
  readonly uniqueid: string;
  readonly linkedid: string;
  readonly channel: string;
  readonly at: number;
}

export type CoreOutput =
  | {
      readonly type: 'agent-state';
      readonly agentId: string;
      readonly state: AgentState;
      readonly resync: boolean;
    }
  | { readonly type: 'call-completed'; readonly leg: AgentLeg }
  | { readonly type: 'internal-call'; readonly call: InternalCall }
  | { readonly type: 'pause-started'; readonly pause: PauseInterval }
  | { readonly type: 'pause-over-limit'; readonly pause: PauseInterval; readonly at: number }
  | { readonly type: 'pause-ended'; readonly pause: PauseInterval }
  | { readonly type: 'session'; readonly session: AgentSession }
  | { readonly type: 'recording-started'; readonly recording: RecordingStarted }
  | { readonly type: 'queue-changed'; readonly queue: string }
  | { readonly type: 'pbx-restarted'; readonly at: number };

export type CoreOutputType = CoreOutput['type'];
