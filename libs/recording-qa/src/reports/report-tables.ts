import { type CoverageRow, type MonthlySummary, type ScoreGroup } from '@cti/domain';
import { type CellValue, type ColumnKind, type Sheet } from '@cti/platform';

export type Cell = CellValue;

/** One table of a report, the same for the CSV and the XLSX export (and the page). */
export interface ReportTable {
  /** The table's id in the API (`?table=`). */
  readonly name: string;
  /** Its worksheet name in the workbook. */
  readonly sheet: string;
  readonly title: string;
  readonly headers: readonly string[];
  /** How each column is written to a file (number formats), in the order of `headers`. */
  readonly kinds: readonly ColumnKind[];
  readonly rows: readonly (readonly Cell[])[];
}

type Column = readonly [header: string, kind: ColumnKind];

function table(
  name: string,
  sheet: string,
  title: string,
  cols: readonly Column[],
  rows: readonly (readonly Cell[])[],
): ReportTable {
  return { name, sheet, title, headers: cols.map(([h]) => h), kinds: cols.map(([, k]) => k), rows };
}

/** The table as a sheet for the shared spreadsheet writers: column keys are the positions. */
export function tableSheet(t: ReportTable): Sheet {
  return {
    name: t.sheet,
    title: t.title,
    columns: t.headers.map((header, i) => ({ key: String(i), header, kind: t.kinds[i]! })),
    rows: t.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
  };
}

export interface AgentNames {
  nameOf(agentId: string): string;
}

export function bandLabels(bands: readonly number[]): string[] {
  return bands.map((lower, i) =>
    i + 1 < bands.length ? `${lower}-${bands[i + 1]! - 1}` : `${lower}-100`,
  );
}

const text = (header: string): Column => [header, 'text'];
const int = (header: string): Column => [header, 'int'];
const num = (header: string): Column => [header, 'number'];
const GROUP_COLUMNS: readonly Column[] = [
  int('评分次数 Evaluations'),
  num('平均分 Average'),
  num('最低 Min'),
  num('最高 Max'),
];
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
  const groupColumns = [
    ...GROUP_COLUMNS,
    ...bandLabels(s.bands).map(int),
    int('致命项 Critical fails'),
  ];
  return [
    table(
      'agents',
      '坐席',
      `坐席 Agents ${s.month}`,
      [text('工号 Agent'), text('姓名 Name'), text('班组 Team'), ...groupColumns],
      s.perAgent.map((a) => [a.key, names.nameOf(a.key), a.teamId ?? '', ...groupCells(a)]),
    ),
    table(
      'teams',
      '班组',
      `班组 Teams ${s.month}`,
      [text('班组 Team'), ...groupColumns],
      [...s.perTeam.map((t) => [t.key, ...groupCells(t)]), ['全部 All', ...groupCells(s.overall)]],
    ),
    table(
      'items',
      '评分项',
      `评分项 Items ${s.month}`,
      [
        text('评分表 Scorecard'),
        text('项 Item'),
        text('内容 Text'),
        ['致命项 Critical', 'bool'],
        int('评分次数 Scored'),
        num('平均得分率 Average %'),
        int('不合格 Failures'),
        ['不合格率 Fail rate', 'percent'],
      ],
      s.perItem.map((i) => [
        i.scorecardId,
        i.itemId,
        i.text,
        i.critical,
        i.scored,
        i.average,
        i.failures,
        i.failRate,
      ]),
    ),
    table(
      'training',
      '培训需求',
      `培训需求 Training needs ${s.month}`,
      [
        int('排名 Rank'),
        text('评分表 Scorecard'),
        text('项 Item'),
        text('内容 Text'),
        ['不合格率 Fail rate', 'percent'],
        int('不合格 Failures'),
        int('评分次数 Scored'),
      ],
      s.trainingNeeds.map((i, n) => [
        n + 1,
        i.scorecardId,
        i.itemId,
        i.text,
        i.failRate,
        i.failures,
        i.scored,
      ]),
    ),
  ];
}

export function coverageTable(
  weekId: string,
  rows: readonly CoverageRow[],
  names: AgentNames,
  teamOf: (agentId: string) => string | undefined,
): ReportTable {
  return table(
    'coverage',
    '抽检覆盖',
    `抽检覆盖 Coverage ${weekId}`,
    [
      text('工号 Agent'),
      text('姓名 Name'),
      text('班组 Team'),
      int('抽中 Picked'),
      int('已评分 Scored'),
      int('要求 Required'),
      ['达标 Met', 'bool'],
      int('上班班次 Shifts worked'),
      int('覆盖班次 Shifts covered'),
      text('说明 Note'),
    ],
    rows.map((r) => [
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
  );
}
