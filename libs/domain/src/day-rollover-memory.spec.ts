import { localDay } from './local-day';
import { queueCall } from './testing/call-scripts';
import { Scenario } from './testing/scenario';
import { testConfig } from './testing/test-config';

describe('day rollover releases the previous day', () => {
  // t0 = 2026-03-10 08:00:00 +08:00
  const t0 = Date.UTC(2026, 2, 10, 0, 0, 0);
  const HOUR = 3600;

  /** A day of queue calls for two agents, then the clock past midnight. */
  function busyDay(): Scenario {
    const sc = new Scenario(testConfig(), t0);
    sc.at(0).login('1001', 'support').login('1002', 'support');
    for (let i = 0; i < 40; i++) {
      queueCall(sc, 60 + i * 600, {
        number: `1380000${String(i).padStart(4, '0')}`,
        agentId: i % 2 ? '1001' : '1002',
        talkSeconds: 90,
      });
    }
    return sc;
  }

  it('drops yesterday’s agent-days and legs half an hour after midnight, keeping today’s', () => {
    const sc = busyDay();
    const evening = sc.core.stats();
    expect(evening.dayLegs).toBe(40);
    expect(evening.agentDays).toBe(2);
    expect(evening).toMatchObject({ channels: 0, openLegs: 0, queueEntries: 0 });

    // 00:20 the next day: yesterday still held (a call across midnight may still end).
    sc.advanceTo(16 * HOUR + 20 * 60);
    expect(sc.core.stats().dayLegs).toBe(40);

    // A call of the new day, then 00:30 passes.
    queueCall(sc, 16 * HOUR + 22 * 60, { number: '13900000001', agentId: '1001', talkSeconds: 60 });
    sc.advanceTo(16 * HOUR + 30 * 60 + 1);
    const night = sc.core.stats();
    expect(night.dayLegs).toBe(1);
    expect(night.agentDays).toBe(1);
    const today = localDay(sc.now, 'Asia/Shanghai');
    expect(today).toBe('2026-03-11');
    expect(sc.core.days.progress('1001', today).counted).toBe(1);
    expect(sc.core.days.get('1002', '2026-03-10')).toBeUndefined();
  });
});
