import { startSimulator } from './index';
import { AmiTestClient } from './test-support/ami-test-client';
import { FakeClock } from './test-support/fake-clock';

/**
 * At speed 1 the `Timestamp` of an event is the moment it is sent (the simulated clock is the
 * wall clock); `sendTimeHeader` shows the wall clock at sending for any speed.
 */
describe('real-time mode on an injected clock', () => {
  it('stamps events with the wall-clock time at which they are sent', async () => {
    const startMs = 1_800_000_000_000;
    const clock = new FakeClock(startMs);
    const sim = await startSimulator({
      clock,
      speed: 1,
      seed: 3,
      agents: 4,
      callRate: 0.2,
      sendTimeHeader: 'X-Sent',
    });
    const c = await AmiTestClient.connect(sim.port);
    try {
      await c.request('Login', { Username: 'cti', Secret: 'cti-secret' });
      for (let s = 0; s < 400; s += 1) clock.advance(1000);
      await c.request('Ping');
      const events = c.frames.filter((f) => f.get('X-Sent') !== undefined);
      expect(events.length).toBeGreaterThan(300);
      const lagsUs = events.map(
        (e) =>
          Number((e.get('Timestamp') as string).replace('.', '')) -
          Number((e.get('X-Sent') as string).replace('.', '')),
      );
      expect(Math.max(...lagsUs.map(Math.abs))).toBeLessThan(5000);
      expect(sim.stats().simulatedNowMs).toBeLessThanOrEqual(clock.nowMs());
      expect(sim.stats().simulatedNowMs).toBeGreaterThan(startMs + 390_000);
    } finally {
      c.close();
      await sim.stop();
    }
  });
});
