import { EventLoopLag } from './event-loop-lag';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps the event loop busy, as a burst of synchronous work would. */
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

describe('EventLoopLag', () => {
  let lag: EventLoopLag | undefined;
  afterEach(() => lag?.stop());

  it('turns slow only after lagging windows in a row, and back once the loop is free', async () => {
    lag = new EventLoopLag({ windowMs: 100, slowAboveMs: 150, windowsToTrip: 2 });
    await pause(350);
    expect(lag.slow).toBe(false);
    expect(lag.lagMs).toBeLessThan(150);

    let sawSlow = false;
    for (let i = 0; i < 6 && !sawSlow; i++) {
      block(300);
      await pause(1); // let the window timer run between bursts
      sawSlow = lag.slow;
    }
    expect(sawSlow).toBe(true);
    expect(lag.maxLagMs).toBeGreaterThan(150);

    await pause(400);
    expect(lag.slow).toBe(false);
  });
});
