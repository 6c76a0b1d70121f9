import { createHash } from 'node:crypto';
import { type RecordingQaConfig } from '../config/recording-qa-config';
import {
  answerProblems,
  calibrationSpread,
  type CalibrationReport,
  type EvaluationState,
  type ItemAnswer,
  resolveDispute,
  respondToEvaluation,
  scoreAnswers,
  type TimedComment,
} from '@cti/domain';
import {
  type QaAudit,
  type QaClock,
  type QaDirectory,
  type QaPrincipal,
} from '../ports/qa-runtime.port';
import {
  type AssignmentRecord,
  type EvaluationFilter,
  type EvaluationRecord,
  type QaStore,
} from '../ports/qa-store.port';
import { type RecordingEntry, type RecordingRepository } from '../ports/recording-repository.port';
import { QaError } from '../qa-errors';
import { type QaScorecardService } from './qa-scorecard.service';

export interface SubmitScore {
  readonly assignmentId: string;
  readonly scorecardId: string;
  /** The version shown to the reviewer; the latest when absent. */
  readonly scorecardVersion?: number;
  readonly answers: Readonly<Record<string, ItemAnswer>>;
  readonly comments: readonly TimedComment[];
}

export interface AssignmentView extends AssignmentRecord {
  /** The agent's display name from the directory, for the reviewer's list. */
  readonly agentName?: string;
  readonly recording?: Pick<
    RecordingEntry,
    | 'id'
    | 'startedAt'
    | 'day'
    | 'durationSeconds'
    | 'direction'
    | 'queue'
    | 'customerMasked'
    | 'status'
    | 'mutes'
  >;
}

/**
 * Scoring, the agent's answer and the supervisor's resolution, calibration spread. Who may see
 * which evaluation follows the same rule as recordings: own, team, or everything by role;
 * anything else is "not found".
 */
export class QaScoringService {
  constructor(
    private readonly config: RecordingQaConfig,
    private readonly store: QaStore,
    private readonly recordings: RecordingRepository,
    private readonly scorecards: QaScorecardService,
    private readonly audit: QaAudit,
    private readonly clock: QaClock,
    private readonly directory: QaDirectory,
  ) {}

  async myAssignments(
    p: QaPrincipal,
    status: AssignmentRecord['status'] = 'open',
  ): Promise<AssignmentView[]> {
    const list = await this.store.assignments({ reviewerId: p.userId, status });
    const names = new Map(this.directory.agents().map((agent) => [agent.id, agent.name]));
    const out: AssignmentView[] = [];
    for (const assignment of list) {
      const name = names.get(assignment.agentId);
      const a = name !== undefined ? { ...assignment, agentName: name } : assignment;
      const r = await this.recordings.get(a.recordingId);
      out.push(
        r
          ? {
              ...a,
              recording: {
                id: r.id,
                startedAt: r.startedAt,
                day: r.day,
                durationSeconds: r.durationSeconds,
                direction: r.direction,
                queue: r.queue,
                customerMasked: r.customerMasked,
                status: r.status,
                mutes: r.mutes,
              },
            }
          : a,
      );
    }
    return out;
  }

  async submit(p: QaPrincipal, s: SubmitScore): Promise<EvaluationRecord> {
    const a = await this.store.assignment(s.assignmentId);
    if (!a || a.reviewerId !== p.userId) throw new QaError('QA_NOT_FOUND', 'assignment not found');
    // Fair, just and open: nobody scores their own call, whatever the assignment says.
    if (p.agentId !== undefined && p.agentId === a.agentId)
      throw new QaError('QA_FORBIDDEN_ACTION', 'you cannot score your own call');
    if (a.status !== 'open') throw new QaError('QA_CONFLICT', 'assignment already scored');
    const card = await this.scorecards.resolve(s.scorecardId, s.scorecardVersion);
    const recording = await this.recordings.get(a.recordingId);
    const problems = answerProblems(card, s.answers, s.comments, recording?.durationSeconds);
    if (problems.length)
      throw new QaError('QA_BAD_REQUEST', 'answers cannot be scored', { problems });
    const result = scoreAnswers(card, s.answers);
    const now = this.clock.now();
    const record: EvaluationRecord = {
      id: createHash('sha256')
        .update(JSON.stringify(['evaluation', a.id]))
        .digest('hex')
        .slice(0, 32),
      assignmentId: a.id,
      recordingId: a.recordingId,
      ...(a.teamId !== undefined ? { teamId: a.teamId } : {}),
      scorecardId: card.id,
      scorecardVersion: card.version,
      answers: s.answers,
      comments: s.comments.map((c) => ({
        atSeconds: c.atSeconds,
        text: c.text.trim(),
        ...(c.itemId !== undefined ? { itemId: c.itemId } : {}),
      })),
      result,
      calibration: a.calibration,
      state: {
        status: 'submitted',
        agentId: a.agentId,
        reviewerId: p.userId,
        submittedAt: now,
        total: result.total,
      },
    };
    await this.log(p, 'qa.score', record.id, {
      recordingId: a.recordingId,
      total: result.total,
      criticalFail: result.criticalFail,
      scorecard: `${card.id}@${card.version}`,
    });
    await this.store.addEvaluation(record);
    return record;
  }

