import { PERFECT, SERVICE_SCORECARD } from '../../../domain/src/qa/qa-fixtures';
import { scoreAnswers } from '@cti/domain';
import { type RecordingEntry, type RecordingRepository } from '../ports/recording-repository.port';
import {
  type AssignmentRecord,
  type EvaluationRecord,
  type QaStore,
  QaStoreConflict,
} from '../ports/qa-store.port';

/** The same behaviour is required of the in-memory and the PostgreSQL stores. */
export const FULL_ENTRY: RecordingEntry = {
  id: '1795821991.72-2',
  uniqueid: '1795821991.72',
  linkedid: '1795821991.72',
  channel: 'Local/13866770010@cust-in-00000024;1',
  pass: 2,
  startedAt: 1795822012251,
  day: '2026-11-27',
  startedBy: 'pbx',
  status: 'complete',
  location: '1795821991.72-2.wav',
  format: 'wav',
  direction: 'inbound',
  agentId: '1002',
  agentIds: ['1002', '1007'],
  teamId: 'south',
  queue: 'support',
  customerMasked: '138****0010',
  legIds: ['1002:1795821991.72:15'],
  answeredAt: 1795822012253,
  callEndedAt: 1795822018255,
  talkSeconds: 6.002,
  durationSeconds: 6.02,
  size: 96364,
  sha256: 'ab'.repeat(32),
  mtimeMs: 1795822019000,
  lastSeen: { exists: true, size: 96364, mtimeMs: 1795822019000, at: 1795822020000 },
  completedAt: 1795822030000,
  mutes: [{ from: 1795822013000, to: 1795822015000, direction: 'both', by: 'sup1' }],
};

export function recordingRepositoryContract(make: () => Promise<RecordingRepository>): void {
  it('stores every field of an entry and reads it back unchanged', async () => {
    const repo = await make();
    await repo.save(FULL_ENTRY);
    expect(await repo.get(FULL_ENTRY.id)).toEqual(FULL_ENTRY);
    const minimal: RecordingEntry = {
      id: 'u1',
      uniqueid: 'u1',
      linkedid: 'u1',
      channel: 'c',
      pass: 1,
      startedAt: 1000,
      day: '2026-11-26',
      startedBy: 'product',
      status: 'pending',
      format: 'wav',
      agentIds: [],
      legIds: [],
      mutes: [],
    };
    await repo.save(minimal);
    expect(await repo.get('u1')).toEqual(minimal);
    await repo.save({
      ...minimal,
      status: 'missing',
      flagReason: 'file never appeared',
      flaggedAt: 2000,
    });
    expect(await repo.get('u1')).toMatchObject({
      status: 'missing',
      flagReason: 'file never appeared',
      flaggedAt: 2000,
    });
  });

  it('changes mute windows only through setMutes', async () => {
    const repo = await make();
    await repo.save({ ...FULL_ENTRY, status: 'pending' });
    await repo.setMutes(FULL_ENTRY.id, [{ from: 1, direction: 'read', by: 'u' }]);
    await repo.save({ ...FULL_ENTRY, status: 'complete', mutes: [] });
    expect(await repo.get(FULL_ENTRY.id)).toMatchObject({
      status: 'complete',
      mutes: [{ from: 1, direction: 'read', by: 'u' }],
    });
  });

  it('finds by uniqueid in pass order and lists with filters', async () => {
    const repo = await make();
    await repo.save({
      ...FULL_ENTRY,
      id: 'x',
      uniqueid: 'x',
      pass: 1,
      startedAt: 10,
      agentIds: ['1001'],
      teamId: 'north',
      status: 'pending',
    });
    await repo.save({ ...FULL_ENTRY, id: 'x-2', uniqueid: 'x', pass: 2, startedAt: 20 });
    expect((await repo.byUniqueid('x')).map((e) => e.id)).toEqual(['x', 'x-2']);
    expect((await repo.list({ statuses: ['pending'] })).map((e) => e.id)).toEqual(['x']);
    expect((await repo.list({ from: 15, to: 25 })).map((e) => e.id)).toEqual(['x-2']);
    expect((await repo.list({ agentId: '1007' })).map((e) => e.id)).toEqual(['x-2']);
    expect((await repo.list({ teamId: 'north' })).map((e) => e.id)).toEqual(['x']);
    expect(await repo.list({ limit: 1 })).toHaveLength(1);
  });

  it('appends deletion records', async () => {
    const repo = await make();
    await repo.addDeletion({
      recordingId: 'x',
      location: 'x.wav',
      sha256: 'cd'.repeat(32),
      size: 10,
      startedAt: 1,
      deletedAt: 5000,
      reason: 'retention',
      retentionDays: 30,
      fileFound: true,
    });
    await repo.addDeletion({
      recordingId: 'y',
      startedAt: 1,
      deletedAt: 9000,
      reason: 'retention',
      retentionDays: 30,
      fileFound: false,
    });
    expect(
      (await repo.deletions(6000)).map((d) => [d.recordingId, d.fileFound, d.location]),
    ).toEqual([['y', false, undefined]]);
    expect(await repo.deletions()).toHaveLength(2);
  });
}

