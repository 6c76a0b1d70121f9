import { type AgentState, type QueueFigures, type QuotaProgress } from '@cti/domain';
import { type TeamInfo } from './protocol';

/** One agent's live facts, before they are shaped into a tile. */
export interface LiveAgent {
  readonly id: string;
  readonly name: string;
  readonly team?: string;
  readonly state: AgentState;
  /** Queues the agent is a member of now. */
  readonly queues: readonly string[];
  readonly loginAt?: number;
  readonly pause?: {
    readonly reason: string;
    readonly startedAt: number;
    readonly limitSeconds: number;
  };
  /** The customer call in progress, if any. */
  readonly call?: { readonly since: number; readonly customerNumber?: string };
}

/** A queue's live figures, its service level threshold included. */
export type LiveQueue = QueueFigures;

/**
 * What the wallboard reads: the live call center. Implemented over CallCenterCore by
 * CoreLiveSource; a port so the hub is testable with plain objects.
 */
export interface LiveSource {
  agents(): readonly LiveAgent[];
  agent(id: string): LiveAgent | undefined;
  queueFigures(): readonly LiveQueue[];
  /** Today's effective calls against the quota. */
  progress(agentId: string): QuotaProgress;
  teams(): readonly TeamInfo[];
}