  async list(
    p: QaPrincipal,
    filter: Omit<EvaluationFilter, 'agentId' | 'reviewerId' | 'teamId'> & {
      readonly agentId?: string;
    },
  ): Promise<EvaluationRecord[]> {
    switch (p.role) {
      case 'agent':
        if (p.agentId === undefined) return [];
        return this.store.evaluations({ ...filter, agentId: p.agentId });
      case 'team_leader':
        if (p.teamId === undefined) return [];
        return this.store.evaluations({ ...filter, teamId: p.teamId });
      case 'qa':
        return this.store.evaluations({ ...filter, reviewerId: p.userId });
      case 'supervisor':
      case 'admin':
        return this.store.evaluations({
          ...filter,
          ...(p.teamId !== undefined && p.role === 'supervisor' ? { teamId: p.teamId } : {}),
        });
    }
  }

  async get(p: QaPrincipal, id: string): Promise<EvaluationRecord> {
    const e = await this.store.evaluation(id);
    if (!e || !this.maySee(p, e)) throw new QaError('QA_NOT_FOUND', 'evaluation not found');
    return e;
  }

  async respond(
    p: QaPrincipal,
    id: string,
    kind: 'acknowledge' | 'dispute',
    reason?: string,
  ): Promise<EvaluationRecord> {
    const e = await this.get(p, id);
    if (p.role !== 'agent' || p.agentId === undefined)
      throw new QaError('QA_FORBIDDEN_ACTION', 'only the agent answers their score');
    const state = respondToEvaluation(
      e.state,
      {
        agentId: p.agentId,
        kind,
        ...(reason !== undefined ? { reason } : {}),
        at: this.clock.now(),
      },
      this.config.scoring.responseWindowHours,
    );
    return this.changeState(p, e, state, kind === 'dispute' ? 'qa.dispute' : 'qa.acknowledge');
  }

  async resolve(
    p: QaPrincipal,
    id: string,
    outcome: 'uphold' | 'amend',
    note: string,
    amendedTotal?: number,
  ): Promise<EvaluationRecord> {
    const e = await this.get(p, id);
    const state = resolveDispute(e.state, {
      by: p.userId,
      outcome,
      note,
      ...(amendedTotal !== undefined ? { amendedTotal } : {}),
      at: this.clock.now(),
    });
    return this.changeState(p, e, state, 'qa.resolve');
  }

  /** How far apart the reviewers who scored this call are (calibration copies and the first score). */
  async calibration(p: QaPrincipal, recordingId: string): Promise<CalibrationReport> {
    const all = (await this.store.evaluations({ recordingId })).filter((e) => this.maySee(p, e));
    if (all.length === 0) throw new QaError('QA_NOT_FOUND', 'no scores for that recording');
    const latest = all.filter(
      (e) =>
        e.scorecardId === all[0]!.scorecardId && e.scorecardVersion === all[0]!.scorecardVersion,
    );
    return calibrationSpread(
      recordingId,
      latest.map((e) => ({ reviewerId: e.state.reviewerId, result: e.result })),
      this.config.scoring.calibrationTolerance,
    );
  }

  private maySee(p: QaPrincipal, e: EvaluationRecord): boolean {
    switch (p.role) {
      case 'admin':
        return true;
      case 'supervisor':
        return p.teamId === undefined || e.teamId === p.teamId;
      case 'team_leader':
        return p.teamId !== undefined && e.teamId === p.teamId;
      case 'qa':
        return e.state.reviewerId === p.userId;
      case 'agent':
        return p.agentId !== undefined && e.state.agentId === p.agentId;
    }
  }

  private async changeState(
    p: QaPrincipal,
    e: EvaluationRecord,
    state: EvaluationState,
    action: string,
  ): Promise<EvaluationRecord> {
    await this.log(p, action, e.id, {
      status: state.status,
      ...(state.finalTotal !== undefined ? { finalTotal: state.finalTotal } : {}),
    });
    await this.store.updateEvaluationState(e.id, state);
    return { ...e, state };
  }

  private async log(
    p: QaPrincipal,
    action: string,
    target: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.audit.append({
        actor: p.userId,
        action,
        target,
        details: { role: p.role, ...details },
      });
    } catch {
      throw new QaError('QA_AUDIT_UNAVAILABLE', 'audit trail unavailable');
    }
  }
}
