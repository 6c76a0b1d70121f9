/**
 * Where a call's recording is and what state its file is in. The file name is made from the
 * call's ids only (never from user input or caller data): the PBX's MixMonitor names it the
 * same way, and the product uses the same rule when it starts MixMonitor itself.
 */
export interface RecordingIds {
  /** The channel MixMonitor runs on (the caller leg of a queue call). */
  readonly uniqueid: string;
  readonly linkedid: string;
  /** The agent's leg, once the call's agent leg is known (click-to-dial recordings are named by it). */
  readonly agentUniqueid?: string;
  /** 1 for the first recording on the channel, 2 for a second queue pass, ... */
  readonly pass: number;
  /** Local day of the start (YYYY-MM-DD), for date folders. */
  readonly day: string;
}

const PLACEHOLDERS = ['uniqueid', 'linkedid', 'agentUniqueid', 'pass', 'day'] as const;
/** Asterisk ids: `1795818709.2`, optionally prefixed with a system name. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const LITERAL = /^[A-Za-z0-9._/-]*$/;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Problems of a template such as `{uniqueid}{pass}.wav` (empty when usable). */
export function fileTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  const literal = template.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      problems.push(`unknown placeholder {${name}}`);
    return 'x';
  });
  if (!LITERAL.test(literal))
    problems.push('only letters, digits, . _ - / and placeholders are allowed');
  if (!/\{(uniqueid|linkedid|agentUniqueid)\}/.test(template))
    problems.push('must contain {uniqueid}, {linkedid} or {agentUniqueid}');
  if (
    template.startsWith('/') ||
    template.split('/').some((s) => s === '..' || s === '.' || s === '')
  ) {
    problems.push('must be a relative path without empty, . or .. segments');
  }
  if (!/\.(wav|WAV|gsm|mp3|ogg|opus)$/.test(template))
    problems.push('must end with an audio extension (.wav, .gsm, .mp3, .ogg, .opus)');
  return problems;
}

export class UnsafeRecordingName extends Error {
  readonly code = 'QA_UNSAFE_RECORDING_NAME';
}

/**
 * The storage key (relative path) of a recording. `{pass}` is empty for the first pass and
 * `-N` after (Asterisk's own `<id>-2.wav` for a caller who went through a queue twice).
 */
export function renderRecordingName(template: string, ids: RecordingIds): string {
  const values: Record<(typeof PLACEHOLDERS)[number], string | undefined> = {
    uniqueid: ids.uniqueid,
    linkedid: ids.linkedid,
    agentUniqueid: ids.agentUniqueid,
    pass: ids.pass > 1 ? `-${ids.pass}` : '',
    day: ids.day,
  };
  const name = template.replace(/\{([A-Za-z]+)\}/g, (_m, key: string) => {
    const v = values[key as keyof typeof values];
    if (v === undefined) throw new UnsafeRecordingName(`{${key}} is not known for this recording`);
    if (
      key !== 'pass' &&
      !(key === 'day' ? /^\d{4}-\d{2}-\d{2}$/.test(v) : ID.test(v) && !v.includes('..'))
    ) {
      throw new UnsafeRecordingName(`{${key}} value is not a plain id`);
    }
    return v;
  });
  if (!name.split('/').every((s) => SEGMENT.test(s) && s !== '..'))
    throw new UnsafeRecordingName('rendered name is not a plain relative path');
  return name;
}

export function audioFormatOf(name: string): string {
  return (name.split('.').pop() ?? '').toLowerCase();
}

/** The registry's view of a recording file over its life. */
export type RecordingStatus =
  /** Registered; the call may still run or the file not be settled yet. */
  | 'pending'
  /** File complete, hashed; served after its hash is checked. */
  | 'complete'
  /** Flagged: the file never appeared (or disappeared) within the grace period. */
  | 'missing'
  /** Flagged: the file is there but has no audio bytes. */
  | 'empty'
  /** Flagged: the file changed after it was registered complete (size, time or hash). */
  | 'changed'
  /** Removed at the end of its retention period; a deletion record remains. */
  | 'deleted';

