import {
  type DayOverride,
  FIRST_SUPPORTED_DAY,
  isIsoDay,
  isTimeOfDay,
  LAST_SUPPORTED_DAY,
  parseDay,
  parseTimeOfDay,
  type ScheduleConfig,
  type SeasonSwitch,
  type ShiftPattern,
  type WorkSchedule,
} from '@cti/domain';
import { type Checker, type Raw } from './checker';
import { defaultScheduleConfig } from './workforce-config';

export interface Known {
  readonly teams: ReadonlySet<string>;
  readonly agents: ReadonlySet<string>;
}

const hhmm = (c: Checker, path: string, raw: unknown, fallback?: string) =>
  c.text(path, raw, fallback, isTimeOfDay, 'a time HH:MM');

function pattern(c: Checker, path: string, raw: unknown): ShiftPattern {
  const o = c.object(path, raw, ['periods', 'login', 'logout']) ?? {};
  const periods = c.list(`${path}.periods`, o.periods).map((p, i) => {
    const r = c.object(`${path}.periods[${i}]`, p, ['start', 'end']) ?? {};
    return {
      start: hhmm(c, `${path}.periods[${i}].start`, r.start),
      end: hhmm(c, `${path}.periods[${i}].end`, r.end),
    };
  });
  if (periods.length === 0) c.fail(`${path}.periods`, 'needs at least one working period');
  else if (periods.every((p) => isTimeOfDay(p.start) && isTimeOfDay(p.end)) && span(periods) > 1440)
    c.fail(`${path}.periods`, 'span more than 24 hours');
  const out: { periods: typeof periods; login?: string; logout?: string } = { periods };
  if (o.login !== undefined) out.login = hhmm(c, `${path}.login`, o.login);
  if (o.logout !== undefined) out.logout = hhmm(c, `${path}.logout`, o.logout);
  return out;
}

function span(periods: readonly { start: string; end: string }[]): number {
  let cursor = -Infinity;
  let first = 0;
  periods.forEach((p, i) => {
    let s = parseTimeOfDay(p.start);
    while (s < cursor) s += 1440;
    let e = parseTimeOfDay(p.end);
    while (e <= s) e += 1440;
    if (i === 0) first = s;
    cursor = e;
  });
  return cursor - first;
}

function schedule(
  c: Checker,
  path: string,
  raw: unknown,
  patterns: ReadonlySet<string>,
  seasons: readonly SeasonSwitch[],
): WorkSchedule {
  const kind = c.oneOf(
    `${path}.kind`,
    (raw as Raw | null)?.kind,
    ['weekly', 'rotation'] as const,
    'weekly',
  );
  const known = (p: string, id: unknown) => {
    if (typeof id !== 'string' || !patterns.has(id))
      c.fail(p, `'${String(id)}' is not a pattern in schedule.patterns`);
  };
  if (kind === 'rotation') {
    const o = c.object(path, raw, ['kind', 'anchor', 'cycle']) ?? {};
    const anchor = c.text(`${path}.anchor`, o.anchor, undefined, isIsoDay, 'a date YYYY-MM-DD');
    const cycle = c
      .list(`${path}.cycle`, o.cycle)
      .map((id, i) => (id === null ? null : (known(`${path}.cycle[${i}]`, id), String(id))));
    if (cycle.length === 0) c.fail(`${path}.cycle`, 'needs at least one day');
    return { kind, anchor, cycle };
  }
  const o = c.object(path, raw, ['kind', 'workdays', 'patterns']) ?? {};
  const workdays =
    o.workdays === undefined
      ? [1, 2, 3, 4, 5]
      : c
          .list(`${path}.workdays`, o.workdays)
          .map((d, i) => c.int(`${path}.workdays[${i}]`, d, 1, 1, 7));
  if (new Set(workdays).size !== workdays.length)
    c.fail(`${path}.workdays`, 'lists a weekday twice');
  const map: Record<string, string> = {};
  for (const [season, id] of c.record(`${path}.patterns`, o.patterns)) {
    known(`${path}.patterns.${season}`, id);
    if (season !== '*' && !seasons.some((s) => s.name === season))
      c.fail(`${path}.patterns.${season}`, 'is not a season in schedule.seasons');
    map[season] = String(id);
  }
  if (!map['*']) {
    const missing = (seasons.length ? seasons.map((s) => s.name) : ['*']).filter((s) => !map[s]);
    if (missing.length)
      c.fail(`${path}.patterns`, `has no pattern for ${missing.join(', ')} (or '*')`);
  }
  return { kind, workdays, patterns: map };
}

