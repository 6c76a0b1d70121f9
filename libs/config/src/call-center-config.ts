/**
 * The typed configuration of one call center: AMI connection, the rules it enforces
 * (effective calls, quotas, pause limits), its queues, teams and agents.
 *
 * Every number in the rules is a deployment choice (see docs/configuration.md); the defaults
 * below restate the written call-center regulations (docs/call-center-rules.md).
 */

export type CallDirection = 'inbound' | 'outbound';

export const CALL_DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound'];

export interface AmiConfig {
  /** Unset = no real PBX: the embedded simulator is used. */
  host?: string;
  port: number;
  username?: string;
  /** Never logged, never shown: `describeConfig` prints '***'. */
  secret?: string;
}

export interface EffectiveCallRules {
  /** Talk time (answer to hang-up, ring excluded) a call needs to count as effective. */
  minTalkSeconds: number;
  /** Which directions count; internal agent-to-agent calls never count. */
  directions: CallDirection[];
  /** Count the same customer number at most once per agent per day. */
  uniqueNumberPerAgentDay: boolean;
}

export interface QuotaRules {
  /** Effective calls per agent per working day. */
  default: number;
  /** Quota of an agent hired less than `newHireDays` calendar days ago. */
  newHire: number;
  newHireDays: number;
}

export interface PauseRules {
  /** A pause longer than this (seconds) is over the limit: the supervisor is alerted. */
  defaultLimitSeconds: number;
  /** Per pause reason (exact `PausedReason` text), overrides the default limit. */
  limitsByReason: Record<string, number>;
}

export interface RulesConfig {
  /** Identifies this rule set; stored with every effective-call verdict. */
  version: string;
  effective: EffectiveCallRules;
  quota: QuotaRules;
  pauses: PauseRules;
  /** Pause reasons that mean after-call work (wrap-up), not absence from the seat. */
  wrapUpPauseReasons: string[];
}

export interface QueueConfig {
  /** The Asterisk queue name (`Queue` header). */
  name: string;
  /** After-call work the queue grants, as `wrapuptime` in queues.conf. */
  wrapUpSeconds: number;
  /** A call answered within this many seconds of joining counts within service level. */
  serviceLevelSeconds: number;
}

export interface TeamConfig {
  id: string;
  name: string;
}

export interface AgentConfig {
  /** Employee number (工号), e.g. '1001'. */
  id: string;
  name: string;
  /** References `teams[].id`. */
  team?: string;
  /** YYYY-MM-DD, in the call center's timezone. */
  hireDate: string;
  /** Per-agent quota override. */
  quota?: number;
  /** Queue member interfaces, e.g. 'PJSIP/1001' or 'Local/1001@agents/n'. */
  interfaces: string[];
  /**
   * Device keys of the agent's phones: a channel name without its '-<hex>' suffix and
   * ';1'/';2', e.g. 'PJSIP/1001' or 'Local/1001@agent-phone'.
   */
  devices: string[];
}

export interface CallCenterConfig {
  /** IANA zone, e.g. 'Asia/Shanghai': where a working day starts and ends. */
  timezone: string;
  ami: AmiConfig;
  rules: RulesConfig;
  queues: QueueConfig[];
  teams: TeamConfig[];
  agents: AgentConfig[];
}

/** The built-in defaults, applied to every field a configuration file leaves out. */
export const CONFIG_DEFAULTS = {
  timezone: 'Asia/Shanghai',
  amiPort: 5038,
  rulesVersion: 'default',
  minTalkSeconds: 30,
  directions: ['inbound', 'outbound'] as readonly CallDirection[],
  uniqueNumberPerAgentDay: false,
  quota: 50,
  newHireQuota: 30,
  newHireDays: 15,
  pauseLimitSeconds: 900,
  wrapUpSeconds: 0,
  serviceLevelSeconds: 15,
} as const;
