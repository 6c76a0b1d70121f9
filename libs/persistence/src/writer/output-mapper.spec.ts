import { type AgentState, type CoreOutput } from '@cti/domain';
import { isTransientDbError } from './db-errors';
import { OutputMapper } from './output-mapper';
import { groupBatch } from './batch-store';

const T = Date.parse('2026-11-27T15:30:00Z');
const state = (status: AgentState['status'], since: number): CoreOutput => ({
  type: 'agent-state',
  agentId: 'A1',
  state: { status, since, loggedIn: status !== 'logged-out' },
  resync: false,
});

describe('OutputMapper', () => {
  it('turns consecutive agent states into intervals that end when the next begins', () => {
    const m = new OutputMapper('Asia/Shanghai');
    const first = m.map(state('available', T));
    expect(first.map((r) => r.t)).toEqual(['agent_state_close', 'agent_state_interval']);
    expect(first[1]!.r).toMatchObject({
      started_at: new Date(T).toISOString(),
      ended_at: null,
      day: '2026-11-27',
    });
    const second = m.map(state('on-call', T + 9 * 3_600_000));
    expect(second.map((r) => [r.t, r.r.started_at, r.r.ended_at])).toEqual([
      [
        'agent_state_interval',
        new Date(T).toISOString(),
        new Date(T + 9 * 3_600_000).toISOString(),
      ],
      ['agent_state_interval', new Date(T + 9 * 3_600_000).toISOString(), null],
    ]);
    expect(second[1]!.r.day).toBe('2026-11-28'); // the center's local day, not UTC's
    const out = m.map(state('logged-out', T + 10 * 3_600_000));
    expect(out.map((r) => r.t)).toEqual(['agent_state_interval']);
    // Re-sent (older) states do not reopen or re-close anything.
    expect(m.map(state('available', T)).map((r) => r.t)).toEqual([
      'agent_state_close',
      'agent_state_interval',
    ]);
  });

  it('folds a pause started, over its limit and ended into one row (in a batch as in SQL)', () => {
    const m = new OutputMapper('UTC');
    const pause = {
      agentId: 'A1',
      reason: 'lunch',
      startedAt: T,
      limitSeconds: 1800,
      overLimit: false,
    };
    const recs = [
      ...m.map({ type: 'pause-started', pause }),
      ...m.map({
        type: 'pause-over-limit',
        pause: { ...pause, overLimit: true },
        at: T + 1_800_000,
      }),
      ...m.map({
        type: 'pause-ended',
        pause: { ...pause, overLimit: true, endedAt: T + 2_000_000 },
      }),
      ...m.map({ type: 'pause-started', pause }),
    ];
    const grouped = groupBatch(recs);
    expect(grouped.get('pause_interval')).toEqual([
      expect.objectContaining({
        over_limit: true,
        over_limit_at: new Date(T + 1_800_000).toISOString(),
        ended_at: new Date(T + 2_000_000).toISOString(),
      }),
    ]);
    expect(grouped.get('alert')).toHaveLength(1);
  });

  it('keeps queue changes out of the store', () => {
    expect(new OutputMapper('UTC').map({ type: 'queue-changed', queue: 'q1' })).toEqual([]);
  });
});

describe('isTransientDbError', () => {
  it('retries the server, not the row', () => {
    expect(isTransientDbError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isTransientDbError({ code: '57P01' })).toBe(true); // admin shutdown
    expect(isTransientDbError({ code: '25006' })).toBe(true); // read-only after a failover
    expect(isTransientDbError({ code: 'ECONNRESET' })).toBe(true);
    expect(isTransientDbError({ driverError: { code: '22007' } })).toBe(false); // bad date
    expect(isTransientDbError({ code: '23505' })).toBe(false);
  });
});