export function override(
  c: Checker,
  path: string,
  raw: unknown,
  patterns: ReadonlySet<string>,
  known: Known,
): DayOverride {
  const o = c.object(path, raw, ['day', 'agentId', 'teamId', 'kind', 'pattern', 'reason']) ?? {};
  const kind = c.oneOf(`${path}.kind`, o.kind, ['leave', 'off', 'work'] as const);
  const out: { -readonly [K in keyof DayOverride]: DayOverride[K] } = {
    day: c.text(
      `${path}.day`,
      o.day,
      undefined,
      (v) => parseDay(v).ok,
      `a date YYYY-MM-DD from ${FIRST_SUPPORTED_DAY} to ${LAST_SUPPORTED_DAY}`,
    ),
    kind,
    reason: c.text(`${path}.reason`, typeof o.reason === 'string' ? o.reason.trim() : o.reason),
  };
  if (o.agentId !== undefined) {
    out.agentId = c.text(`${path}.agentId`, o.agentId);
    if (!known.agents.has(out.agentId))
      c.fail(`${path}.agentId`, `'${out.agentId}' is not an agent`);
  }
  if (o.teamId !== undefined) {
    out.teamId = c.text(`${path}.teamId`, o.teamId);
    if (!known.teams.has(out.teamId)) c.fail(`${path}.teamId`, `'${out.teamId}' is not a team`);
  }
  if (out.agentId !== undefined && out.teamId !== undefined)
    c.fail(path, 'names an agent or a team, not both');
  if (kind === 'work') {
    out.pattern = c.text(`${path}.pattern`, o.pattern);
    if (!patterns.has(out.pattern))
      c.fail(`${path}.pattern`, `'${out.pattern}' is not a pattern in schedule.patterns`);
  } else if (o.pattern !== undefined)
    c.fail(`${path}.pattern`, `only a 'work' override takes a pattern`);
  return out;
}

export function scheduleSection(
  c: Checker,
  raw: unknown,
  timezone: string,
  known: Known,
): ScheduleConfig {
  const keys = [
    'patterns',
    'seasons',
    'default',
    'teams',
    'agents',
    'overrides',
    'crossMidnightClaimHours',
  ];
  const o = c.object('schedule', raw, keys) ?? {};
  const defaults = defaultScheduleConfig(timezone);
  const patterns: Record<string, ShiftPattern> =
    o.patterns === undefined ? { ...defaults.patterns } : {};
  for (const [id, p] of c.record('schedule.patterns', o.patterns))
    patterns[id] = pattern(c, `schedule.patterns.${id}`, p);
  const seasons: SeasonSwitch[] =
    o.seasons === undefined
      ? [...defaults.seasons]
      : c.list('schedule.seasons', o.seasons).map((s, i) => {
          const r = c.object(`schedule.seasons[${i}]`, s, ['name', 'from']) ?? {};
          const from = c.text(
            `schedule.seasons[${i}].from`,
            r.from,
            undefined,
            (x) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(x),
            'a date MM-DD',
          );
          return { name: c.text(`schedule.seasons[${i}].name`, r.name), from };
        });
  if (new Set(seasons.map((s) => s.name)).size !== seasons.length)
    c.fail('schedule.seasons', 'names a season twice');
  const ids = new Set(Object.keys(patterns));
  const defaultSchedule =
    o.default === undefined
      ? defaults.defaultSchedule
      : schedule(c, 'schedule.default', o.default, ids, seasons);
  if (o.default === undefined && o.patterns !== undefined)
    schedule(c, 'schedule.default', defaults.defaultSchedule, ids, seasons);
  const by = (section: 'teams' | 'agents', known2: ReadonlySet<string>) => {
    const out: Record<string, WorkSchedule> = {};
    for (const [id, s] of c.record(`schedule.${section}`, o[section])) {
      if (!known2.has(id))
        c.fail(
          `schedule.${section}.${id}`,
          `is not ${section === 'teams' ? 'a team' : 'an agent'} of the call center`,
        );
      out[id] = schedule(c, `schedule.${section}.${id}`, s, ids, seasons);
    }
    return out;
  };
  return {
    timezone,
    patterns,
    seasons,
    defaultSchedule,
    teams: by('teams', known.teams),
    agents: by('agents', known.agents),
    overrides: c
      .list('schedule.overrides', o.overrides)
      .map((x, i) => override(c, `schedule.overrides[${i}]`, x, ids, known)),
    crossMidnightClaimHours: c.int(
      'schedule.crossMidnightClaimHours',
      o.crossMidnightClaimHours,
      6,
      0,
      24,
    ),
  };
}
