import {
  type AgentDailyRecord,
  type AgentDailyReport,
  type MonthlyReport,
  type TeamDailyReport,
  type WorkforceReport,
} from './report-types';
import {
  type CellValue,
  type ColumnSpec,
  columns,
  type Locale,
  type Sheet,
  type SheetDoc,
} from '@cti/platform';

const STATUS: Readonly<Record<string, [string, string]>> = {
  working: ['上班', 'working'],
  leave: ['请假', 'leave'],
  off: ['休息', 'off'],
};
const STAY: Readonly<Record<string, [string, string]>> = {
  staying: ['留下中', 'staying'],
  met: ['已完成', 'met'],
  released: ['已放行', 'released'],
};
const FLAG: Readonly<Record<string, [string, string]>> = {
  late: ['迟到', 'late'],
  early: ['早退', 'left early'],
  'late-absence': ['迟到按旷工', 'late: absence'],
  'early-absence': ['早退按旷工', 'left early: absence'],
  'no-show': ['旷工', 'no-show'],
  'still-logged-in': ['下班未退出', 'still logged in'],
  'pause-over-limit': ['示忙超时', 'pause over limit'],
  'monthly-incidents': ['月迟到早退超次', 'too many lates this month'],
};
const KIND: Readonly<Record<string, [string, string]>> = {
  intent: ['意向客户', 'intent customer'],
  developable: ['能发展的客户', 'developable customer'],
};

const pick = (
  map: Readonly<Record<string, [string, string]>>,
  key: string | null,
  locale: Locale,
) => (key === null ? null : (map[key]?.[locale === 'zh-CN' ? 0 : 1] ?? key));

const DAILY: readonly ColumnSpec[] = [
  ['agentId', '工号', 'Agent', 'text', 8],
  ['name', '姓名', 'Name', 'text', 14],
  ['team', '班组', 'Team', 'text', 10],
  ['status', '状态', 'Status', 'text', 8],
  ['calls', '通话数', 'Calls', 'int'],
  ['answered', '接通数', 'Answered', 'int'],
  ['effective', '有效通话', 'Effective', 'int'],
  ['quota', '定额', 'Quota', 'int'],
  ['met', '达标', 'Met', 'bool'],
  ['remaining', '差额', 'Remaining', 'int'],
  ['talkMinutes', '通话时长(分)', 'Talk (min)', 'number'],
  ['pauseMinutes', '示忙时长(分)', 'Pause (min)', 'number'],
  ['overLimitPauses', '示忙超时次数', 'Pauses over limit', 'int'],
  ['followUpsIntent', '意向客户', 'Intent customers', 'int'],
  ['followUpsDevelopable', '能发展的客户', 'Developable customers', 'int'],
  ['firstLoginAt', '首次登录', 'First login', 'datetime', 19],
  ['lastLogoutAt', '最后退出', 'Last logout', 'datetime', 19],
  ['lateMinutes', '迟到(分)', 'Late (min)', 'number'],
  ['earlyMinutes', '早退(分)', 'Early (min)', 'number'],
  ['attendance', '考勤标记', 'Attendance flags', 'text', 22],
  ['absenceDays', '旷工(天)', 'Absence (days)', 'number'],
  ['stayLateMinutes', '留下时长(分)', 'Stayed late (min)', 'int'],
  ['stayLate', '留下状态', 'Stay late', 'text'],
  ['ruleVersion', '规则版本', 'Rule version', 'text', 12],
];

/** Pause reasons become columns of their own, in the order first seen. */
function pauseReasons(rows: readonly AgentDailyRecord[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.pauseSecondsByReason)))];
}

function dailySheet(name: string, rows: readonly AgentDailyRecord[], locale: Locale): Sheet {
  const reasons = pauseReasons(rows);
  const specs: ColumnSpec[] = [...DAILY];
  specs.splice(
    12,
    0,
    ...reasons.map((r): ColumnSpec => [
      `pause:${r}`,
      `示忙-${r}(分)`,
      `Pause ${r} (min)`,
      'number',
    ]),
  );
  return {
    name,
    columns: columns(specs, locale),
    rows: rows.map((r) => {
      const row: Record<string, unknown> = {
        ...r,
        team: r.team,
        status: pick(STATUS, r.status, locale),
        talkMinutes: Math.round((r.talkSeconds / 60) * 10) / 10,
        pauseMinutes: Math.round((r.pauseSeconds / 60) * 10) / 10,
        attendance: r.attendanceFlags
          .map((f) => pick(FLAG, f, locale))
          .join(locale === 'zh-CN' ? '、' : ', '),
        stayLate: pick(STAY, r.stayLateState, locale),
      };
      for (const reason of reasons)
        row[`pause:${reason}`] = Math.round(((r.pauseSecondsByReason[reason] ?? 0) / 60) * 10) / 10;
      return row;
    }),
  };
}

function agentDaily(r: AgentDailyReport, locale: Locale): SheetDoc {
  const title = locale === 'zh-CN' ? `坐席工作日报 ${r.day}` : `Agent daily work record ${r.day}`;
  return {
    title,
    timezone: r.timezone,
    sheets: [dailySheet(locale === 'zh-CN' ? '坐席日报' : 'Agents', r.agents, locale)],
  };
}

const FOLLOW_UPS: readonly ColumnSpec[] = [
  ['createdAt', '时间', 'Time', 'datetime', 19],
  ['agentId', '工号', 'Agent', 'text', 8],
  ['agentName', '坐席', 'Agent name', 'text', 12],
  ['kind', '类型', 'Kind', 'text', 12],
  ['contactName', '联系人', 'Contact', 'text', 14],
  ['phoneNumber', '电话', 'Number', 'text', 15],
  ['content', '跟进内容', 'Follow-up', 'text', 40],
  ['revision', '修改次数', 'Revision', 'int'],
];

