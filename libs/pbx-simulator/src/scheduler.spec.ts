import { SimScheduler } from './scheduler';
import { FakeClock } from './test-support/fake-clock';

const START_US = 1_800_000_000_000_000;

describe('SimScheduler pacing on an injected clock', () => {
  it('maps wall time to simulated time by the speed factor', () => {
    const clock = new FakeClock(1_000_000);
    const sched = new SimScheduler(START_US, 60, clock);
    const ran: number[] = [];
    for (const atSec of [30, 90, 200]) sched.at(START_US + atSec * 1e6, () => ran.push(atSec));
    sched.start();
    clock.advance(1000); // one wall second = one simulated minute
    expect(ran).toEqual([30]);
    sched.syncToWall();
    expect(sched.nowUs).toBe(START_US + 60e6);
    clock.advance(2000);
    expect(ran).toEqual([30, 90]);
    clock.advance(2000);
    expect(ran).toEqual([30, 90, 200]);
  });

  it('runs tasks of the same instant in the order they were scheduled', () => {
    const clock = new FakeClock(0);
    const sched = new SimScheduler(START_US, Infinity, clock);
    const ran: string[] = [];
    sched.at(START_US + 5, () => ran.push('b'));
    sched.at(START_US + 1, () => {
      ran.push('a');
      sched.after(0, () => ran.push('a2'));
    });
    sched.at(START_US + 5, () => ran.push('c'));
    sched.start();
    clock.advance(0);
    expect(ran).toEqual(['a', 'a2', 'b', 'c']);
  });

  it('brings simulated time up to the wall clock for work done between tasks', () => {
    const clock = new FakeClock(0);
    const sched = new SimScheduler(START_US, 1, clock);
    sched.at(START_US + 10e6, () => undefined);
    sched.start();
    clock.advance(2500);
    sched.syncToWall();
    expect(sched.nowUs).toBe(START_US + 2.5e6);
  });
});
