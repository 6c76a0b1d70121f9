/** Wall-clock source, injected so tests (and load tools) can drive the simulator's pacing. */
export interface ClockSource {
  /** Milliseconds since the Unix epoch (may be fractional). */
  nowMs(): number;
  /**
   * Calls `callback` after `delayMs`; 0 means "as soon as pending I/O has had a turn".
   * Returns a function that cancels the timer.
   */
  setTimer(callback: () => void, delayMs: number): CancelTimer;
}

export type CancelTimer = () => void;

export const systemClock: ClockSource = {
  nowMs: () => performance.timeOrigin + performance.now(),
  setTimer: (callback, delayMs) => {
    if (delayMs <= 0) {
      const immediate = setImmediate(callback);
      return () => clearImmediate(immediate);
    }
    const timeout = setTimeout(callback, delayMs);
    return () => clearTimeout(timeout);
  },
};
