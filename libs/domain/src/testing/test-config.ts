import { type AgentConfig, type CallCenterConfig, type RulesConfig } from '../call-center-config';

/** What a test may change in the small call center below. */
export interface ConfigPatch {
  readonly timezone?: string;
  readonly effective?: Partial<RulesConfig['effective']>;
  readonly quota?: Partial<RulesConfig['quota']>;
  readonly pauses?: Partial<RulesConfig['pauses']>;
  readonly agents?: Readonly<Record<string, Partial<AgentConfig>>>;
}

/** 2026-03-10 09:00 in Asia/Shanghai: the default start of every scenario. */
export const T0 = Date.UTC(2026, 2, 10, 1, 0, 0);
export const DAY0 = '2026-03-10';

/**
 * A three-agent call center. Agents have a PJSIP phone (`PJSIP/<ext>`) behind a Local queue
 * member: 1001 and 1002 `Local/<ext>@agents/n` (never optimised), 1003 `Local/1003@agents`
 * (optimisable) and hired on 2026-03-01, a new hire on DAY0. Queues: support (wrap-up 10 s),
 * sales (wrap-up 5 s). Effective: 30 s, both directions. Quota 50, new hires 30 for 15 days.
 * Pauses: 900 s, lunch 1800 s; 'acw' is after-call work.
 */
export function testConfig(patch: ConfigPatch = {}): CallCenterConfig {
  const agent = (id: string, name: string, hireDate: string, iface: string): AgentConfig => ({
    id,
    name,
    team: 'a',
    hireDate,
    interfaces: [iface],
    devices: [`PJSIP/${id}`],
    ...patch.agents?.[id],
  });
  return {
    timezone: patch.timezone ?? 'Asia/Shanghai',
    ami: { port: 5038 },
    rules: {
      version: 'test-rules-1',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
        ...patch.effective,
      },
      quota: { default: 50, newHire: 30, newHireDays: 15, ...patch.quota },
      pauses: { defaultLimitSeconds: 900, limitsByReason: { lunch: 1800 }, ...patch.pauses },
      wrapUpPauseReasons: ['acw'],
    },
    queues: [
      { name: 'support', wrapUpSeconds: 10, serviceLevelSeconds: 20 },
      { name: 'sales', wrapUpSeconds: 5, serviceLevelSeconds: 20 },
    ],
    teams: [{ id: 'a', name: 'Team A' }],
    agents: [
      agent('1001', 'Wang Fang', '2025-06-01', 'Local/1001@agents/n'),
      agent('1002', 'Li Wei', '2025-06-01', 'Local/1002@agents/n'),
      agent('1003', 'Zhang Min', '2026-03-01', 'Local/1003@agents'),
    ],
  };
}
