import { compareText, type EvaluationState, type Scorecard } from '@cti/domain';
import {
  type AssignmentFilter,
  type AssignmentRecord,
  type EvaluationFilter,
  type EvaluationRecord,
  QaStore,
  QaStoreConflict,
  type SampleDrawRecord,
  type StoredScorecard,
} from '../ports/qa-store.port';

/** QaStore in memory: tests and running without a database. Same contract as PgQaStore. */
export class MemoryQaStore extends QaStore {
  private readonly cards: StoredScorecard[] = [];
  private readonly draws = new Map<string, SampleDrawRecord>();
  private readonly assigned = new Map<string, AssignmentRecord>();
  private readonly evals = new Map<string, EvaluationRecord>();

  async addScorecard(card: Scorecard, by: string, at: number): Promise<void> {
    if (this.cards.some((c) => c.card.id === card.id && c.card.version === card.version)) {
      throw new QaStoreConflict(`scorecard ${card.id} v${card.version} exists`);
    }
    this.cards.push({ card, createdAt: at, createdBy: by });
  }

  async scorecardVersions(id: string): Promise<StoredScorecard[]> {
    return this.cards
      .filter((c) => c.card.id === id)
      .sort((a, b) => a.card.version - b.card.version);
  }

  async scorecard(id: string, version: number): Promise<Scorecard | undefined> {
    return this.cards.find((c) => c.card.id === id && c.card.version === version)?.card;
  }

  async latestScorecards(): Promise<Scorecard[]> {
    const latest = new Map<string, Scorecard>();
    for (const { card } of this.cards)
      if ((latest.get(card.id)?.version ?? 0) < card.version) latest.set(card.id, card);
    return [...latest.values()].sort((a, b) => compareText(a.id, b.id));
  }

  async addDraw(draw: SampleDrawRecord, assignments: readonly AssignmentRecord[]): Promise<void> {
    if (
      [...this.draws.values()].some((d) => d.weekId === draw.weekId && d.shiftId === draw.shiftId)
    ) {
      throw new QaStoreConflict(`shift ${draw.shiftId} of ${draw.weekId} was drawn already`);
    }
    this.draws.set(draw.id, draw);
    for (const a of assignments) this.assigned.set(a.id, a);
  }

  async draw(id: string): Promise<SampleDrawRecord | undefined> {
    return this.draws.get(id);
  }

  async drawsOfWeek(weekId: string): Promise<SampleDrawRecord[]> {
    return [...this.draws.values()]
      .filter((d) => d.weekId === weekId)
      .sort((a, b) => a.createdAt - b.createdAt || compareText(a.shiftId, b.shiftId));
  }

  async assignments(f: AssignmentFilter): Promise<AssignmentRecord[]> {
    return [...this.assigned.values()]
      .filter(
        (a) =>
          (f.reviewerId === undefined || a.reviewerId === f.reviewerId) &&
          (f.status === undefined || a.status === f.status) &&
          (f.recordingId === undefined || a.recordingId === f.recordingId) &&
          (f.drawIds === undefined || f.drawIds.includes(a.drawId)),
      )
      .sort((a, b) => a.createdAt - b.createdAt || compareText(a.id, b.id));
  }

  async assignment(id: string): Promise<AssignmentRecord | undefined> {
    return this.assigned.get(id);
  }

  async addEvaluation(e: EvaluationRecord): Promise<void> {
    if (e.assignmentId !== undefined) {
      const a = this.assigned.get(e.assignmentId);
      if (!a || a.status === 'scored') throw new QaStoreConflict('assignment is not open');
      this.assigned.set(a.id, { ...a, status: 'scored' });
    }
    this.evals.set(e.id, e);
  }

  async updateEvaluationState(id: string, state: EvaluationState): Promise<void> {
    const e = this.evals.get(id);
    if (e) this.evals.set(id, { ...e, state });
  }

  async evaluation(id: string): Promise<EvaluationRecord | undefined> {
    return this.evals.get(id);
  }

  async evaluations(f: EvaluationFilter): Promise<EvaluationRecord[]> {
    return [...this.evals.values()]
      .filter(
        (e) =>
          (f.agentId === undefined || e.state.agentId === f.agentId) &&
          (f.reviewerId === undefined || e.state.reviewerId === f.reviewerId) &&
          (f.recordingId === undefined || e.recordingId === f.recordingId) &&
          (f.teamId === undefined || e.teamId === f.teamId) &&
          (f.statuses === undefined || f.statuses.includes(e.state.status)) &&
          (f.from === undefined || e.state.submittedAt >= f.from) &&
          (f.to === undefined || e.state.submittedAt < f.to),
      )
      .sort((a, b) => a.state.submittedAt - b.state.submittedAt || compareText(a.id, b.id));
  }
}
