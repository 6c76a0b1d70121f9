import {
  DEFAULT_SAMPLING_RULES,
  fileTemplateProblems,
  type SamplingRules,
  type ScorecardDefinition,
  scorecardProblems,
} from '@cti/domain';

/** Who records a call: the PBX's dialplan/queue (the product only registers), or the product over AMI. */
export type RecordingMode = 'pbx' | 'product';

export interface RecordingControlConfig {
  /** Default for every call. */
  readonly mode: RecordingMode;
  /** Per direction, overriding the default. */
  readonly byDirection?: Readonly<Partial<Record<'inbound' | 'outbound', RecordingMode>>>;
  /** Per queue, overriding direction and default. */
  readonly byQueue?: Readonly<Record<string, RecordingMode>>;
  /** Directory as the PBX sees it, prefixed to the file name in the MixMonitor action. */
  readonly pbxDirectory: string;
  /** MixMonitor options: letters only (b = bridged only); never a post-command. */
  readonly mixMonitorOptions: string;
}

export interface RecordingQaConfig {
  readonly storage: {
    readonly kind: 'local';
    /** Absolute path of the directory the PBX writes recordings to (mounted here). */
    readonly root: string;
  };
  /** Storage key templates by call direction; ids only (see renderRecordingName). */
  readonly fileNames: { readonly inbound: string; readonly outbound: string };
  readonly control: RecordingControlConfig;
  readonly files: {
    readonly graceSeconds: number;
    readonly settleSeconds: number;
    readonly unclaimedAfterSeconds: number;
  };
  /** Days a recording is kept; required (PIPL Art 19: a number, not "forever"). */
  readonly retentionDays: number;
  readonly sampling: SamplingRules & {
    /** Shift boundaries as local HH:MM starts, e.g. ['08:00', '16:00', '00:00']; each shift runs to the next start. */
    readonly shiftStarts: readonly string[];
    /** Reviewers per calibration call, and the share of picks (0-1) sent to calibration. */
    readonly calibrationReviewers: number;
    readonly calibrationShare: number;
  };
  readonly scoring: {
    /** Hours the agent has to acknowledge or dispute a score. */
    readonly responseWindowHours: number;
    /** Calibration totals further apart than this are reported as inconsistent. */
    readonly calibrationTolerance: number;
    /** Scorecards loaded at start (version 1 unless already stored with other content). */
    readonly scorecards: readonly ScorecardDefinition[];
  };
  readonly media: {
    /** Lifetime of a one-recording listening grant. */
    readonly grantSeconds: number;
    /** Concurrent streams per user. */
    readonly maxStreamsPerUser: number;
  };
  readonly timezone: string;
}

export const DEFAULT_RECORDING_QA_CONFIG: Omit<
  RecordingQaConfig,
  'storage' | 'retentionDays' | 'timezone'
> = {
  fileNames: { inbound: '{uniqueid}{pass}.wav', outbound: '{agentUniqueid}{pass}.wav' },
  control: { mode: 'pbx', pbxDirectory: '/var/spool/asterisk/monitor', mixMonitorOptions: 'b' },
  files: { graceSeconds: 120, settleSeconds: 10, unclaimedAfterSeconds: 4 * 3600 },
  sampling: {
    ...DEFAULT_SAMPLING_RULES,
    shiftStarts: ['08:00', '20:00'],
    calibrationReviewers: 2,
    calibrationShare: 0,
  },
  scoring: { responseWindowHours: 72, calibrationTolerance: 10, scorecards: [] },
  media: { grantSeconds: 300, maxStreamsPerUser: 4 },
};

