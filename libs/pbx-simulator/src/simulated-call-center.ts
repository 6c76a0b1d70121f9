import { type CallCenterConfig } from '@cti/domain';
import { agentExtension, agentName } from './driver/names';
import { DEFAULT_QUEUES } from './options';
import { agentInterface } from './pbx/model';

/**
 * The call center of the built-in PBX simulator, for a first run with nothing configured:
 * its agents and queues, with the product's real default rules (30 s, 50/30 calls, 15 min).
 */
export function simulatedCallCenter(agents: number, timezone: string): CallCenterConfig {
  return {
    timezone,
    ami: { port: 0 },
    rules: {
      version: 'default',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 50, newHire: 30, newHireDays: 15 },
      pauses: { defaultLimitSeconds: 900, limitsByReason: {} },
      wrapUpPauseReasons: [],
    },
    queues: DEFAULT_QUEUES.map((q) => ({
      name: q.name,
      wrapUpSeconds: q.wrapupSec,
      serviceLevelSeconds: 15,
    })),
    teams: [
      { id: 'team-a', name: 'Team A' },
      { id: 'team-b', name: 'Team B' },
    ],
    agents: Array.from({ length: agents }, (_, i) => {
      const ext = agentExtension(i);
      return {
        id: ext,
        name: agentName(i),
        team: i % 2 === 0 ? 'team-a' : 'team-b',
        // Every fourth agent joined last week: a new hire with the lower quota.
        hireDate: i % 4 === 3 ? '2026-11-20' : '2025-03-01',
        interfaces: [agentInterface(ext)],
        devices: [`Local/${ext}@agents`, `Local/${ext}@agent-phone`, `Local/${ext}@internal`],
      };
    }),
  };
}
