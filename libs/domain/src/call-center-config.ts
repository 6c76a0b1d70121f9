/**
 * What the core needs to know about the call center: its agents, queues and rules.
 * Loaded and validated by @cti/config; every number here is configuration.
 */
export type CountedDirection = 'inbound' | 'outbound';

export interface AgentConfig {
  /** Employee number (工号). */
  readonly id: string;
  readonly name: string;
  readonly team?: string;
  /** YYYY-MM-DD in the center's time zone. */
  readonly hireDate: string;
  /** Per-agent daily quota override. */
  readonly quota?: number;
  /** Queue member interfaces, e.g. 'PJSIP/1001' or 'Local/1001@agents/n'. */
  readonly interfaces: readonly string[];
  /** Device keys of the agent's phones: channel names without '-<hex>' and ';1'/';2'. */
  readonly devices: readonly string[];
}

export interface RulesConfig {
  /** Stored with every verdict so a past day can be recomputed under its own rule. */
  readonly version: string;
  readonly effective: {
    readonly minTalkSeconds: number;
    readonly directions: readonly CountedDirection[];
    readonly uniqueNumberPerAgentDay: boolean;
  };
  readonly quota: {
    readonly default: number;
    readonly newHire: number;
    readonly newHireDays: number;
  };
  readonly pauses: {
    readonly defaultLimitSeconds: number;
    readonly limitsByReason: Readonly<Record<string, number>>;
  };
  /** Pause reasons that mean after-call work: shown as wrap-up, not as a pause. */
  readonly wrapUpPauseReasons: readonly string[];
}

export interface QueueConfig {
  readonly name: string;
  /** The queue's wrapuptime: AMI never reports it, so it must come from here. */
  readonly wrapUpSeconds: number;
  readonly serviceLevelSeconds: number;
}

/**
 * QA settings the configuration file may give (`qa:`); anything left out keeps the recording/QA
 * defaults (docs/recording-qa.md).
 */
export interface QaSettingsConfig {
  readonly sampling?: {
    /** Local HH:MM starts of the sampling shifts; each runs to the next start. */
    readonly shiftStarts?: readonly string[];
    readonly minPerWeek?: number;
    readonly minPerWorkedShift?: number;
    readonly minTalkSeconds?: number;
    readonly calibrationReviewers?: number;
    /** Share of the picks (0-1) scored by several reviewers. */
    readonly calibrationShare?: number;
  };
  /** Recording file-name templates by direction (ids only). */
  readonly fileNames?: { readonly inbound?: string; readonly outbound?: string };
}

export interface CallCenterConfig {
  /** IANA zone of the center: days, quotas and reports follow it. */
  readonly timezone: string;
  readonly ami: {
    readonly host?: string;
    readonly port: number;
    readonly username?: string;
    readonly secret?: string;
  };
  readonly rules: RulesConfig;
  readonly queues: readonly QueueConfig[];
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly agents: readonly AgentConfig[];
  readonly qa?: QaSettingsConfig;
}
