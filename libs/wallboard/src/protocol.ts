import { type AgentStatus, type CallDirection } from '@cti/domain';

/**
 * The wallboard wire protocol (JSON text frames over WebSocket), declared once. Every message
 * has a JSON Schema in ./schemas and is described in docs/wallboard-protocol.md.
 */
export const WALLBOARD_SUBPROTOCOL = 'cti-wallboard.v1';

/** What a board watches. One subscription per socket: a new `subscribe` replaces the old one. */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'team'; readonly team: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'agent'; readonly agent: string };

export type Role = 'agent' | 'team_leader' | 'supervisor' | 'qa' | 'admin';

/** One agent as a board shows it. Times are epoch ms; timers run client-side from them. */
export interface AgentTile {
  /** Employee number (工号). */
  readonly id: string;
  readonly name: string;
  readonly team?: string;
  readonly status: AgentStatus;
  /** Since when the agent is in this status (0 = unknown, e.g. never seen logged in). */
  readonly since: number;
  readonly loggedIn: boolean;
  readonly loginAt?: number;
  /** Queues the agent is a member of now. */
  readonly queues: readonly string[];
  readonly direction?: CallDirection;
  readonly held?: boolean;
  readonly pauseReason?: string;
  /** The open pause's start: it survives short status changes (a ring during a pause). */
  readonly pauseSince?: number;
  readonly pauseLimitSeconds?: number;
  /** Paused in Asterisk while still ringing, on a call or in wrap-up: the pause shows after. */
  readonly pausePending?: true;
  readonly wrapUpUntil?: number;
  /** Today's effective calls as the quota counts them. */
  readonly effective: number;
  readonly quota: number;
  /** Answer time of the current customer call. */
  readonly callSince?: number;
  /** The current customer's number, masked unless the audience may see numbers. */
  readonly customerNumber?: string;
}

export interface QueuePanel {
  readonly queue: string;
  readonly waiting: number;
  readonly oldestWaitSince?: number;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly serviceLevelSeconds: number;
  /** Answered within the service level / (answered + abandoned), 0-100; absent before any call. */
  readonly serviceLevelPct?: number;
  /** Average speed of answer. */
  readonly asaSeconds?: number;
  /** Average handle time (talk seconds per completed queue call). */
  readonly ahtSeconds?: number;
}

export type AlertKind = 'pause-over-limit' | 'behind-quota' | 'after-shift' | 'must-stay';

/** Alerts judged outside the live core and fed to the hub (the quota day's must-stay list). */
export type ExternalAlertKind = Extract<AlertKind, 'must-stay'>;

/** Where a must-stay agent is: still staying, quota met, or released by a supervisor. */
export type StayState = 'staying' | 'met' | 'released';

export interface Alert {
  /** `${kind}:${agentId}`: at most one alert of a kind per agent. */
  readonly id: string;
  readonly kind: AlertKind;
  readonly agentId: string;
  readonly name: string;
  readonly team?: string;
  /** When the condition began (the pause limit passed, the late part of the shift began, the shift ended). */
  readonly since: number;
  readonly pauseReason?: string;
  readonly limitSeconds?: number;
  /** Effective calls and quota: as judged (behind-quota), or as counted for the stay (must-stay). */
  readonly effective?: number;
  readonly quota?: number;
  /** must-stay: calls still short of the quota (0 once met). */
  readonly shortfall?: number;
  /** must-stay: the work day (YYYY-MM-DD) whose quota the agent stays for. */
  readonly day?: string;
  /** must-stay: staying, or how the stay ended. */
  readonly state?: StayState;
  /** must-stay: when the quota was met or the agent released. */
  readonly finishedAt?: number;
  /** must-stay: who released the agent (the reason stays in the audit log, not on boards). */
  readonly releasedBy?: string;
}

export interface TeamInfo {
  readonly id: string;
  readonly name: string;
}

export interface Removed {
  readonly agents?: readonly string[];
  readonly queues?: readonly string[];
  readonly alerts?: readonly string[];
}

export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly user: string;
      readonly role: Role;
      /** The widest scope the role may watch: what a board subscribes to by default. */
      readonly scope: Scope;
      readonly numbersMasked: boolean;
    }
  | {
      readonly type: 'snapshot';
      /** Identifies the sequence: a resume is only valid within the same stream. */
      readonly stream: string;
      readonly seq: number;
      readonly at: number;
      readonly scope: Scope;
      readonly stale?: { readonly since: number };
      readonly teams: readonly TeamInfo[];
      readonly agents: readonly AgentTile[];
      readonly queues: readonly QueuePanel[];
      readonly alerts: readonly Alert[];
    }
  | {
      readonly type: 'resumed';
      readonly stream: string;
      /** The deltas after the client's lastSeq up to this seq follow, in order. */
      readonly seq: number;
      readonly at: number;
      readonly stale?: { readonly since: number };
    }
  | {
      readonly type: 'delta';
      readonly seq: number;
      readonly at: number;
      readonly agents?: readonly AgentTile[];
      readonly queues?: readonly QueuePanel[];
      readonly alerts?: readonly Alert[];
      readonly removed?: Removed;
    }
  | {
      readonly type: 'link';
      readonly fresh: boolean;
      readonly staleSince?: number;
      readonly at: number;
    }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly message: string }
  | { readonly type: 'pong'; readonly id?: number; readonly at: number };

export type ClientMessage =
  | { readonly type: 'auth'; readonly token: string }
  | {
      readonly type: 'subscribe';
      readonly scope: Scope;
      readonly lastSeq?: number;
      readonly stream?: string;
      /** Ask for masked numbers even if entitled to see them (a TV in an open room). */
      readonly masked?: boolean;
    }
  | { readonly type: 'ping'; readonly id?: number };

export type ServerMessageType = ServerMessage['type'];
export type ClientMessageType = ClientMessage['type'];

/** Codes of `error` messages: stable, never renamed. */
export type ErrorCode =
  | 'too-large'
  | 'too-deep'
  | 'invalid-json'
  | 'invalid-message'
  | 'unknown-type'
  | 'auth-required'
  | 'already-authenticated';

/**
 * Close codes. 4001-4004 tell the board to show the login screen (4004: the user may not
 * watch that scope); 4008 and 1013 tell it to reconnect and resume; 4400 is a client bug.
 */
export enum CloseCode {
  NormalClosure = 1000,
  GoingAway = 1001,
  PolicyViolation = 1008,
  TryAgainLater = 1013,
  NoToken = 4001,
  BadToken = 4002,
  /** The token expired or was revoked, or the user was disabled. */
  Expired = 4003,
  Forbidden = 4004,
  /** The client fell behind (its send buffer passed the cap): reconnect and resync. */
  TooSlow = 4008,
  ProtocolError = 4400,
}
