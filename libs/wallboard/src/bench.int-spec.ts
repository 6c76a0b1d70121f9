import { benchWallboard } from './bench';

/** A small run of the bench: it works end to end and its numbers hang together. */
it('measures event → board latency and deliveries with real clients, and a raw ws baseline', async () => {
  const r = await benchWallboard({
    clients: 40,
    eventsPerSecond: 400,
    seconds: 2,
    agents: 100,
    teams: 4,
  });
  expect(r.eventsPerSecond).toBeGreaterThan(300);
  expect(r.hub.latencyMs.samples).toBeGreaterThan(100);
  expect(r.hub.latencyMs.p99).toBeLessThan(500);
  expect(r.hub.deliveriesPerSecond).toBeGreaterThan(40 * 10);
  expect(r.rawWs.deliveriesPerSecond).toBeGreaterThan(40 * 10);
  expect(r.hub.slowClientsCut).toBe(0);
});
