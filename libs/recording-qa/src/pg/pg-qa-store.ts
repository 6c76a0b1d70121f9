import { type DataSource, type EntityManager } from 'typeorm';
import {
  type EvaluationState,
  type ItemAnswer,
  type Scorecard,
  type ScoreResult,
  type ShiftDraw,
  type TimedComment,
} from '@cti/domain';
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

/** PostgreSQL unique_violation: a second write of the same natural key. */
const UNIQUE_VIOLATION = '23505';
const isUnique = (e: unknown): boolean =>
  (e as { code?: string }).code === UNIQUE_VIOLATION ||
  (e as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
const date = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const ms = (d: Date | null): number | undefined => (d === null ? undefined : d.getTime());

interface AssignmentRow {
  id: string;
  draw_id: string;
  recording_id: string;
  agent_id: string;
  team_id: string | null;
  reviewer_id: string;
  calibration: boolean;
  status: string;
  created_at: Date;
}

interface EvaluationRow {
  id: string;
  assignment_id: string | null;
  recording_id: string;
  agent_id: string;
  team_id: string | null;
  reviewer_id: string;
  scorecard_id: string;
  scorecard_version: number;
  answers: Record<string, ItemAnswer>;
  comments: TimedComment[];
  result: ScoreResult;
  total: string;
  calibration: boolean;
  status: EvaluationState['status'];
  submitted_at: Date;
  responded_at: Date | null;
  dispute_reason: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
  final_total: string | null;
}

/** QaStore in PostgreSQL; multi-row writes in one transaction. Parameterised SQL only. */
export class PgQaStore extends QaStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async addScorecard(card: Scorecard, by: string, at: number): Promise<void> {
    try {
      await this.db.query(
        'INSERT INTO "qa_scorecard" ("id", "version", "name", "definition", "created_at", "created_by") VALUES ($1, $2, $3, $4::jsonb, $5, $6)',
        [card.id, card.version, card.name, JSON.stringify(card), new Date(at), by],
      );
    } catch (e) {
      if (isUnique(e)) throw new QaStoreConflict(`scorecard ${card.id} v${card.version} exists`);
      throw e;
    }
  }

  async scorecardVersions(id: string): Promise<StoredScorecard[]> {
    const rows = await this.db.query<
      { definition: Scorecard; created_at: Date; created_by: string }[]
    >(
      'SELECT "definition", "created_at", "created_by" FROM "qa_scorecard" WHERE "id" = $1 ORDER BY "version"',
      [id],
    );
    return rows.map((r) => ({
      card: r.definition,
      createdAt: r.created_at.getTime(),
      createdBy: r.created_by,
    }));
  }

  async scorecard(id: string, version: number): Promise<Scorecard | undefined> {
    const rows = await this.db.query<{ definition: Scorecard }[]>(
      'SELECT "definition" FROM "qa_scorecard" WHERE "id" = $1 AND "version" = $2',
      [id, version],
    );
    return rows[0]?.definition;
  }

  async latestScorecards(): Promise<Scorecard[]> {
    const rows = await this.db.query<{ definition: Scorecard }[]>(
      'SELECT DISTINCT ON ("id") "definition" FROM "qa_scorecard" ORDER BY "id", "version" DESC',
    );
    return rows.map((r) => r.definition);
  }

  async addDraw(d: SampleDrawRecord, assignments: readonly AssignmentRecord[]): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        await m.query(
          `INSERT INTO "qa_sample_draw" ("id", "week_id", "shift_id", "seed", "inputs", "inputs_sha256", "result", "created_at", "created_by")
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9)`,
          [
            d.id,
            d.weekId,
            d.shiftId,
            d.seed,
            JSON.stringify(d.inputs),
            d.inputsSha256,
            JSON.stringify(d.draw),
            new Date(d.createdAt),
            d.createdBy,
          ],
        );
        for (const a of assignments) await insertAssignment(m, a);
      });
    } catch (e) {
      if (isUnique(e))
        throw new QaStoreConflict(`shift ${d.shiftId} of ${d.weekId} was drawn already`);
      throw e;
    }
  }

  async draw(id: string): Promise<SampleDrawRecord | undefined> {
    return (await this.drawRows('WHERE "id" = $1', [id]))[0];
  }

  async drawsOfWeek(weekId: string): Promise<SampleDrawRecord[]> {
    return this.drawRows('WHERE "week_id" = $1 ORDER BY "created_at", "shift_id"', [weekId]);
  }

  async assignments(f: AssignmentFilter): Promise<AssignmentRecord[]> {
    const { where, params } = conditions([
      ['"reviewer_id" = ?', f.reviewerId],
      ['"status" = ?', f.status],
      ['"recording_id" = ?', f.recordingId],
      ['"draw_id" = ANY(?)', f.drawIds ? [...f.drawIds] : undefined],
    ]);
    const rows = await this.db.query<AssignmentRow[]>(
      `SELECT * FROM "qa_assignment" ${where} ORDER BY "created_at", "id"`,
      params,
    );
    return rows.map(assignmentOf);
  }

  async assignment(id: string): Promise<AssignmentRecord | undefined> {
    const rows = await this.db.query<AssignmentRow[]>(
      'SELECT * FROM "qa_assignment" WHERE "id" = $1',
      [id],
    );
    return rows[0] ? assignmentOf(rows[0]) : undefined;
  }

  async addEvaluation(e: EvaluationRecord): Promise<void> {
    await this.db.transaction(async (m) => {
      if (e.assignmentId !== undefined) {
        const updated = await m.query<unknown[]>(
          `UPDATE "qa_assignment" SET "status" = 'scored' WHERE "id" = $1 AND "status" = 'open' RETURNING "id"`,
          [e.assignmentId],
        );
        // TypeORM returns [rows, count] for UPDATE ... RETURNING on postgres.
        const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated;
        if (rows.length === 0) throw new QaStoreConflict('assignment is not open');
      }
      const s = e.state;
      await m.query(
        `INSERT INTO "qa_evaluation" ("id", "assignment_id", "recording_id", "agent_id", "team_id", "reviewer_id", "scorecard_id",
           "scorecard_version", "answers", "comments", "result", "total", "critical_fail", "calibration", "status", "submitted_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16)`,
        [
          e.id,
          e.assignmentId ?? null,
          e.recordingId,
          s.agentId,
          e.teamId ?? null,
          s.reviewerId,
          e.scorecardId,
          e.scorecardVersion,
          JSON.stringify(e.answers),
          JSON.stringify(e.comments),
          JSON.stringify(e.result),
          s.total,
          e.result.criticalFail,
          e.calibration,
          s.status,
          new Date(s.submittedAt),
        ],
      );
    });
  }

  async updateEvaluationState(id: string, s: EvaluationState): Promise<void> {
    await this.db.query(
      `UPDATE "qa_evaluation" SET "status" = $2, "responded_at" = $3, "dispute_reason" = $4, "resolved_at" = $5,
         "resolved_by" = $6, "resolution_note" = $7, "final_total" = $8 WHERE "id" = $1`,
      [
        id,
        s.status,
        date(s.respondedAt),
        s.disputeReason ?? null,
        date(s.resolvedAt),
        s.resolvedBy ?? null,
        s.resolutionNote ?? null,
        s.finalTotal ?? null,
      ],
    );
  }

  async evaluation(id: string): Promise<EvaluationRecord | undefined> {
    const rows = await this.db.query<EvaluationRow[]>(
      'SELECT * FROM "qa_evaluation" WHERE "id" = $1',
      [id],
    );
    return rows[0] ? evaluationOf(rows[0]) : undefined;
  }

  async evaluations(f: EvaluationFilter): Promise<EvaluationRecord[]> {
    const { where, params } = conditions([
      ['"agent_id" = ?', f.agentId],
      ['"reviewer_id" = ?', f.reviewerId],
      ['"recording_id" = ?', f.recordingId],
      ['"team_id" = ?', f.teamId],
      ['"status" = ANY(?)', f.statuses ? [...f.statuses] : undefined],
      ['"submitted_at" >= ?', f.from !== undefined ? new Date(f.from) : undefined],
      ['"submitted_at" < ?', f.to !== undefined ? new Date(f.to) : undefined],
    ]);
    const rows = await this.db.query<EvaluationRow[]>(
      `SELECT * FROM "qa_evaluation" ${where} ORDER BY "submitted_at", "id"`,
      params,
    );
    return rows.map(evaluationOf);
  }

  private async drawRows(tail: string, params: unknown[]): Promise<SampleDrawRecord[]> {
    const rows = await this.db.query<
      {
        id: string;
        week_id: string;
        shift_id: string;
        seed: string;
        inputs: unknown;
        inputs_sha256: string;
        result: ShiftDraw;
        created_at: Date;
        created_by: string;
      }[]
    >(`SELECT * FROM "qa_sample_draw" ${tail}`, params);
    return rows.map((r) => ({
      id: r.id,
      weekId: r.week_id,
      shiftId: r.shift_id,
      seed: r.seed,
      inputs: r.inputs,
      inputsSha256: r.inputs_sha256,
      draw: r.result,
      createdAt: r.created_at.getTime(),
      createdBy: r.created_by,
    }));
  }
}