const assignment = (id: string, patch: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  id,
  drawId: 'w|s1',
  recordingId: `rec-${id}`,
  agentId: '1001',
  teamId: 'north',
  reviewerId: 'qa1',
  calibration: false,
  status: 'open',
  createdAt: 1000,
  ...patch,
});

export function qaStoreContract(make: () => Promise<QaStore>): void {
  it('keeps scorecard versions and refuses a version twice', async () => {
    const store = await make();
    await store.addScorecard(SERVICE_SCORECARD, 'admin', 1);
    await store.addScorecard({ ...SERVICE_SCORECARD, version: 2, passMark: 70 }, 'admin', 2);
    await expect(store.addScorecard(SERVICE_SCORECARD, 'admin', 3)).rejects.toBeInstanceOf(
      QaStoreConflict,
    );
    expect(
      (await store.scorecardVersions('service')).map((v) => [v.card.version, v.createdBy]),
    ).toEqual([
      [1, 'admin'],
      [2, 'admin'],
    ]);
    expect(await store.scorecard('service', 1)).toEqual(SERVICE_SCORECARD);
    expect((await store.latestScorecards()).map((c) => c.version)).toEqual([2]);
  });

  it('stores a draw with its assignments once per shift', async () => {
    const store = await make();
    const draw = {
      id: 'w|s1',
      weekId: 'w',
      shiftId: 's1',
      seed: 'seed',
      inputs: { a: [1, 2] },
      inputsSha256: 'ef'.repeat(32),
      draw: { weekId: 'w', shiftId: 's1', seed: 'seed', picks: [], agents: [] },
      createdAt: 1000,
      createdBy: 'qa-lead',
    };
    await store.addDraw(draw, [
      assignment('a1'),
      assignment('a2', { reviewerId: 'qa2', calibration: true }),
    ]);
    await expect(store.addDraw({ ...draw, id: 'other' }, [])).rejects.toBeInstanceOf(
      QaStoreConflict,
    );
    expect(await store.draw('w|s1')).toEqual(draw);
    expect(await store.drawsOfWeek('w')).toEqual([draw]);
    expect((await store.assignments({ reviewerId: 'qa2' })).map((a) => a.id)).toEqual(['a2']);
    expect(await store.assignment('a1')).toEqual(assignment('a1'));
  });

  it('stores an evaluation, closes its assignment, and updates its state', async () => {
    const store = await make();
    await store.addDraw(
      {
        id: 'd',
        weekId: 'w2',
        shiftId: 's',
        seed: 's',
        inputs: {},
        inputsSha256: '',
        draw: { weekId: 'w2', shiftId: 's', seed: 's', picks: [], agents: [] },
        createdAt: 1,
        createdBy: 'x',
      },
      [assignment('b1', { drawId: 'd' })],
    );
    const result = scoreAnswers(SERVICE_SCORECARD, { ...PERFECT, closing: 0 });
    const e: EvaluationRecord = {
      id: 'e1',
      assignmentId: 'b1',
      recordingId: 'rec-b1',
      teamId: 'north',
      scorecardId: 'service',
      scorecardVersion: 1,
      answers: { ...PERFECT, closing: 0 },
      comments: [{ atSeconds: 3.5, text: '没有标准结束语', itemId: 'closing' }],
      result,
      calibration: false,
      state: {
        status: 'submitted',
        agentId: '1001',
        reviewerId: 'qa1',
        submittedAt: 5000,
        total: result.total,
      },
    };
    await store.addEvaluation(e);
    await expect(store.addEvaluation({ ...e, id: 'e2' })).rejects.toBeInstanceOf(QaStoreConflict);
    expect(await store.evaluation('e1')).toEqual(e);
    expect((await store.assignment('b1'))!.status).toBe('scored');
    const disputed = {
      ...e.state,
      status: 'disputed' as const,
      respondedAt: 6000,
      disputeReason: 'x',
    };
    await store.updateEvaluationState('e1', disputed);
    expect((await store.evaluation('e1'))!.state).toEqual(disputed);
    expect(
      await store.evaluations({ agentId: '1001', statuses: ['disputed'], from: 5000, to: 5001 }),
    ).toHaveLength(1);
    expect(await store.evaluations({ reviewerId: 'qa2' })).toEqual([]);
  });
}