export const FLAGGED_STATUSES: readonly RecordingStatus[] = ['missing', 'empty', 'changed'];

export interface FileObservation {
  readonly exists: boolean;
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * When the file's inode last changed (POSIX ctime), if the storage knows it: unlike mtime it
   * cannot be set back, so it tells a verified file from a rewritten one between hash checks.
   */
  readonly changeMs?: number;
}

export interface FileCheckState {
  readonly status: RecordingStatus;
  readonly startedAt: number;
  /** End of the last agent leg seen on the recording; undefined while no leg has ended. */
  readonly callEndedAt?: number;
  /** The previous observation of a pending file: a file is complete when it stops growing. */
  readonly lastSeen?: FileObservation & { readonly at: number };
  /** Size and time the file had when it was registered complete. */
  readonly completeSize?: number;
  readonly completeMtimeMs?: number;
}

export interface FileCheckRules {
  /** How long after the call ended (or the recording started, with no call seen) a file may take to appear. */
  readonly graceSeconds: number;
  /** A pending file must be unchanged for this long after the call ended before it is hashed. */
  readonly settleSeconds: number;
  /** A recording no leg ever claimed is judged from its start after this long. */
  readonly unclaimedAfterSeconds: number;
}

export type FileVerdict =
  /** `remember`: a new size/time to keep as `lastSeen` (absent when nothing changed). */
  | { readonly kind: 'wait'; readonly remember?: FileObservation }
  | { readonly kind: 'hash' }
  | {
      readonly kind: 'flag';
      readonly status: 'missing' | 'empty' | 'changed';
      readonly reason: string;
    }
  | { readonly kind: 'ok' };

/** What to do with a registered recording's file, given what the storage shows now. */
export function judgeRecordingFile(
  state: FileCheckState,
  seen: FileObservation,
  now: number,
  rules: FileCheckRules,
): FileVerdict {
  if (state.status === 'complete') {
    if (!seen.exists)
      return { kind: 'flag', status: 'missing', reason: 'file disappeared after registration' };
    if (seen.size !== state.completeSize || seen.mtimeMs !== state.completeMtimeMs) {
      return {
        kind: 'flag',
        status: 'changed',
        reason: `file changed after registration (size ${state.completeSize} → ${seen.size})`,
      };
    }
    return { kind: 'ok' };
  }
  if (state.status !== 'pending') return { kind: 'ok' };
  const reference =
    state.callEndedAt ??
    (now - state.startedAt >= rules.unclaimedAfterSeconds * 1000 ? state.startedAt : undefined);
  const overdue = reference !== undefined && now - reference > rules.graceSeconds * 1000;
  if (!seen.exists)
    return overdue
      ? { kind: 'flag', status: 'missing', reason: 'file never appeared' }
      : { kind: 'wait' };
  const same =
    state.lastSeen !== undefined &&
    state.lastSeen.size === seen.size &&
    state.lastSeen.mtimeMs === seen.mtimeMs;
  // Remember a new size only: `lastSeen.at` is when the file was first seen as it is now.
  const remember = same ? undefined : seen;
  if (seen.size === 0)
    return overdue
      ? { kind: 'flag', status: 'empty', reason: 'file is empty' }
      : { kind: 'wait', remember };
  const settled =
    same &&
    reference !== undefined &&
    now - reference >= rules.settleSeconds * 1000 &&
    now - state.lastSeen!.at >= rules.settleSeconds * 1000;
  return settled ? { kind: 'hash' } : { kind: 'wait', remember };
}

/** Whether a recording started at `startedAt` is past its retention at `now`. */
export function isPastRetention(startedAt: number, retentionDays: number, now: number): boolean {
  return now >= startedAt + retentionDays * 86_400_000;
}