export class RecordingQaConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`recording/QA configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RecordingQaConfigError';
  }
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MODES: readonly RecordingMode[] = ['pbx', 'product'];

/**
 * Merges the defaults under the raw configuration and checks it, throwing one error that lists
 * every problem (like @cti/config). Storage root, retention and time zone have no default.
 */
export function validateRecordingQaConfig(raw: unknown): RecordingQaConfig {
  const p: string[] = [];
  const r = isObj(raw) ? raw : {};
  const d = DEFAULT_RECORDING_QA_CONFIG;
  const sub = (key: string): Raw => (isObj(r[key]) ? (r[key] as Raw) : {});
  const storage = sub('storage');
  const root = storage.root;
  if (typeof root !== 'string' || !root.startsWith('/') || root.includes('\0'))
    p.push('storage.root: an absolute directory path is required');
  if ((storage.kind ?? 'local') !== 'local') p.push("storage.kind: only 'local' is implemented");
  const num = (
    path: string,
    v: unknown,
    fallback: number | undefined,
    min: number,
    max: number,
    int = true,
  ): number => {
    const n = v === undefined ? fallback : v;
    if (
      typeof n !== 'number' ||
      !Number.isFinite(n) ||
      n < min ||
      n > max ||
      (int && !Number.isInteger(n))
    ) {
      p.push(
        `${path}: ${int ? 'a whole number' : 'a number'} ${min}..${max}${fallback === undefined ? ' is required' : ''}`,
      );
      return fallback ?? min;
    }
    return n;
  };
  const retentionDays = num('retentionDays', r.retentionDays, undefined, 1, 36_500);
  const timezone =
    typeof r.timezone === 'string' && validZone(r.timezone)
      ? r.timezone
      : (p.push('timezone: an IANA time zone is required'), 'UTC');
  const fn = sub('fileNames');
  const fileNames = {
    inbound: String(fn.inbound ?? d.fileNames.inbound),
    outbound: String(fn.outbound ?? d.fileNames.outbound),
  };
  for (const k of ['inbound', 'outbound'] as const)
    for (const e of fileTemplateProblems(fileNames[k])) p.push(`fileNames.${k}: ${e}`);
  const control = controlOf(sub('control'), p);
  const f = sub('files');
  const files = {
    graceSeconds: num('files.graceSeconds', f.graceSeconds, d.files.graceSeconds, 1, 86_400),
    settleSeconds: num('files.settleSeconds', f.settleSeconds, d.files.settleSeconds, 0, 3_600),
    unclaimedAfterSeconds: num(
      'files.unclaimedAfterSeconds',
      f.unclaimedAfterSeconds,
      d.files.unclaimedAfterSeconds,
      60,
      7 * 86_400,
    ),
  };
  const s = sub('sampling');
  const shiftStarts = Array.isArray(s.shiftStarts)
    ? s.shiftStarts.map(String)
    : [...d.sampling.shiftStarts];
  if (
    shiftStarts.length === 0 ||
    !shiftStarts.every((t) => HHMM.test(t)) ||
    new Set(shiftStarts).size !== shiftStarts.length
  ) {
    p.push('sampling.shiftStarts: distinct HH:MM times, at least one');
  }
  const sampling = {
    minPerWeek: num('sampling.minPerWeek', s.minPerWeek, d.sampling.minPerWeek, 0, 100),
    minPerWorkedShift: num(
      'sampling.minPerWorkedShift',
      s.minPerWorkedShift,
      d.sampling.minPerWorkedShift,
      0,
      20,
    ),
    minTalkSeconds: num(
      'sampling.minTalkSeconds',
      s.minTalkSeconds,
      d.sampling.minTalkSeconds,
      0,
      3_600,
    ),
    shiftStarts: [...shiftStarts].sort(),
    calibrationReviewers: num(
      'sampling.calibrationReviewers',
      s.calibrationReviewers,
      d.sampling.calibrationReviewers,
      2,
      10,
    ),
    calibrationShare: num(
      'sampling.calibrationShare',
      s.calibrationShare,
      d.sampling.calibrationShare,
      0,
      1,
      false,
    ),
  };
  const sc = sub('scoring');
  const scorecards = Array.isArray(sc.scorecards) ? (sc.scorecards as ScorecardDefinition[]) : [];
  scorecards.forEach((card, i) =>
    scorecardProblems(card).forEach((e) => p.push(`scoring.scorecards[${i}].${e}`)),
  );
  if (new Set(scorecards.map((c) => c.id)).size !== scorecards.length)
    p.push('scoring.scorecards: ids must be distinct');
  const scoring = {
    responseWindowHours: num(
      'scoring.responseWindowHours',
      sc.responseWindowHours,
      d.scoring.responseWindowHours,
      1,
      24 * 90,
    ),
    calibrationTolerance: num(
      'scoring.calibrationTolerance',
      sc.calibrationTolerance,
      d.scoring.calibrationTolerance,
      0,
      100,
      false,
    ),
    scorecards,
  };
  const m = sub('media');
  const media = {
    grantSeconds: num('media.grantSeconds', m.grantSeconds, d.media.grantSeconds, 10, 3_600),
    maxStreamsPerUser: num(
      'media.maxStreamsPerUser',
      m.maxStreamsPerUser,
      d.media.maxStreamsPerUser,
      1,
      50,
    ),
  };
  if (p.length) throw new RecordingQaConfigError(p);
  return {
    storage: { kind: 'local', root: root as string },
    fileNames,
    control,
    files,
    retentionDays,
    sampling,
    scoring,
    media,
    timezone,
  };
}

function controlOf(c: Raw, p: string[]): RecordingControlConfig {
  const d = DEFAULT_RECORDING_QA_CONFIG.control;
  const mode = (v: unknown, path: string): RecordingMode => {
    if (MODES.includes(v as RecordingMode)) return v as RecordingMode;
    p.push(`${path}: 'pbx' or 'product'`);
    return 'pbx';
  };
  const defaultMode = c.mode === undefined ? d.mode : mode(c.mode, 'control.mode');
  const byDirection: Partial<Record<'inbound' | 'outbound', RecordingMode>> = {};
  if (isObj(c.byDirection)) {
    for (const [k, v] of Object.entries(c.byDirection)) {
      if (k !== 'inbound' && k !== 'outbound')
        p.push(`control.byDirection.${k}: only inbound or outbound`);
      else byDirection[k] = mode(v, `control.byDirection.${k}`);
    }
  }
  const byQueue: Record<string, RecordingMode> = {};
  if (isObj(c.byQueue))
    for (const [k, v] of Object.entries(c.byQueue)) byQueue[k] = mode(v, `control.byQueue.${k}`);
  const dir = c.pbxDirectory ?? d.pbxDirectory;
  if (
    typeof dir !== 'string' ||
    !/^\/[A-Za-z0-9._/-]*$/.test(dir) ||
    dir.split('/').includes('..')
  ) {
    p.push('control.pbxDirectory: an absolute path of letters, digits, . _ - /');
  }
  const options = c.mixMonitorOptions ?? d.mixMonitorOptions;
  if (typeof options !== 'string' || !/^[a-zA-Z]*$/.test(options))
    p.push('control.mixMonitorOptions: letters only (no arguments, no commands)');
  return {
    mode: defaultMode,
    byDirection,
    byQueue,
    pbxDirectory: String(dir).replace(/\/+$/, '') || '/',
    mixMonitorOptions: String(options),
  };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Who starts the recording of a call with this direction and queue. */
export function recordingModeFor(
  control: RecordingControlConfig,
  direction: 'inbound' | 'outbound',
  queue?: string,
): RecordingMode {
  return (
    (queue !== undefined ? control.byQueue?.[queue] : undefined) ??
    control.byDirection?.[direction] ??
    control.mode
  );
}
