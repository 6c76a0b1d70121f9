import { existsSync, mkdirSync } from 'node:fs';

type Env = Readonly<Record<string, string | undefined>>;

/** The simulator's stand-in retention: it records nothing real, so any bound will do. */
const SIMULATOR_RETENTION_DAYS = 180;
const MAX_RETENTION_DAYS = 36_500;

/**
 * Where the recordings are: `CTI_RECORDINGS_DIR` (the PBX's monitor folder, mounted), else
 * `<data dir>/recordings` (where the built-in simulator writes them too).
 */
export function recordingsRootOf(env: Env, dataDir: string): string {
  return env.CTI_RECORDINGS_DIR?.trim() || `${dataDir}/recordings`;
}

/**
 * Where the recordings are and how long they are kept, from the environment; a missing or bad
 * value stops the start with a message naming the variable to set.
 * - `CTI_RECORDINGS_DIR`: the PBX's monitor folder, mounted; it must exist (an unmounted volume
 *   would make every call "missing"). Unset: `<data dir>/recordings`, made on first start.
 * - `CTI_RECORDING_RETENTION_DAYS`: required against a real PBX (a number, never "forever").
 */
export function readRecordingEnv(
  env: Env,
  dataDir: string,
  onSimulator: boolean,
): { root: string; retentionDays: number } {
  const given = env.CTI_RECORDINGS_DIR?.trim();
  if (given && !existsSync(given))
    throw new Error(
      `CTI_RECORDINGS_DIR is '${given}', which does not exist: mount it or fix the path`,
    );
  const root = recordingsRootOf(env, dataDir);
  if (!given) mkdirSync(root, { recursive: true });
  return { root, retentionDays: retentionDaysOf(env, onSimulator) };
}

function retentionDaysOf(env: Env, onSimulator: boolean): number {
  const raw = env.CTI_RECORDING_RETENTION_DAYS?.trim();
  if (!raw) {
    if (onSimulator) return SIMULATOR_RETENTION_DAYS;
    throw new Error(
      `CTI_RECORDING_RETENTION_DAYS is required against a real PBX: the days a recording is kept, a whole number 1..${MAX_RETENTION_DAYS}`,
    );
  }
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS)
    throw new Error(
      `CTI_RECORDING_RETENTION_DAYS must be a whole number 1..${MAX_RETENTION_DAYS}, got '${raw}'`,
    );
  return days;
}
