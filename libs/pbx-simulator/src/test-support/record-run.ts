import { type SimulatorOptions, startSimulator } from '../index';
import { AmiTestClient, type ReceivedFrame } from './ami-test-client';

export interface RecordedRun {
  client: AmiTestClient;
  frames: ReceivedFrame[];
  bytes: Buffer;
}

/** Options of a flat-out, one-day run that starts when the test client logs in. */
export function fastDay(overrides: SimulatorOptions = {}): SimulatorOptions {
  return {
    seed: 42,
    speed: Infinity,
    agents: 8,
    dayLengthSec: 3600,
    days: 1,
    startOn: 'first-login',
    startEpochMs: 1_795_818_490_000,
    authFailDelayMs: 0,
    ...overrides,
  };
}

/**
 * Runs whole simulated days against one logged-in client and returns what it received.
 * `onFrame` may send actions while the day runs (they are answered between simulation slices).
 */
export async function recordRun(
  options: SimulatorOptions,
  onFrame?: (frame: ReceivedFrame, client: AmiTestClient) => void,
): Promise<RecordedRun> {
  const sim = await startSimulator(options);
  const client = await AmiTestClient.connect(sim.port);
  try {
    if (onFrame) client.onFrame = (frame) => onFrame(frame, client);
    const login = await client.request('Login', { Username: 'cti', Secret: 'cti-secret' });
    if (login.get('Response') !== 'Success') throw new Error('login refused');
    await sim.finished;
    // Everything is emitted; let the last chunks and pending answers arrive.
    await client.request('Ping');
    return { client, frames: client.frames, bytes: client.received };
  } finally {
    client.close();
    await sim.stop();
  }
}
