import { type MonthlyAgentRow, type MonthlyTeamRow } from '@cti/domain';
import { type FollowUpView, type TeamDayState } from '../follow-up/follow-up.service';

/** One agent's daily work record: calls, effective calls, talk, pauses, follow-ups, attendance. */
export interface AgentDailyRecord {
  readonly agentId: string;
  readonly name: string;
  readonly team: string | null;
  readonly day: string;
  readonly status: 'working' | 'leave' | 'off';
  readonly ruleVersion: string;
  readonly calls: number;
  readonly answered: number;
  readonly inboundAnswered: number;
  readonly outboundDials: number;
  readonly outboundAnswered: number;
  readonly effective: number;
  readonly quota: number;
  readonly met: boolean;
  readonly remaining: number;
  readonly talkSeconds: number;
  readonly pauseSeconds: number;
  readonly pauseSecondsByReason: Readonly<Record<string, number>>;
  readonly overLimitPauses: number;
  readonly followUpsIntent: number;
  readonly followUpsDevelopable: number;
  readonly firstLoginAt: number | null;
  readonly lastLogoutAt: number | null;
  readonly lateMinutes: number;
  readonly earlyMinutes: number;
  readonly attendanceFlags: readonly string[];
  readonly absenceDays: number;
  readonly stayLateMinutes: number;
  readonly stayLateState: 'staying' | 'met' | 'released' | null;
}

export interface AgentDailyReport {
  readonly kind: 'agent-daily';
  readonly day: string;
  readonly timezone: string;
  readonly generatedAt: number;
  readonly ruleVersion: string;
  readonly agents: readonly AgentDailyRecord[];
}

export interface TeamDailyReport {
  readonly kind: 'team-daily';
  readonly day: string;
  readonly timezone: string;
  readonly generatedAt: number;
  readonly ruleVersion: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly submission: TeamDayState;
  readonly agents: readonly AgentDailyRecord[];
  readonly totals: {
    readonly agents: number;
    readonly working: number;
    readonly met: number;
    readonly effective: number;
    readonly quota: number;
    readonly calls: number;
    readonly talkSeconds: number;
    readonly followUps: number;
    readonly stayLateMinutes: number;
    readonly absenceDays: number;
  };
  readonly followUps: readonly FollowUpView[];
}

export interface MonthlyReport {
  readonly kind: 'monthly';
  readonly month: string;
  readonly timezone: string;
  readonly generatedAt: number;
  /** The days covered: the whole month once it is over, else up to today. */
  readonly days: readonly string[];
  readonly agents: readonly MonthlyAgentRow[];
  readonly teams: readonly (MonthlyTeamRow & { readonly teamName: string })[];
}

export type WorkforceReport = AgentDailyReport | TeamDailyReport | MonthlyReport;
export type ReportKind = WorkforceReport['kind'];
