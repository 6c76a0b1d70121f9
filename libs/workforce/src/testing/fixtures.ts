import { type AgentLeg, type CallCenterConfig, type CoreOutput, localDay } from '@cti/domain';
import { zonedInstant } from '@cti/domain';

export const TZ = 'Asia/Shanghai';

/** A small center: two teams, a new hire, a 24-hour heating team; quotas as the rules say. */
export function fixtureCallCenter(): CallCenterConfig {
  const agent = (id: string, name: string, team: string, hireDate: string) => ({
    id,
    name,
    team,
    hireDate,
    interfaces: [`PJSIP/${id}`],
    devices: [`PJSIP/${id}`],
  });
  return {
    timezone: TZ,
    ami: { port: 5038 },
    rules: {
      version: 'cc-1',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 50, newHire: 30, newHireDays: 15 },
      pauses: { defaultLimitSeconds: 900, limitsByReason: {} },
      wrapUpPauseReasons: [],
    },
    queues: [{ name: 'sales', wrapUpSeconds: 5, serviceLevelSeconds: 20 }],
    teams: [
      { id: 't1', name: '电话销售一组' },
      { id: 't2', name: '客服二组' },
      { id: 'heat', name: '供暖热线' },
    ],
    agents: [
      agent('1001', '王芳', 't1', '2025-03-17'),
      agent('1002', '李伟', 't1', '2025-06-01'),
      agent('1003', '张敏', 't1', '2026-11-25'),
      agent('2001', '陈杰', 't2', '2024-01-10'),
      agent('3001', '刘洋', 'heat', '2024-01-10'),
    ],
  };
}

/** Epoch ms of a Shanghai wall time. */
export function at(day: string, hhmm: string, seconds = 0, tz = TZ): number {
  const [h, m] = hhmm.split(':').map(Number);
  return zonedInstant(day, h! * 60 + m!, tz) + seconds * 1000;
}

let seq = 0;

/** A completed customer call as the core reports it (effective under a 30 s rule when talk ≥ 30). */
export function callCompleted(
  agentId: string,
  answeredAt: number,
  talkSeconds: number,
  extra: Partial<AgentLeg> = {},
  tz = TZ,
): CoreOutput {
  seq++;
  const leg: AgentLeg = {
    id: `${agentId}:fx-${seq}`,
    agentId,
    direction: 'outbound',
    via: 'dial',
    transferredIn: false,
    customerNumber: `1390000${String(seq).padStart(4, '0')}`,
    customerUniqueid: `c-${seq}`,
    agentUniqueid: `a-${seq}`,
    linkedid: `c-${seq}`,
    startedAt: answeredAt - 8_000,
    answeredAt,
    endedAt: answeredAt + talkSeconds * 1000,
    outcome: 'answered',
    talkSeconds,
    holds: 0,
    holdSeconds: 0,
    recorded: true,
    effective: talkSeconds >= 30,
    ruleVersion: 'cc-1',
    day: localDay(answeredAt, tz),
    ...extra,
  };
  return { type: 'call-completed', leg };
}

/** `n` effective calls of 60 s, one every two minutes from `from`. */
export function calls(agentId: string, n: number, from: number, tz = TZ): CoreOutput[] {
  return Array.from({ length: n }, (_, i) =>
    callCompleted(agentId, from + i * 120_000, 60, {}, tz),
  );
}
