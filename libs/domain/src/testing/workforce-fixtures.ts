import { type AgentLeg } from '../outputs';
import { type AttendanceRules } from '../workforce/attendance';
import { type LedgerLeg } from '../workforce/quota-ledger';
import { type WorkforceRuleSet } from '../workforce/rule-set';
import { type ScheduleConfig } from '../workforce/schedule';
import { zonedInstant } from '../workforce/zoned-time';

/** Shared by the workforce specs: the rules' defaults in Shanghai. */
export const TZ = 'Asia/Shanghai';

export const SCHEDULE: ScheduleConfig = {
  timezone: TZ,
  patterns: {
    winter: {
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      login: '08:45',
      logout: '17:30',
    },
    summer: {
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      login: '08:45',
      logout: '17:30',
    },
    '24h': { periods: [{ start: '08:00', end: '08:00' }], login: '07:45', logout: '08:15' },
  },
  seasons: [
    { name: 'summer', from: '05-01' },
    { name: 'winter', from: '10-01' },
  ],
  defaultSchedule: {
    kind: 'weekly',
    workdays: [1, 2, 3, 4, 5],
    patterns: { winter: 'winter', summer: 'summer' },
  },
  teams: { heating: { kind: 'rotation', anchor: '2026-11-02', cycle: ['24h', null, null] } },
  agents: {},
  overrides: [],
  crossMidnightClaimHours: 6,
};

export const RULES_V1: WorkforceRuleSet = {
  version: 'v1',
  effectiveFrom: '2026-01-01',
  effective: {
    minTalkSeconds: 30,
    directions: ['inbound', 'outbound'],
    uniqueNumberPerAgentDay: false,
  },
  quota: { default: 50, newHire: 30, newHireDays: 15 },
};

export const ATTENDANCE: AttendanceRules = {
  graceSeconds: 300,
  halfDayAboveSeconds: 3600,
  fullDayAboveSeconds: 7200,
  maxIncidentsPerMonth: 3,
  monthlyPenalty: 'once',
  afterShiftGraceSeconds: 600,
  sessionWindowHours: 6,
};

/** Epoch ms of a Shanghai wall time: at('2026-12-01', '09:30'). */
export function at(day: string, hhmm: string, seconds = 0, timezone = TZ): number {
  const [h, m] = hhmm.split(':').map(Number);
  return zonedInstant(day, h! * 60 + m!, timezone) + seconds * 1000;
}

let seq = 0;

/** An answered leg of `talk` seconds answered at `answeredAt`. */
export function leg(
  agentId: string,
  answeredAt: number,
  talk: number,
  extra: Partial<AgentLeg> = {},
): LedgerLeg {
  seq++;
  return {
    id: `leg-${seq}`,
    agentId,
    direction: 'outbound',
    outcome: 'answered',
    startedAt: answeredAt - 5000,
    answeredAt,
    endedAt: answeredAt + talk * 1000,
    talkSeconds: talk,
    customerNumber: `1380000${String(seq).padStart(4, '0')}`,
    ...extra,
  };
}
