import { type CoreOutput } from '@cti/domain';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { at } from '../testing/fixtures';
import { WorkforceHarness } from '../testing/harness';
import { type WorkforcePrincipal } from '../ports/principal';

const DAY = '2026-12-01';
const supervisor: WorkforcePrincipal = { userId: 'u4', username: 'sup1', role: 'supervisor' };
const leader: WorkforcePrincipal = {
  userId: 'u3',
  username: 'leader1',
  role: 'team_leader',
  teamId: 't1',
};

const session = (agentId: string, loginAt: number, logoutAt?: number): CoreOutput => ({
  type: 'session',
  session: { agentId, loginAt, ...(logoutAt !== undefined ? { logoutAt } : {}) },
});
const pause = (
  agentId: string,
  reason: string,
  startedAt: number,
  minutes: number,
  limitSeconds = 900,
): CoreOutput => ({
  type: 'pause-ended',
  pause: {
    agentId,
    reason,
    startedAt,
    endedAt: startedAt + minutes * 60_000,
    limitSeconds,
    overLimit: minutes * 60 > limitSeconds,
  },
});

describe('attendance from the phone system (real PostgreSQL)', () => {
  let h: WorkforceHarness;
  beforeAll(async () => {
    h = await WorkforceHarness.start(await startTestDatabase(), at(DAY, '08:00'));
    h.push(
      session('1001', at(DAY, '08:40')),
      session('1001', at(DAY, '08:40'), at(DAY, '17:35')),
      session('1002', at(DAY, '08:50', 1), at(DAY, '17:31')),
      session('1003', at(DAY, '09:40'), at(DAY, '16:00')),
      session('3001', at(DAY, '08:30')),
      pause('1001', '示忙', at(DAY, '10:00'), 20),
      pause('1001', 'lunch', at(DAY, '12:00'), 55, 3600),
    );
    await h.settle();
  });
  afterAll(() => h?.stop());

  it('first login and last logout against 08:45 / 17:30, classified; pauses over the limit counted', async () => {
    h.clock.set(at(DAY, '22:00'));
    const days = await h.attendance.days(DAY, DAY, h.settings.callCenter.agents);
    const by = (id: string) => days.find((d) => d.agentId === id)!;
    expect(by('1001')).toMatchObject({
      firstLoginAt: at(DAY, '08:40'),
      lastLogoutAt: at(DAY, '17:35'),
      flags: ['pause-over-limit'],
      overLimitPauses: 1,
      pauseSecondsByReason: { 示忙: 1200, lunch: 3300 },
    });
    expect(by('1002')).toMatchObject({
      lateSeconds: 301,
      lateClass: 'minor',
      flags: ['late'],
      absenceDays: 0,
    });
    expect(by('1003')).toMatchObject({
      lateClass: 'minor',
      earlyClass: 'half-day',
      flags: ['late', 'early-absence'],
      absenceDays: 0.5,
    });
    expect(by('3001')).toMatchObject({ loggedIn: true, flags: ['still-logged-in'] });
    expect(by('2001')).toMatchObject({ flags: ['no-show'], absenceDays: 1 });
  });

  it('leave through the API: no quota, no attendance that day; an approved exception turns a flag off', async () => {
    await h.planning.putOverride(supervisor, {
      day: DAY,
      agentId: '2001',
      kind: 'leave',
      reason: '病假',
    });
    await expect(
      h.planning.putOverride(leader, { day: DAY, agentId: '2001', kind: 'leave', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      h.planning.putOverride(supervisor, { day: 'tomorrow', kind: 'holiday', reason: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await h.attendance.addException(supervisor, {
      agentId: '1003',
      day: DAY,
      flag: 'early-absence',
      reason: '医院复诊（有证明）',
    });
    await expect(
      h.attendance.addException(supervisor, { agentId: '1003', day: DAY, flag: 'early' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const days = await h.attendance.days(DAY, DAY, h.settings.callCenter.agents);
    expect(days.find((d) => d.agentId === '2001')).toMatchObject({
      status: 'leave',
      flags: [],
      absenceDays: 0,
    });
    expect(days.find((d) => d.agentId === '1003')).toMatchObject({
      flags: ['late'],
      excused: [{ flag: 'early-absence', reason: '医院复诊（有证明）', by: 'sup1' }],
      absenceDays: 0,
    });
    const ledger = await h.quotaDay.ledger(DAY);
    expect(ledger.entries.find((e) => e.agentId === '2001')).toMatchObject({
      status: 'leave',
      quota: 0,
      met: true,
    });
    const audits = (await h.audit.list()).map((a) => a.action);
    expect(audits).toEqual(
      expect.arrayContaining(['schedule.override_add', 'attendance.exception']),
    );
  });

  it('the month: the monthly rule applied to the days so far', async () => {
    const [m1002] = await h.attendance.month('2026-12', [
      h.settings.callCenter.agents.find((a) => a.id === '1002')!,
    ]);
    expect(m1002).toMatchObject({ month: '2026-12', lates: 1, incidents: 1, scheduledDays: 1 });
  });

  it('rule versions through the API start today or later; earlier days are never rewritten', async () => {
    const set = {
      version: 'v2',
      effectiveFrom: '2026-11-30',
      effective: { minTalkSeconds: 45 },
      quota: { default: 40 },
    };
    await expect(h.planning.addRuleSet(set, supervisor)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      h.planning.addRuleSet({ ...set, effectiveFrom: 'soon' }, supervisor),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const added = await h.planning.addRuleSet({ ...set, effectiveFrom: '2026-12-02' }, supervisor);
    expect(added).toMatchObject({
      version: 'v2',
      effectiveFrom: '2026-12-02',
      quota: { default: 40, newHire: 30 },
    });
    expect((await h.planning.ruleSets()).map((r) => `${r.version}@${r.effectiveFrom}`)).toEqual([
      'cc-1@1970-01-01',
      'v2@2026-12-02',
    ]);
    expect((await h.quotaDay.ledger(DAY)).ruleVersion).toBe('cc-1');
    expect((await h.quotaDay.ledger('2026-12-02')).entries[0]).toMatchObject({
      ruleVersion: 'v2',
      quota: 40,
    });
  });
});
