import { DEFAULT_RECONNECT_POLICY, reconnectDelayMs } from './reconnect-policy';

describe('reconnectDelayMs', () => {
  const noJitter = { ...DEFAULT_RECONNECT_POLICY, jitter: 0 };

  it('doubles from the initial delay up to the cap', () => {
    const delays = [0, 1, 2, 3, 10].map((n) => reconnectDelayMs(noJitter, n, () => 0.5));
    expect(delays).toEqual([500, 1000, 2000, 4000, 30000]);
  });

  it('only ever shortens with jitter, so the first retry stays within a second', () => {
    expect(reconnectDelayMs(DEFAULT_RECONNECT_POLICY, 0, () => 0)).toBe(500);
    expect(reconnectDelayMs(DEFAULT_RECONNECT_POLICY, 0, () => 0.999)).toBe(400);
    expect(reconnectDelayMs(DEFAULT_RECONNECT_POLICY, 20, () => 1)).toBe(24000);
  });
});
