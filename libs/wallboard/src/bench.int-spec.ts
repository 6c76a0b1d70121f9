import { benchWallboard } from './bench';

/**
 * A small run of the bench: it works end to end with real clients. Its rates and latencies are
 * reported by `npm run bench -- wallboard`, never asserted here.
 */
it('measures event → board latency and deliveries with real clients, and a raw ws baseline', async () => {
  const r = await benchWallboard({
    clients: 40,
    eventsPerSecond: 400,
    seconds: 2,
    agents: 100,
    teams: 4,
  });
  expect(r.hub.latencyMs.samples).toBeGreaterThan(0);
  expect(r.hub.deliveriesPerSecond).toBeGreaterThan(0);
  expect(r.rawWs.deliveriesPerSecond).toBeGreaterThan(0);
  expect(r.hub.slowClientsCut).toBe(0);
});
