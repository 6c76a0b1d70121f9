import { type CoverageRow, type MonthlySummary, type ScoreGroup } from '@cti/domain';

export type Cell = string | number | boolean | null;

/** One table of a report, the same for the CSV and the XLSX export (and the page). */
export interface ReportTable {
  readonly name: string;
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface AgentNames {
  nameOf(agentId: string): string;
}

export function bandLabels(bands: readonly number[]): string[] {
  return bands.map((lower, i) =>
    i + 1 < bands.length ? `${lower}-${bands[i + 1]! - 1}` : `${lower}-100`,
  );
}

const GROUP_HEADERS = ['评分次数 Evaluations', '平均分 Average', '最低 Min', '最高 Max'];
const groupCells = (g: ScoreGroup): Cell[] => [
  g.evaluations,
  g.average,
  g.min,
  g.max,
  ...g.distribution,
  g.criticalFails,
];

/** The monthly QA summary as tables: per agent, per team, per item, training needs. */
export function monthlyTables(s: MonthlySummary, names: AgentNames): ReportTable[] {
  const bands = bandLabels(s.bands);
  return [
    {
      name: 'agents',
      title: `坐席 Agents ${s.month}`,
      headers: [
        '工号 Agent',
        '姓名 Name',
        '班组 Team',
        ...GROUP_HEADERS,
        ...bands,
        '致命项 Critical fails',
      ],
      rows: s.perAgent.map((a) => [a.key, names.nameOf(a.key), a.teamId ?? '', ...groupCells(a)]),
    },
    {
      name: 'teams',
      title: `班组 Teams ${s.month}`,
      headers: ['班组 Team', ...GROUP_HEADERS, ...bands, '致命项 Critical fails'],
      rows: [
        ...s.perTeam.map((t) => [t.key, ...groupCells(t)]),
        ['全部 All', ...groupCells(s.overall)],
      ],
    },
    {
      name: 'items',
      title: `评分项 Items ${s.month}`,
      headers: [
        '评分表 Scorecard',
        '项 Item',
        '内容 Text',
        '致命项 Critical',
        '评分次数 Scored',
        '平均得分率 Average %',
        '不合格 Failures',
        '不合格率 Fail rate',
      ],
      rows: s.perItem.map((i) => [
        i.scorecardId,
        i.itemId,
        i.text,
        i.critical,
        i.scored,
        i.average,
        i.failures,
        i.failRate,
      ]),
    },
    {
      name: 'training',
      title: `培训需求 Training needs ${s.month}`,
      headers: [
        '排名 Rank',
        '评分表 Scorecard',
        '项 Item',
        '内容 Text',
        '不合格率 Fail rate',
        '不合格 Failures',
        '评分次数 Scored',
      ],
      rows: s.trainingNeeds.map((i, n) => [
        n + 1,
        i.scorecardId,
        i.itemId,
        i.text,
        i.failRate,
        i.failures,
        i.scored,
      ]),
    },
  ];
}

export function coverageTable(
  weekId: string,
  rows: readonly CoverageRow[],
  names: AgentNames,
  teamOf: (agentId: string) => string | undefined,
): ReportTable {
  return {
    name: 'coverage',
    title: `抽检覆盖 Coverage ${weekId}`,
    headers: [
      '工号 Agent',
      '姓名 Name',
      '班组 Team',
      '抽中 Picked',
      '已评分 Scored',
      '要求 Required',
      '达标 Met',
      '上班班次 Shifts worked',
      '覆盖班次 Shifts covered',
      '说明 Note',
    ],
    rows: rows.map((r) => [
      r.agentId,
      names.nameOf(r.agentId),
      teamOf(r.agentId) ?? '',
      r.picked,
      r.scored,
      r.required,
      r.met,
      r.shiftsWorked,
      r.shiftsCovered,
      r.note ?? '',
    ]),
  };
}