async function insertAssignment(m: EntityManager, a: AssignmentRecord): Promise<void> {
  await m.query(
    `INSERT INTO "qa_assignment" ("id", "draw_id", "recording_id", "agent_id", "team_id", "reviewer_id", "calibration", "status", "created_at")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.drawId,
      a.recordingId,
      a.agentId,
      a.teamId ?? null,
      a.reviewerId,
      a.calibration,
      a.status,
      new Date(a.createdAt),
    ],
  );
}

function conditions(parts: readonly [string, unknown][]): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql: string[] = [];
  for (const [clause, value] of parts) {
    if (value === undefined) continue;
    params.push(value);
    sql.push(clause.replace('?', `$${params.length}`));
  }
  return { where: sql.length ? `WHERE ${sql.join(' AND ')}` : '', params };
}

function assignmentOf(r: AssignmentRow): AssignmentRecord {
  return {
    id: r.id,
    drawId: r.draw_id,
    recordingId: r.recording_id,
    agentId: r.agent_id,
    ...(r.team_id !== null ? { teamId: r.team_id } : {}),
    reviewerId: r.reviewer_id,
    calibration: r.calibration,
    status: r.status === 'scored' ? 'scored' : 'open',
    createdAt: r.created_at.getTime(),
  };
}

function evaluationOf(r: EvaluationRow): EvaluationRecord {
  const state: EvaluationState = {
    status: r.status,
    agentId: r.agent_id,
    reviewerId: r.reviewer_id,
    submittedAt: r.submitted_at.getTime(),
    total: Number(r.total),
    ...(r.responded_at !== null ? { respondedAt: ms(r.responded_at)! } : {}),
    ...(r.dispute_reason !== null ? { disputeReason: r.dispute_reason } : {}),
    ...(r.resolved_at !== null ? { resolvedAt: ms(r.resolved_at)! } : {}),
    ...(r.resolved_by !== null ? { resolvedBy: r.resolved_by } : {}),
    ...(r.resolution_note !== null ? { resolutionNote: r.resolution_note } : {}),
    ...(r.final_total !== null ? { finalTotal: Number(r.final_total) } : {}),
  };
  return {
    id: r.id,
    ...(r.assignment_id !== null ? { assignmentId: r.assignment_id } : {}),
    recordingId: r.recording_id,
    ...(r.team_id !== null ? { teamId: r.team_id } : {}),
    scorecardId: r.scorecard_id,
    scorecardVersion: r.scorecard_version,
    answers: r.answers,
    comments: r.comments,
    result: r.result,
    calibration: r.calibration,
    state,
  };
}
