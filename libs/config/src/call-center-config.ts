/**
 * The typed configuration of one call center: AMI connection, the rules it enforces
 * (effective calls, quotas, pause limits), its queues, teams and agents.
 *
 * Every number in the rules is a deployment choice (see docs/configuration.md); the defaults
 * below restate the written call-center regulations.
 */

import { type CallCenterConfig, type CountedDirection } from '@cti/domain';

/*
 * The configuration's shape is the domain's (`@cti/domain` CallCenterConfig): this lib only
 * reads, defaults and validates it. The names below are its parts, for the validators.
 */
export type { AgentConfig, CallCenterConfig, QueueConfig, RulesConfig } from '@cti/domain';
export type CallDirection = CountedDirection;
export type AmiConfig = CallCenterConfig['ami'];
export type TeamConfig = CallCenterConfig['teams'][number];
export type EffectiveCallRules = CallCenterConfig['rules']['effective'];
export type QuotaRules = CallCenterConfig['rules']['quota'];
export type PauseRules = CallCenterConfig['rules']['pauses'];

export const CALL_DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound'];

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
