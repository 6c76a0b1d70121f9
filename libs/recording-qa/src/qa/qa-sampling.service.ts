import { createHash, randomBytes } from 'node:crypto';
import { type RecordingQaConfig } from '../config/recording-qa-config';
import {
  assignReviewers,
  type CandidateCall,
  canonicalJson,
  compareText,
  drawShift,
  type SamplePick,
  SeededRandom,
  type ShiftDrawInput,
  parseDay,
  subSeed,
} from '@cti/domain';
import {
  type QaAlerts,
  type QaAudit,
  type QaClock,
  type QaPresence,
  type QaReviewerSource,
} from '../ports/qa-runtime.port';
import { type AssignmentRecord, type QaStore, type SampleDrawRecord } from '../ports/qa-store.port';
import { type RecordingRepository } from '../ports/recording-repository.port';
import { QaError } from '../qa-errors';
import { samplingWeekOf } from './week-plan';

const SEED = /^[A-Za-z0-9._:-]{1,64}$/;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface DrawRequest {
  /** Any day of the week; the shift id is `<day>T<HH:MM>`. */
  readonly day: string;
  readonly shiftId: string;
  /** Given to re-run a draw elsewhere; a random one is made and recorded otherwise. */
  readonly seed?: string;
  readonly by: string;
}

/**
 * The per-shift QA draw as a service: gathers the week's judgeable recorded calls, runs the
 * pure seeded sampler, gives the picks to reviewers, and stores seed, exact inputs (canonical
 * JSON + SHA-256) and result, so that `verify` (or anyone with the inputs) gets the same picks.
 */
export class QaSamplingService {
  constructor(
    private readonly config: RecordingQaConfig,
    private readonly recordings: RecordingRepository,
    private readonly store: QaStore,
    private readonly reviewers: QaReviewerSource,
    private readonly presence: QaPresence,
    private readonly alerts: QaAlerts,
    private readonly clock: QaClock,
    private readonly audit: QaAudit,
  ) {}

  async draw(req: DrawRequest): Promise<SampleDrawRecord> {
    if (req.seed !== undefined && !SEED.test(req.seed))
      throw new QaError('QA_BAD_REQUEST', 'seed: 1-64 letters, digits or . _ : -');
    const week = this.weekOf(req.day);
    const shift = week.shifts.find((s) => s.id === req.shiftId);
    if (!shift) throw new QaError('QA_BAD_REQUEST', 'shiftId is not a shift of that week');
    const now = this.clock.now();
    if (shift.end > now) throw new QaError('QA_CONFLICT', 'the shift has not ended yet');
    const previous = await this.store.drawsOfWeek(week.id);
    const seed = req.seed ?? randomBytes(12).toString('hex');
    const input: ShiftDrawInput = {
      seed,
      week,
      shiftId: shift.id,
      rules: {
        minPerWeek: this.config.sampling.minPerWeek,
        minPerWorkedShift: this.config.sampling.minPerWorkedShift,
        minTalkSeconds: this.config.sampling.minTalkSeconds,
      },
      calls: await this.candidates(week.shifts[0]!.start, shift.end),
      previousPicks: previous.flatMap((d) => d.draw.picks),
      workedAgents: [...(await this.presence.agentsWorked(shift.start, shift.end))].sort(),
    };
    const draw = drawShift(input);
    const id = `${week.id}|${shift.id}`;
    const assignments = await this.assign(
      id,
      seed,
      draw.picks,
      previous.map((d) => d.id),
      now,
    );
    const record: SampleDrawRecord = {
      id,
      weekId: week.id,
      shiftId: shift.id,
      seed,
      inputs: JSON.parse(canonicalJson(input)) as unknown,
      inputsSha256: sha256(canonicalJson(input)),
      draw,
      createdAt: now,
      createdBy: req.by,
    };
    await this.store.addDraw(record, assignments);
    await this.audit.append({
      actor: req.by,
      action: 'qa.draw',
      target: id,
      details: {
        seed,
        inputsSha256: record.inputsSha256,
        picks: draw.picks.length,
        assignments: assignments.length,
      },
    });
    for (const a of draw.agents.filter((x) => x.status === 'too-few-calls' && x.note)) {
      await this.alerts.raise({
        kind: 'qa-sampling-shortfall',
        at: now,
        agentId: a.agentId,
        message: a.note!,
      });
    }
    return record;
  }

  /** Re-runs a stored draw from its recorded inputs: the same picks, or the difference. */
  async verify(
    drawId: string,
  ): Promise<{ readonly identical: boolean; readonly inputsIntact: boolean }> {
    const record = await this.store.draw(drawId);
    if (!record) throw new QaError('QA_NOT_FOUND', 'draw not found');
    const inputs = record.inputs as ShiftDrawInput;
    const again = drawShift(inputs);
    return {
      identical: canonicalJson(again) === canonicalJson(record.draw),
      inputsIntact: sha256(canonicalJson(inputs)) === record.inputsSha256,
    };
  }

  weekOf(day: string) {
    const parsed = parseDay(day);
    if (!parsed.ok) throw new QaError('QA_BAD_REQUEST', `day: ${parsed.problem}`);
    return samplingWeekOf(day, this.config.sampling.shiftStarts, this.config.timezone);
  }

  /** Complete recordings of the week so far, one candidate per recording and first agent. */
  private async candidates(from: number, to: number): Promise<CandidateCall[]> {
    const entries = await this.recordings.list({
      statuses: ['complete'],
      from: from - 86_400_000,
      to,
    });
    return entries
      .filter(
        (e) =>
          e.agentId !== undefined &&
          e.answeredAt !== undefined &&
          e.answeredAt >= from &&
          e.answeredAt < to,
      )
      .map((e) => ({
        recordingId: e.id,
        agentId: e.agentId!,
        ...(e.teamId !== undefined ? { teamId: e.teamId } : {}),
        answeredAt: e.answeredAt!,
        talkSeconds: e.talkSeconds ?? e.durationSeconds ?? 0,
        answered: true,
        recorded: true,
      }));
  }

  private async assign(
    drawId: string,
    seed: string,
    picks: readonly SamplePick[],
    earlierDraws: readonly string[],
    now: number,
  ): Promise<AssignmentRecord[]> {
    const reviewers = [...(await this.reviewers.reviewers())].sort((a, b) =>
      compareText(a.id, b.id),
    );
    const load: Record<string, number> = {};
    if (earlierDraws.length)
      for (const a of await this.store.assignments({ drawIds: earlierDraws }))
        load[a.reviewerId] = (load[a.reviewerId] ?? 0) + 1;
    const share = this.config.sampling.calibrationShare;
    const calibration = new SeededRandom(subSeed(seed, 'calibration')).sample(
      picks.map((p) => p.recordingId).sort(),
      Math.round(picks.length * share),
    );
    const { assignments } = assignReviewers(picks, reviewers, {
      seed,
      existingLoad: load,
      calibrationRecordingIds: calibration,
      calibrationReviewers: this.config.sampling.calibrationReviewers,
    });
    return assignments.map((a) => ({
      id: sha256(JSON.stringify([drawId, a.recordingId, a.agentId, a.reviewerId])).slice(0, 32),
      drawId,
      recordingId: a.recordingId,
      agentId: a.agentId,
      ...(picks.find((p) => p.recordingId === a.recordingId)?.teamId !== undefined
        ? { teamId: picks.find((p) => p.recordingId === a.recordingId)!.teamId! }
        : {}),
      reviewerId: a.reviewerId,
      calibration: a.calibration,
      status: 'open' as const,
      createdAt: now,
    }));
  }
}
