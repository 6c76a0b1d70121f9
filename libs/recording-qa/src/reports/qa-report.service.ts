import { type RecordingQaConfig } from '../config/recording-qa-config';
import {
  compareText,
  type CoverageRow,
  effectiveTotal,
  type EvaluationFact,
  monthlySummary,
  type MonthlySummary,
  type Scorecard,
  weeklyCoverage,
} from '@cti/domain';
import { type QaDirectory, type QaPrincipal } from '../ports/qa-runtime.port';
import { type EvaluationRecord, type QaStore } from '../ports/qa-store.port';
import { type QaSamplingService } from '../qa/qa-sampling.service';
import { type QaScoringService } from '../qa/qa-scoring.service';
import { monthRange } from './month-range';
import { type AgentNames, coverageTable, monthlyTables, type ReportTable } from './report-tables';

export interface WeeklyCoverage {
  readonly weekId: string;
  readonly required: number;
  readonly rows: readonly CoverageRow[];
}

/**
 * Summaries for the director (monthly, per agent / team / scorecard item), the trainers (items
 * failing most often) and QA (weekly coverage against the minimum). Scores within what the
 * caller may see; amended totals count; each calibrated call counts once (its first score).
 */
export class QaReportService {
  constructor(
    private readonly config: RecordingQaConfig,
    private readonly store: QaStore,
    private readonly scoring: QaScoringService,
    private readonly sampling: QaSamplingService,
    private readonly directory: QaDirectory,
  ) {}

  async monthly(p: QaPrincipal, month: string): Promise<MonthlySummary> {
    const { from, to } = monthRange(month, this.config.timezone);
    const evaluations = await this.scoring.list(p, { from, to });
    return monthlySummary(month, await this.facts(evaluations));
  }

  async monthlyTables(p: QaPrincipal, month: string): Promise<ReportTable[]> {
    return monthlyTables(await this.monthly(p, month), this.names());
  }

  async coverage(p: QaPrincipal, day: string): Promise<WeeklyCoverage> {
    const week = this.sampling.weekOf(day);
    const draws = await this.store.drawsOfWeek(week.id);
    // Scores of this week's picks, whenever they were given (reviews run into the next week).
    const assignmentIds = new Set(
      (draws.length ? await this.store.assignments({ drawIds: draws.map((d) => d.id) }) : []).map(
        (a) => a.id,
      ),
    );
    const scored = (await this.scoring.list(p, { from: week.shifts[0]!.start })).filter(
      (e) => e.assignmentId !== undefined && assignmentIds.has(e.assignmentId),
    );
    const visible = this.visibleAgents(p);
    const stats = new Map<
      string,
      { picked: number; worked: number; covered: number; note?: string }
    >();
    for (const d of draws) {
      for (const a of d.draw.agents) {
        const s = stats.get(a.agentId) ?? { picked: 0, worked: 0, covered: 0 };
        const own = d.draw.picks.some(
          (x) => x.agentId === a.agentId && x.callShiftId === d.shiftId && !x.catchUp,
        );
        if (own || a.shiftUncovered) s.worked++;
        if (own) s.covered++;
        s.picked = a.pickedThisWeek;
        if (a.note) s.note = a.note;
        else if (a.status === 'met') delete s.note;
        stats.set(a.agentId, s);
      }
    }
    const scoredBy = new Map<string, Set<string>>();
    for (const e of scored)
      scoredBy.set(
        e.state.agentId,
        (scoredBy.get(e.state.agentId) ?? new Set()).add(e.recordingId),
      );
    const rows = [...stats.entries()]
      .filter(([agentId]) => visible(agentId))
      .map(([agentId, s]) => ({
        agentId,
        picked: s.picked,
        scored: scoredBy.get(agentId)?.size ?? 0,
        shiftsWorked: s.worked,
        shiftsCovered: s.covered,
        ...(s.note ? { note: s.note } : {}),
      }));
    return {
      weekId: week.id,
      required: this.config.sampling.minPerWeek,
      rows: weeklyCoverage(rows, this.config.sampling.minPerWeek),
    };
  }

  async coverageTable(p: QaPrincipal, day: string): Promise<ReportTable> {
    const c = await this.coverage(p, day);
    return coverageTable(c.weekId, c.rows, this.names(), (a) => this.directory.teamOf(a));
  }

  private names(): AgentNames {
    const byId = new Map(this.directory.agents().map((a) => [a.id, a.name]));
    return { nameOf: (id) => byId.get(id) ?? '' };
  }

  private visibleAgents(p: QaPrincipal): (agentId: string) => boolean {
    if (p.role === 'agent') return (a) => a === p.agentId;
    if (p.role === 'team_leader' || (p.role === 'supervisor' && p.teamId !== undefined))
      return (a) => p.teamId !== undefined && this.directory.teamOf(a) === p.teamId;
    return () => true;
  }

  /** Evaluations as summary facts: item texts of their own scorecard version, final totals. */
  private async facts(evaluations: readonly EvaluationRecord[]): Promise<EvaluationFact[]> {
    const cards = new Map<string, Scorecard | undefined>();
    const primaryCalibration = new Set<string>();
    const ordered = [...evaluations].sort(
      (a, b) => a.state.submittedAt - b.state.submittedAt || compareText(a.id, b.id),
    );
    const seen = new Set<string>();
    for (const e of ordered) {
      const key = JSON.stringify([e.recordingId, e.state.agentId]);
      if (e.calibration && !seen.has(key)) primaryCalibration.add(e.id);
      seen.add(key);
    }
    const out: EvaluationFact[] = [];
    for (const e of ordered) {
      const cardKey = `${e.scorecardId}@${e.scorecardVersion}`;
      if (!cards.has(cardKey))
        cards.set(cardKey, await this.store.scorecard(e.scorecardId, e.scorecardVersion));
      const texts = new Map(
        (cards.get(cardKey)?.sections ?? []).flatMap((s) =>
          s.items.map((i) => [i.id, i.text] as const),
        ),
      );
      const total = effectiveTotal(e.state);
      out.push({
        evaluationId: e.id,
        recordingId: e.recordingId,
        agentId: e.state.agentId,
        ...(e.teamId !== undefined ? { teamId: e.teamId } : {}),
        scorecardId: e.scorecardId,
        scorecardVersion: e.scorecardVersion,
        total,
        // An amendment that clears the score also clears its critical failure.
        criticalFail: e.result.criticalFail && !(e.state.status === 'amended' && total > 0),
        calibration: e.calibration && !primaryCalibration.has(e.id),
        items: e.result.items.map((i) => ({
          itemId: i.itemId,
          text: texts.get(i.itemId) ?? i.itemId,
          critical: i.critical,
          fraction: i.fraction,
          failed: i.failed,
        })),
      });
    }
    return out;
  }
}
