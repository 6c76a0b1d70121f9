import { type CoreOutput } from '@cti/domain';
import { at, callCompleted, calls } from './fixtures';
import { type WorkforceHarness } from './harness';

export const SCENARIO_DAY = '2026-12-01';
const D = SCENARIO_DAY;

export const session = (agentId: string, loginAt: number, logoutAt?: number): CoreOutput => ({
  type: 'session',
  session: { agentId, loginAt, ...(logoutAt !== undefined ? { logoutAt } : {}) },
});

export const pause = (
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

/**
 * A winter Tuesday: 1001 meets the quota with pauses (one over the limit) and two follow-ups;
 * 1002 is 5 min late, stays after 17:00 and meets it at 17:31:35; 1003 (new hire) leaves early and
 * is still staying; 2001 is on leave; 3001 never logs in. The shift end runs at 17:00.
 */
export async function playScenarioDay(h: WorkforceHarness): Promise<void> {
  h.clock.set(at(D, '08:00'));
  await h.planning.putOverride(
    { userId: 's', username: 'sup1', role: 'supervisor' },
    { day: D, agentId: '2001', kind: 'leave', reason: '年假' },
  );
  h.push(
    session('1001', at(D, '08:40'), at(D, '17:35')),
    session('1002', at(D, '08:50', 1), at(D, '17:40')),
    session('1003', at(D, '08:44'), at(D, '16:00')),
    pause('1001', '示忙', at(D, '10:00'), 20),
    pause('1001', 'lunch', at(D, '12:00'), 55, 3600),
    ...calls('1001', 50, at(D, '09:00')),
    ...calls('1002', 47, at(D, '09:00')),
    callCompleted('1002', at(D, '16:30'), 12, {
      direction: 'inbound',
      via: 'queue',
      queue: 'sales',
    }),
    ...calls('1003', 12, at(D, '13:00')),
  );
  await h.settle();
  h.clock.set(at(D, '11:00'));
  const agent = {
    userId: 'u1',
    username: 'wangfang',
    role: 'agent' as const,
    agentId: '1001',
    teamId: 't1',
  };
  await h.followUps.create(agent, {
    kind: 'intent',
    contactName: '张先生',
    phoneNumber: '13812345678',
    content: '想了解宽带套餐，周五回访',
  });
  h.clock.set(at(D, '11:05'));
  await h.followUps.create(agent, {
    kind: 'developable',
    contactName: '=SUM(A1)',
    phoneNumber: '+8613900001111',
    content: '报价后再联系, "年底"',
  });
  h.clock.set(at(D, '17:00'));
  await h.job.tick();
  h.push(...calls('1002', 3, at(D, '17:25', 35)));
  await h.settle();
}
