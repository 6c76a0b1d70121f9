import { type AgentDay, type AgentState, type QueueFigures, type QuotaProgress } from '@cti/domain';

/** An agent as configured. */
export interface AgentInfo {
  readonly id: string;
  readonly name: string;
  readonly team?: string;
}

/** A queue's live figures, its service level threshold included. */
export type LiveQueue = QueueFigures;

/**
 * The live call center as the API reads it (bind CoreLiveView over the app's CallCenterCore).
 * An abstract class: the Nest DI token.
 */
export abstract class LiveView {
  /** Epoch ms now (PBX time): decides which local day is "today". */
  abstract now(): number;
  /** Today's local day, YYYY-MM-DD in the center's time zone. */
  abstract today(): string;
  abstract agents(): readonly AgentInfo[];
  abstract agent(id: string): AgentInfo | undefined;
  abstract teams(): readonly { readonly id: string; readonly name: string }[];
  abstract agentState(id: string): AgentState | undefined;
  /** Effective calls against the quota, for a day the core holds (today). */
  abstract progress(agentId: string, day: string): QuotaProgress;
  /** The day's record the core holds in memory (today, maybe yesterday); undefined when none. */
  abstract agentDay(agentId: string, day: string): AgentDay | undefined;
  /** The quota of an agent on any day (new-hire rules apply by date). */
  abstract quotaFor(agentId: string, day: string): number;
  /** Whether the rule counts each customer number once per agent and day. */
  abstract countsNumbersOnce(): boolean;
  abstract queues(): readonly LiveQueue[];
}