function teamDaily(r: TeamDailyReport, locale: Locale): SheetDoc {
  const zh = locale === 'zh-CN';
  const team = dailySheet(zh ? '班组日报' : 'Team', r.agents, locale);
  const t = r.totals;
  const totals: Record<string, CellValue> = {
    agentId: zh ? '合计' : 'Total',
    name: `${t.met}/${t.working}`,
    calls: t.calls,
    effective: t.effective,
    quota: t.quota,
    talkMinutes: Math.round((t.talkSeconds / 60) * 10) / 10,
    followUpsIntent: r.followUps.filter((f) => f.kind === 'intent').length,
    followUpsDevelopable: r.followUps.filter((f) => f.kind === 'developable').length,
    stayLateMinutes: t.stayLateMinutes,
    absenceDays: t.absenceDays,
  };
  const followUps: Sheet = {
    name: zh ? '跟进记录' : 'Follow-ups',
    columns: columns(FOLLOW_UPS, locale),
    rows: r.followUps.map((f) => ({ ...f, kind: pick(KIND, f.kind, locale) })),
  };
  const s = r.submission;
  const state = zh
    ? { 'on-time': '按时提交', late: '逾期提交', pending: '未提交', missing: '未提交(已逾期)' }[
        s.state
      ]
    : s.state;
  const title = zh
    ? `班组日报 ${r.teamName} ${r.day}（${state}）`
    : `Team daily sheet ${r.teamName} ${r.day} (${state})`;
  return {
    title,
    timezone: r.timezone,
    sheets: [{ ...team, rows: [...team.rows, totals] }, followUps],
  };
}

function monthly(r: MonthlyReport, locale: Locale): SheetDoc {
  const zh = locale === 'zh-CN';
  const agentSpecs: ColumnSpec[] = [
    ['agentId', '工号', 'Agent', 'text', 8],
    ['name', '姓名', 'Name', 'text', 14],
    ['team', '班组', 'Team', 'text', 10],
    ['effectiveTotal', '有效通话合计', 'Effective calls', 'int'],
    ['workingDays', '出勤天数', 'Working days', 'int'],
    ['daysMet', '达标天数', 'Days met', 'int'],
    ['quotaHitRate', '达标率', 'Quota hit rate', 'percent'],
    ['stayLateDays', '留下天数', 'Days stayed late', 'int'],
    ['stayLateMinutes', '留下时长(分)', 'Stayed late (min)', 'int'],
    ['lates', '迟到', 'Lates', 'int'],
    ['earlies', '早退', 'Early leaves', 'int'],
    ['noShows', '旷工(未登录)', 'No-shows', 'int'],
    ['leaveDays', '请假天数', 'Leave days', 'int'],
    ['overLimitPauses', '示忙超时', 'Pauses over limit', 'int'],
    ['absenceDays', '旷工(天)', 'Absence (days)', 'number'],
    ['qaAverage', '质检平均分', 'QA average', 'number'],
    ['ruleVersions', '规则版本', 'Rule versions', 'text', 14],
  ];
  const agents: Sheet = {
    name: zh ? '坐席月报' : 'Agents',
    columns: columns(agentSpecs, locale),
    rows: r.agents.map((a) => ({
      ...a,
      team: a.team ?? null,
      ruleVersions: a.ruleVersions.join(', '),
    })),
  };
  const teamSpecs: ColumnSpec[] = [
    ['team', '班组', 'Team', 'text', 10],
    ['teamName', '班组名称', 'Team name', 'text', 16],
    ['agents', '人数', 'Agents', 'int'],
    ['effectiveTotal', '有效通话合计', 'Effective calls', 'int'],
    ['workingDays', '出勤人天', 'Working days', 'int'],
    ['daysMet', '达标人天', 'Days met', 'int'],
    ['quotaHitRate', '达标率', 'Quota hit rate', 'percent'],
    ['stayLateMinutes', '留下时长(分)', 'Stayed late (min)', 'int'],
    ['absenceDays', '旷工(天)', 'Absence (days)', 'number'],
    ['qaAverage', '质检平均分', 'QA average', 'number'],
  ];
  const teams: Sheet = {
    name: zh ? '班组月报' : 'Teams',
    columns: columns(teamSpecs, locale),
    rows: r.teams.map((t) => ({ ...t })),
  };
  const daySpecs: ColumnSpec[] = [
    ['agentId', '工号', 'Agent', 'text', 8],
    ['name', '姓名', 'Name', 'text', 14],
    ...r.days.map((d): ColumnSpec => [d, d.slice(5), d.slice(5), 'int', 6]),
  ];
  const perDay: Sheet = {
    name: zh ? '每日有效通话' : 'Effective per day',
    columns: columns(daySpecs, locale),
    rows: r.agents.map((a) => ({ agentId: a.agentId, name: a.name, ...a.effectiveByDay })),
  };
  return {
    title: zh ? `月度报表 ${r.month}` : `Monthly report ${r.month}`,
    timezone: r.timezone,
    sheets: [agents, teams, perDay],
  };
}

export function reportSheets(report: WorkforceReport, locale: Locale): SheetDoc {
  switch (report.kind) {
    case 'agent-daily':
      return agentDaily(report, locale);
    case 'team-daily':
      return teamDaily(report, locale);
    case 'monthly':
      return monthly(report, locale);
  }
}
