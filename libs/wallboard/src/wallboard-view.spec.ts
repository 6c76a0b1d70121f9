import { CallCenterCore } from '@cti/domain';
import { CoreLiveSource } from './core-live-source';
import { shiftWindow } from './shift-clock';
import { fixtureConfig, PbxScript } from './testing/call-center-fixture';
import { agentTile, alertsFor, maskNumber, queuePanel } from './wallboard-view';

const T0 = Date.parse('2026-11-27T01:00:00Z'); // 09:00 Shanghai

describe('wallboard view', () => {
  it('masks numbers keeping the prefix and the last four digits', () => {
    expect(maskNumber('13812345678')).toBe('138****5678');
    expect(maskNumber('+8613812345678')).toBe('+86****5678');
    expect(maskNumber('5551234')).toBe('*****34');
    expect(maskNumber('12')).toBe('**');
  });

  it('shapes tiles from the core: state, pause, call, today against quota', () => {
    const config = fixtureConfig();
    const core = new CallCenterCore(config);
    const source = new CoreLiveSource(core, config);
    const script = new PbxScript(core);
    script.login('8001', ['support', 'sales'], T0);
    script.login('8011', ['sales'], T0);
    const end = script.queueCall('8001', 'support', '13812345678', T0 + 60_000, 10, 95);
    const call = script.ring(
      '8001',
      'sales',
      script.callerJoins('sales', '13999990000', end + 60_000),
      end + 62_000,
    );
    script.answer(call, end + 65_000);
    script.pause('8011', '午餐', end + 70_000);
    const tile = (id: string) => agentTile(source.agent(id)!, source.progress(id));
    expect(tile('8001')).toMatchObject({
      id: '8001',
      name: '王芳',
      team: 'inbound-1',
      status: 'on-call',
      direction: 'inbound',
      since: end + 65_000,
      callSince: end + 65_000,
      customerNumber: '13999990000',
      queues: ['sales', 'support'],
      effective: 1,
      quota: 50,
    });
    expect(tile('8011')).toMatchObject({
      status: 'paused',
      pauseReason: '午餐',
      pauseSince: end + 70_000,
      pauseLimitSeconds: 3600,
      quota: 60,
    });
    // 8001 pauses while still on the call: the tile stays on-call and tells the pause.
    script.pause('8001', '小休', end + 75_000);
    expect(tile('8001')).toMatchObject({
      status: 'on-call',
      since: end + 65_000,
      pausePending: true,
      pauseReason: '小休',
      pauseSince: end + 75_000,
    });
    expect(tile('8011').pausePending).toBeUndefined();
  });

  it('computes service level, ASA and AHT from the queue figures', () => {
    const figures = {
      queue: 'support',
      waiting: 2,
      oldestWaitSince: T0,
      offered: 12,
      answered: 8,
      abandoned: 2,
      answeredAfterRingOut: 0,
      answeredWithinServiceLevel: 7,
      transferredIn: 0,
      transferredOut: 0,
      totalAnswerWaitMs: 52_000,
      totalTalkSeconds: 1_234,
      completed: 7,
      serviceLevelSeconds: 15,
    };
    expect(queuePanel(figures)).toEqual({
      queue: 'support',
      waiting: 2,
      oldestWaitSince: T0,
      offered: 12,
      answered: 8,
      abandoned: 2,
      serviceLevelSeconds: 15,
      serviceLevelPct: 70,
      asaSeconds: 6.5,
      ahtSeconds: 176.3,
    });
    expect(queuePanel({ ...figures, answered: 0, abandoned: 0, completed: 0 })).toMatchObject({
      serviceLevelPct: undefined,
      asaSeconds: undefined,
      ahtSeconds: undefined,
    });
  });

  it('finds the current shift, also across midnight', () => {
    const day = shiftWindow(
      { start: '09:00', end: '18:00', timezone: 'Asia/Shanghai' },
      T0 + 3_600_000,
    );
    expect([day.startedAt, day.endsAt, day.lateFrom]).toEqual([
      T0,
      T0 + 9 * 3_600_000,
      T0 + 6.75 * 3_600_000,
    ]);
    const night = shiftWindow(
      { start: '22:00', end: '06:00', timezone: 'Asia/Shanghai' },
      T0 - 5 * 3_600_000,
    ); // 04:00
    expect([night.startedAt, night.endsAt]).toEqual([T0 - 11 * 3_600_000, T0 - 3 * 3_600_000]);
  });

  it('alerts on a pause past its limit, far behind quota late in the shift, logged in after it', () => {
    const shift = shiftWindow({ start: '09:00', end: '18:00', timezone: 'Asia/Shanghai' }, T0);
    const base = {
      id: '8001',
      name: '王芳',
      team: 'inbound-1',
      since: T0,
      loggedIn: true,
      queues: [],
      effective: 10,
      quota: 50,
    };
    const paused = {
      ...base,
      status: 'paused' as const,
      pauseReason: '小休',
      pauseSince: T0,
      pauseLimitSeconds: 600,
    };
    expect(alertsFor(paused, T0 + 600_000, shift)).toEqual([]);
    expect(alertsFor(paused, T0 + 600_001, shift).map((a) => [a.kind, a.since])).toEqual([
      ['pause-over-limit', T0 + 600_000],
    ]);
    const available = { ...base, status: 'available' as const };
    expect(alertsFor(available, T0 + 6 * 3_600_000, shift)).toEqual([]);
    expect(alertsFor(available, T0 + 7 * 3_600_000, shift).map((a) => a.kind)).toEqual([
      'behind-quota',
    ]);
    expect(alertsFor({ ...available, effective: 25 }, T0 + 7 * 3_600_000, shift)).toEqual([]);
    expect(
      alertsFor(available, T0 + 9 * 3_600_000 + 11 * 60_000, shift).map((a) => [a.kind, a.since]),
    ).toEqual([['after-shift', T0 + 9 * 3_600_000]]);
    expect(
      alertsFor({ ...available, loggedIn: false }, T0 + 9 * 3_600_000 + 11 * 60_000, shift),
    ).toEqual([]);
  });
});
