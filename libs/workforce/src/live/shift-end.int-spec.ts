import { type StayLate } from '@cti/domain';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { at, callCompleted, calls } from '../testing/fixtures';
import { WorkforceHarness } from '../testing/harness';
import { ShiftEndJob } from './shift-end.job';

const DAY = '2026-12-01'; // a winter Tuesday: 09:00-12:00, 13:00-17:00

describe('shift end on a fake clock (real PostgreSQL, real HTTP receiver)', () => {
  let h: WorkforceHarness;

  beforeAll(async () => {
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '08:00'));
    await h.stores.overrides.put(
      { day: DAY, agentId: '2001', kind: 'leave', reason: '年假' },
      'sup1',
    );
    h.push(
      ...calls('1001', 50, at(DAY, '09:00')),
      ...calls('1002', 47, at(DAY, '09:00')),
      callCompleted('1002', at(DAY, '16:00'), 20),
      callCompleted('1002', at(DAY, '16:10'), 29.9),
      ...calls('1003', 12, at(DAY, '13:00')),
      ...calls('3001', 49, at(DAY, '09:00')),
    );
    await h.settle();
  });
  afterAll(() => h?.stop());

  it('nothing before the shift ends', async () => {
    h.clock.set(at(DAY, '16:59', 59));
    expect(await h.job.tick()).toEqual([]);
    expect(h.receiver.received).toHaveLength(0);
  });

  it('at 17:00: the must-stay list, furthest behind first; nobody on leave or done', async () => {
    h.clock.set(at(DAY, '17:00'));
    const [run, ...more] = await h.job.tick();
    expect(more).toEqual([]);
    expect(run).toMatchObject({ day: DAY, shiftEnd: at(DAY, '17:00'), ruleVersion: 'cc-1' });
    expect(run!.agents).toEqual([
      { agentId: '1003', name: '张敏', team: 't1', quota: 30, effective: 12, shortfall: 18 },
      { agentId: '1002', name: '李伟', team: 't1', quota: 50, effective: 47, shortfall: 3 },
      { agentId: '3001', name: '刘洋', team: 'heat', quota: 50, effective: 49, shortfall: 1 },
    ]);
    expect(h.alerts.runs).toHaveLength(1);
    expect(
      h.stayLate
        .staying()
        .map((s) => s.agentId)
        .sort(),
    ).toEqual(['1002', '1003', '3001']);
  });

  it('supervisors are notified at the configured URL, once', async () => {
    const [hook] = await h.receiver.waitFor(1);
    expect(hook!.path).toBe('/hook');
    expect(hook!.json).toMatchObject({
      event: 'must-stay',
      day: DAY,
      shiftEnd: new Date(at(DAY, '17:00')).toISOString(),
      agents: [
        { agentId: '1003', shortfall: 18 },
        { agentId: '1002', shortfall: 3 },
        { agentId: '3001', shortfall: 1 },
      ],
      title: '今日未完成电话量，需留下（2026-12-01 17:00）',
    });
    h.clock.set(at(DAY, '17:01'));
    expect(await h.job.tick()).toEqual([]);
    // Another instance (or this one after a restart) finds the run in the store and skips it.
    const other = new ShiftEndJob(
      h.settings,
      h.quotaDay,
      h.stayLate,
      h.stores.stays,
      h.notifier,
      h.alerts,
      h.clock,
    );
    expect(await other.tick()).toEqual([]);
    const [stored] = await h.stores.stays.runs(DAY);
    expect(stored!.notifications).toEqual([
      {
        target: expect.stringMatching(/^generic:127\.0\.0\.1:\d+$/),
        kind: 'generic',
        ok: true,
        status: 200,
      },
    ]);
    expect(h.receiver.received).toHaveLength(1);
  });

  it('a staying agent is tracked live until the count is met; the stay-late time is recorded', async () => {
    h.push(
      callCompleted('1002', at(DAY, '17:05'), 45),
      callCompleted('1002', at(DAY, '17:10'), 10),
      callCompleted('1002', at(DAY, '17:12'), 40),
    );
    await h.settle();
    expect(await h.stores.stays.get('1002', DAY)).toMatchObject({
      state: 'staying',
      effective: 49,
      effectiveAtShiftEnd: 47,
    });
    // The wallboard hears every step of the count, not only the end.
    expect(h.alerts.updates).toEqual(['1002:48', '1002:49']);
    h.push(callCompleted('1002', at(DAY, '17:30'), 95));
    await h.settle();
    const met = await h.stores.stays.get('1002', DAY);
    expect(met).toEqual<StayLate>({
      agentId: '1002',
      day: DAY,
      shiftEnd: at(DAY, '17:00'),
      quota: 50,
      effectiveAtShiftEnd: 47,
      effective: 50,
      state: 'met',
      finishedAt: at(DAY, '17:31', 35),
    });
    expect(h.alerts.finished).toEqual(['1002:met']);
    const [, finished] = await h.receiver.waitFor(2);
    expect(finished!.json).toMatchObject({
      event: 'stay-finished',
      agentId: '1002',
      state: 'met',
      stayLateMinutes: 31,
    });
  });

  it('a supervisor releases an agent with a reason; the release is audited', async () => {
    h.clock.set(at(DAY, '17:45'));
    const actor = { name: 'sup1', userId: 'u-1', role: 'supervisor' };
    await expect(h.stayLate.release('3001', DAY, ' ', actor)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(h.stayLate.release('1002', DAY, 'done anyway', actor)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(h.stayLate.release('2001', DAY, 'not staying', actor)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const released = await h.stayLate.release('3001', DAY, '家中有事，主管批准', actor);
    expect(released).toMatchObject({
      state: 'released',
      finishedAt: at(DAY, '17:45'),
      releasedBy: 'sup1',
      releaseReason: '家中有事，主管批准',
    });
    const [entry] = await h.audit.list({ action: 'stay_late.release' });
    expect(entry).toMatchObject({
      actor: 'sup1',
      target: `3001/${DAY}`,
      details: { reason: '家中有事，主管批准', effective: 49, quota: 50, role: 'supervisor' },
    });
    expect(await h.stores.stays.list(DAY, DAY)).toEqual([
      expect.objectContaining({ agentId: '1002', state: 'met' }),
      expect.objectContaining({ agentId: '1003', state: 'staying' }),
      expect.objectContaining({
        agentId: '3001',
        state: 'released',
        releaseReason: '家中有事，主管批准',
      }),
    ]);
  });

  it('a failing webhook is recorded as failed, and the shift end still happens', async () => {
    h.receiver.answer(500, 'boom');
    const next = '2026-12-02';
    h.push(...calls('1001', 3, at(next, '09:00')));
    await h.settle();
    h.clock.set(at(next, '17:00'));
    const [run] = await h.job.tick();
    expect(run!.agents.map((a) => a.agentId)).toEqual(['1002', '2001', '3001', '1001', '1003']);
    const [stored] = await h.stores.stays.runs(next);
    expect(stored!.notifications).toEqual([
      expect.objectContaining({ ok: false, status: 500, error: 'HTTP 500' }),
    ]);
    h.receiver.answer(200, '{}');
  });
});
