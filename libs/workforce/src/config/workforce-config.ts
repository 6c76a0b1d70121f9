import { type CallCenterConfig } from '@cti/domain';
import {
  type AttendanceRules,
  type DayOverride,
  type ScheduleConfig,
  type WorkforceRuleSet,
} from '@cti/domain';

export const WORKFORCE_ROLES = ['agent', 'team_leader', 'supervisor', 'qa', 'admin'] as const;
export type WorkforceRole = (typeof WORKFORCE_ROLES)[number];

export const WEBHOOK_KINDS = ['generic', 'wecom', 'dingtalk', 'feishu'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** A URL notified at shift end: any JSON receiver, or a WeCom / DingTalk / Feishu group robot. */
export interface WebhookTarget {
  readonly url: string;
  readonly kind: WebhookKind;
  /** DingTalk / Feishu signing secret (加签). Never logged. */
  readonly secret?: string;
}

export type ReportTransport =
  | {
      readonly kind: 'smtp';
      readonly host: string;
      readonly port: number;
      /** TLS from the first byte (465); otherwise plain, upgraded with STARTTLS when `starttls`. */
      readonly secure: boolean;
      readonly starttls: boolean;
      readonly user?: string;
      readonly password?: string;
      readonly from: string;
      readonly to: readonly string[];
    }
  | { readonly kind: 'webhook'; readonly url: string };

export interface WorkforceConfig {
  readonly timezone: string;
  readonly schedule: ScheduleConfig;
  /** Versions, each effective from a day; never empty. */
  readonly ruleSets: readonly WorkforceRuleSet[];
  readonly attendance: AttendanceRules;
  readonly shiftEnd: {
    /** How often the job looks for shifts that ended. */
    readonly tickSeconds: number;
    /** A shift that ended this long ago without a run (the process was down) still gets one. */
    readonly catchUpHours: number;
  };
  readonly notifications: {
    readonly locale: 'zh-CN' | 'en';
    readonly webhooks: readonly WebhookTarget[];
    readonly timeoutMs: number;
  };
  readonly followUps: {
    /** The team leader hands the day's records in by this local time of the same day. */
    readonly submitBy: string;
    /** Roles that see customers' numbers in full (the record's own agent always does). */
    readonly numbersVisibleTo: readonly WorkforceRole[];
  };
  readonly reports: {
    /** Local time the day's reports are sent, the next day (ready by the next working day). */
    readonly sendAt: string;
    /** Day of the month the month's report is sent (clamped to the month's last day). */
    readonly monthlyDay: number;
    readonly transports: readonly ReportTransport[];
  };
}

/** The call center's written rules as defaults: every one can be changed in configuration. */
export function defaultScheduleConfig(
  timezone: string,
  overrides: readonly DayOverride[] = [],
): ScheduleConfig {
  return {
    timezone,
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
    teams: {},
    agents: {},
    overrides,
    crossMidnightClaimHours: 6,
  };
}

export const DEFAULT_ATTENDANCE: AttendanceRules = {
  graceSeconds: 300,
  halfDayAboveSeconds: 3600,
  fullDayAboveSeconds: 7200,
  maxIncidentsPerMonth: 3,
  monthlyPenalty: 'once',
  afterShiftGraceSeconds: 600,
  sessionWindowHours: 6,
};

/** Without versions in the workforce configuration, the call center's own rule is the only one. */
export function ruleSetFromCallCenter(config: CallCenterConfig): WorkforceRuleSet {
  return {
    version: config.rules.version,
    effectiveFrom: '1970-01-01',
    effective: config.rules.effective,
    quota: config.rules.quota,
  };
}
