import { type CallCenterConfig } from '@cti/domain';
import { startTestDatabase } from '../../../testing/src/postgres-test-db';
import { at, callCompleted, calls, fixtureCallCenter } from '../testing/fixtures';
import { WorkforceHarness } from '../testing/harness';

const BERLIN = 'Europe/Berlin';
const berlin = (day: string, hhmm: string, s = 0) => at(day, hhmm, s, BERLIN);

/** The fixture center moved to Berlin (DST on 2026-03-29), with two heating agents on 24-hour shifts. */
function berlinCenter(): CallCenterConfig {
  const base = fixtureCallCenter();
  const heat2 = {
    ...base.agents.find((a) => a.id === '3001')!,
    id: '3002',
    name: '周娜',
    interfaces: ['PJSIP/3002'],
    devices: ['PJSIP/3002'],
  };
  return { ...base, timezone: BERLIN, agents: [...base.agents, heat2] };
}

const WORKFORCE = {
  schedule: {
    patterns: {
      day: {
        periods: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        login: '08:45',
        logout: '17:30',
      },
      '24h': { periods: [{ start: '08:00', end: '08:00' }], login: '07:45', logout: '08:15' },
    },
    seasons: [],
    default: { kind: 'weekly', workdays: [1, 2, 3, 4, 5], patterns: { '*': 'day' } },
    teams: { heat: { kind: 'rotation', anchor: '2026-03-28', cycle: ['24h', null, null] } },
  },
};

describe('24-hour shifts and DST on a fake clock', () => {
  let h: WorkforceHarness;
  beforeAll(async () => {
    h = await WorkforceHarness.start(
      await startTestDatabase(),
      berlin('2026-03-28', '07:00'),
      WORKFORCE,
      berlinCenter(),
    );
  });
  afterAll(() => h?.stop());

  it('a 24-hour shift over the spring-forward night ends after 23 real hours, at 08:00 CEST', async () => {
    // 3001: 10 calls before midnight, 40 after, all on the shift that began on the 28th.
    h.push(
      ...calls('3001', 10, berlin('2026-03-28', '20:00'), BERLIN),
      ...calls('3001', 40, berlin('2026-03-29', '03:00'), BERLIN),
    );
    h.push(...calls('3002', 20, berlin('2026-03-28', '10:00'), BERLIN));
    await h.settle();
    const ledger = await h.quotaDay.ledger('2026-03-28', berlin('2026-03-29', '02:00'));
    const e3001 = ledger.entries.find((e) => e.agentId === '3001')!;
    expect([e3001.effective, e3001.shiftEnd! - e3001.shiftStart!]).toEqual([10, 23 * 3_600_000]);
    h.clock.set(berlin('2026-03-29', '07:59', 59));
    expect(await h.job.tick()).toEqual([]);
    h.clock.set(berlin('2026-03-29', '08:00'));
    const runs = await h.job.tick();
    expect(
      runs.map((r) => [
        r.day,
        new Date(r.shiftEnd).toISOString(),
        r.agents.map((a) => `${a.agentId}:${a.shortfall}`),
      ]),
    ).toEqual([['2026-03-28', '2026-03-29T06:00:00.000Z', ['3002:30']]]);
    expect(
      (await h.quotaDay.ledger('2026-03-29', berlin('2026-03-29', '08:00'))).entries.find(
        (e) => e.agentId === '3001',
      ),
    ).toMatchObject({ status: 'off', effective: 0 });
  });

  it('staying late after a 24-hour shift: calls of the next morning count on the shift day', async () => {
    h.push(...calls('3002', 30, berlin('2026-03-29', '08:10'), BERLIN));
    await h.settle();
    expect(await h.stores.stays.get('3002', '2026-03-28')).toMatchObject({
      state: 'met',
      effective: 50,
      finishedAt: berlin('2026-03-29', '09:09'),
    });
  });

  it('the first day shift after the change ends at 17:00 CEST (15:00 UTC)', async () => {
    h.push(...calls('1001', 50, berlin('2026-03-30', '09:00'), BERLIN));
    await h.settle();
    h.clock.set(Date.parse('2026-03-30T14:59:59Z'));
    expect(await h.job.tick()).toEqual([]);
    h.clock.set(Date.parse('2026-03-30T15:00:00Z'));
    const [run] = await h.job.tick();
    expect([run!.day, run!.shiftEnd]).toEqual(['2026-03-30', Date.parse('2026-03-30T15:00:00Z')]);
    expect(run!.agents.map((a) => a.agentId)).toEqual(['1002', '2001', '1003']);
  });

  it('a call answered before midnight and ended after counts on the first day', async () => {
    h.push(callCompleted('1002', berlin('2026-03-31', '23:59', 50), 50, {}, BERLIN));
    await h.settle();
    const first = await h.quotaDay.ledger('2026-03-31', berlin('2026-04-01', '09:00'));
    const second = await h.quotaDay.ledger('2026-04-01', berlin('2026-04-01', '09:00'));
    expect(first.entries.find((e) => e.agentId === '1002')!.effective).toBe(1);
    expect(second.entries.find((e) => e.agentId === '1002')!.effective).toBe(0);
  });
});
