import { monthAttendance } from './attendance-month';
import { monthlyAgentRow, monthlyTeamRows } from './monthly';
import { type LedgerEntry } from './quota-ledger';
import { startStayLate, stayLateCounted } from './stay-late';
import { at, ATTENDANCE } from '../testing/workforce-fixtures';

const entry = (
  agentId: string,
  day: string,
  effective: number,
  quota = 50,
  status: LedgerEntry['status'] = 'working',
): LedgerEntry => ({
  agentId,
  day,
  ruleVersion: day < '2026-12-03' ? 'v1' : 'v2',
  status,
  quota,
  effective,
  remaining: Math.max(0, quota - effective),
  met: effective >= quota,
});

describe('the monthly report rows', () => {
  const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
  const ledger = [
    entry('a', '2026-12-01', 50),
    entry('a', '2026-12-02', 47),
    entry('a', '2026-12-03', 3, 0, 'leave'),
    entry('b', '2026-12-01', 52),
    entry('b', '2026-12-02', 50),
  ];
  const end = at('2026-12-02', '17:00');
  const stays = [
    stayLateCounted(
      startStayLate(
        [{ agentId: 'a', quota: 50, effective: 47, shortfall: 3 }],
        '2026-12-02',
        end,
      )[0]!,
      50,
      end + 42 * 60_000,
    ),
  ];
  const noAttendance = (id: string) => monthAttendance(id, '2026-12', [], ATTENDANCE);

  it('per agent: calls per day, hit rate over working days, stay-late minutes, QA average, versions', () => {
    const a = monthlyAgentRow({
      agentId: 'a',
      name: '王芳',
      team: 't1',
      days,
      ledger,
      stays,
      attendance: noAttendance('a'),
      qaScores: [88, 91, 90],
      now: end + 86_400_000,
    });
    expect(a).toMatchObject({
      effectiveByDay: { '2026-12-01': 50, '2026-12-02': 47, '2026-12-03': 3, '2026-12-04': 0 },
      effectiveTotal: 100,
      workingDays: 2,
      daysMet: 1,
      quotaHitRate: 0.5,
      stayLateDays: 1,
      stayLateMinutes: 42,
      qaAverage: 89.7,
      ruleVersions: ['v1', 'v2'],
    });
    const b = monthlyAgentRow({
      agentId: 'b',
      name: '李伟',
      team: 't1',
      days,
      ledger,
      stays,
      attendance: noAttendance('b'),
      now: end,
    });
    expect([b.quotaHitRate, b.qaAverage, b.stayLateMinutes]).toEqual([1, null, 0]);
    expect(monthlyTeamRows([a, b])).toEqual([
      {
        team: 't1',
        agents: 2,
        effectiveTotal: 202,
        workingDays: 4,
        daysMet: 3,
        quotaHitRate: 0.75,
        stayLateMinutes: 42,
        absenceDays: 0,
        qaAverage: 89.7,
      },
    ]);
  });
});
