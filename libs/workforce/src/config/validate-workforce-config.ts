import { type CallCenterConfig } from '@cti/domain';
import {
  type AttendanceRules,
  isTimeOfDay,
  ruleSetProblems,
  type WorkforceRuleSet,
} from '@cti/domain';
import { Checker, isHttpUrl, type Raw } from './checker';
import { scheduleSection } from './schedule-section';
import {
  DEFAULT_ATTENDANCE,
  type ReportTransport,
  ruleSetFromCallCenter,
  WEBHOOK_KINDS,
  type WebhookTarget,
  type WorkforceConfig,
  WORKFORCE_ROLES,
} from './workforce-config';

/** Every problem of a workforce configuration, one per line; secrets never appear in it. */
export class WorkforceConfigError extends Error {
  readonly code = 'WORKFORCE_CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`invalid workforce configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'WorkforceConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Validates the `workforce` section against the call center it serves (teams, agents, time zone)
 * and applies the environment: WORKFORCE_WEBHOOK_URL (+ _KIND, _SECRET), WORKFORCE_SMTP_PASSWORD.
 */
export function validateWorkforceConfig(
  raw: unknown,
  callCenter: CallCenterConfig,
  env: Env = {},
): WorkforceConfig {
  const c = new Checker();
  const keys = [
    'schedule',
    'ruleSets',
    'attendance',
    'shiftEnd',
    'notifications',
    'followUps',
    'reports',
  ];
  const o = c.object('workforce', raw, keys) ?? {};
  const known = {
    teams: new Set(callCenter.teams.map((t) => t.id)),
    agents: new Set(callCenter.agents.map((a) => a.id)),
  };
  const schedule = scheduleSection(c, o.schedule, callCenter.timezone, known);
  const ruleSets =
    o.ruleSets === undefined
      ? [ruleSetFromCallCenter(callCenter)]
      : c.list('ruleSets', o.ruleSets).map((r, i) => ruleSet(c, `ruleSets[${i}]`, r));
  c.problems.push(...ruleSetProblems(ruleSets));
  if (o.ruleSets !== undefined && ruleSets.length === 0)
    c.fail('ruleSets', 'needs at least one version');
  for (const [i, r] of ruleSets.entries())
    for (const team of Object.keys(r.quota.byTeam ?? {}))
      if (!known.teams.has(team)) c.fail(`ruleSets[${i}].quota.byTeam.${team}`, 'is not a team');
  const se = c.object('shiftEnd', o.shiftEnd, ['tickSeconds', 'catchUpHours']) ?? {};
  const config: WorkforceConfig = {
    timezone: callCenter.timezone,
    schedule,
    ruleSets,
    attendance: attendance(c, o.attendance),
    shiftEnd: {
      tickSeconds: c.int('shiftEnd.tickSeconds', se.tickSeconds, 15, 1, 3600),
      catchUpHours: c.int('shiftEnd.catchUpHours', se.catchUpHours, 12, 0, 48),
    },
    notifications: notifications(c, o.notifications, env),
    followUps: followUps(c, o.followUps),
    reports: reports(c, o.reports, env),
  };
  if (c.problems.length > 0) throw new WorkforceConfigError(c.problems);
  return config;
}

/** One rule version from outside (the API): the set, or every problem with it. */
export function parseRuleSet(
  raw: unknown,
):
  | { readonly ok: true; readonly set: WorkforceRuleSet }
  | { readonly ok: false; readonly problems: string[] } {
  const c = new Checker();
  const set = ruleSet(c, 'ruleSet', raw);
  const problems = [...c.problems, ...ruleSetProblems([set], 'ruleSet')];
  return problems.length ? { ok: false, problems: [...new Set(problems)] } : { ok: true, set };
}

function ruleSet(c: Checker, path: string, raw: unknown): WorkforceRuleSet {
  const o = c.object(path, raw, ['version', 'effectiveFrom', 'effective', 'quota']) ?? {};
  const e =
    c.object(`${path}.effective`, o.effective, [
      'minTalkSeconds',
      'directions',
      'uniqueNumberPerAgentDay',
    ]) ?? {};
  const q =
    c.object(`${path}.quota`, o.quota, [
      'default',
      'newHire',
      'newHireDays',
      'byTeam',
      'byAgent',
    ]) ?? {};
  const directions =
    e.directions === undefined
      ? ['inbound', 'outbound']
      : c.list(`${path}.effective.directions`, e.directions);
  const byTeam: Record<string, { default?: number; newHire?: number }> = {};
  for (const [team, t] of c.record(`${path}.quota.byTeam`, q.byTeam)) {
    const r = c.object(`${path}.quota.byTeam.${team}`, t, ['default', 'newHire']) ?? {};
    byTeam[team] = {
      ...(r.default !== undefined
        ? { default: c.int(`${path}.quota.byTeam.${team}.default`, r.default, 0) }
        : {}),
      ...(r.newHire !== undefined
        ? { newHire: c.int(`${path}.quota.byTeam.${team}.newHire`, r.newHire, 0) }
        : {}),
    };
  }
  const byAgent: Record<string, number> = {};
  for (const [agent, n] of c.record(`${path}.quota.byAgent`, q.byAgent))
    byAgent[agent] = c.int(`${path}.quota.byAgent.${agent}`, n, 0);
  return {
    version: typeof o.version === 'string' ? o.version : String(o.version ?? ''),
    effectiveFrom: typeof o.effectiveFrom === 'string' ? o.effectiveFrom : '',
    effective: {
      minTalkSeconds: c.int(`${path}.effective.minTalkSeconds`, e.minTalkSeconds, 30),
      directions: directions.map((d, i) =>
        c.oneOf(`${path}.effective.directions[${i}]`, d, ['inbound', 'outbound'] as const),
      ),
      uniqueNumberPerAgentDay: c.bool(
        `${path}.effective.uniqueNumberPerAgentDay`,
        e.uniqueNumberPerAgentDay,
        false,
      ),
    },
    quota: {
      default: c.int(`${path}.quota.default`, q.default, 50),
      newHire: c.int(`${path}.quota.newHire`, q.newHire, 30),
      newHireDays: c.int(`${path}.quota.newHireDays`, q.newHireDays, 15),
      ...(Object.keys(byTeam).length ? { byTeam } : {}),
      ...(Object.keys(byAgent).length ? { byAgent } : {}),
    },
  };
}

function attendance(c: Checker, raw: unknown): AttendanceRules {
  const d = DEFAULT_ATTENDANCE;
  const o = c.object('attendance', raw, Object.keys(d)) ?? {};
  const a: AttendanceRules = {
    graceSeconds: c.int('attendance.graceSeconds', o.graceSeconds, d.graceSeconds),
    halfDayAboveSeconds: c.int(
      'attendance.halfDayAboveSeconds',
      o.halfDayAboveSeconds,
      d.halfDayAboveSeconds,
    ),
    fullDayAboveSeconds: c.int(
      'attendance.fullDayAboveSeconds',
      o.fullDayAboveSeconds,
      d.fullDayAboveSeconds,
    ),
    maxIncidentsPerMonth: c.int(
      'attendance.maxIncidentsPerMonth',
      o.maxIncidentsPerMonth,
      d.maxIncidentsPerMonth,
    ),
    monthlyPenalty: c.oneOf(
      'attendance.monthlyPenalty',
      o.monthlyPenalty,
      ['once', 'each'] as const,
      d.monthlyPenalty,
    ),
    afterShiftGraceSeconds: c.int(
      'attendance.afterShiftGraceSeconds',
      o.afterShiftGraceSeconds,
      d.afterShiftGraceSeconds,
    ),
    sessionWindowHours: c.int(
      'attendance.sessionWindowHours',
      o.sessionWindowHours,
      d.sessionWindowHours,
      0,
      12,
    ),
  };
  if (!(a.graceSeconds <= a.halfDayAboveSeconds && a.halfDayAboveSeconds <= a.fullDayAboveSeconds))
    c.fail('attendance', 'needs graceSeconds ≤ halfDayAboveSeconds ≤ fullDayAboveSeconds');
  return a;
}

function notifications(c: Checker, raw: unknown, env: Env): WorkforceConfig['notifications'] {
  const o = c.object('notifications', raw, ['locale', 'webhooks', 'timeoutMs']) ?? {};
  const webhooks: WebhookTarget[] = c
    .list('notifications.webhooks', o.webhooks)
    .map((w, i) => webhook(c, `notifications.webhooks[${i}]`, w as Raw));
  if (env.WORKFORCE_WEBHOOK_URL) {
    webhooks.push(
      webhook(c, 'WORKFORCE_WEBHOOK_URL', {
        url: env.WORKFORCE_WEBHOOK_URL,
        kind: env.WORKFORCE_WEBHOOK_KIND ?? 'generic',
        secret: env.WORKFORCE_WEBHOOK_SECRET,
      }),
    );
  }
  return {
    locale: c.oneOf('notifications.locale', o.locale, ['zh-CN', 'en'] as const, 'zh-CN'),
    webhooks,
    timeoutMs: c.int('notifications.timeoutMs', o.timeoutMs, 10_000, 100, 120_000),
  };
}

function webhook(c: Checker, path: string, raw: Raw): WebhookTarget {
  const o = c.object(path, raw, ['url', 'kind', 'secret']) ?? {};
  // The URL of a robot carries its key: problems name the setting, never the value.
  const url = c.text(`${path}.url`, o.url, undefined, isHttpUrl, 'an http(s) URL');
  const kind = c.oneOf(`${path}.kind`, o.kind, WEBHOOK_KINDS, 'generic');
  const secret =
    o.secret === undefined || o.secret === '' ? undefined : c.text(`${path}.secret`, o.secret);
  return { url, kind, ...(secret ? { secret } : {}) };
}

function followUps(c: Checker, raw: unknown): WorkforceConfig['followUps'] {
  const o = c.object('followUps', raw, ['submitBy', 'numbersVisibleTo']) ?? {};
  const roles =
    o.numbersVisibleTo === undefined
      ? ['supervisor', 'admin']
      : c.list('followUps.numbersVisibleTo', o.numbersVisibleTo);
  return {
    submitBy: c.text(
      'followUps.submitBy',
      o.submitBy,
      '24:00',
      isTimeOfDay,
      'a time HH:MM (24:00: the end of the day)',
    ),
    numbersVisibleTo: roles.map((r, i) =>
      c.oneOf(`followUps.numbersVisibleTo[${i}]`, r, WORKFORCE_ROLES),
    ),
  };
}

function reports(c: Checker, raw: unknown, env: Env): WorkforceConfig['reports'] {
  const o = c.object('reports', raw, ['sendAt', 'monthlyDay', 'transports']) ?? {};
  const transports = c.list('reports.transports', o.transports).map((t, i): ReportTransport => {
    const path = `reports.transports[${i}]`;
    const kind = c.oneOf(`${path}.kind`, (t as Raw | null)?.kind, ['smtp', 'webhook'] as const);
    if (kind === 'webhook') {
      const w = c.object(path, t, ['kind', 'url']) ?? {};
      return { kind, url: c.text(`${path}.url`, w.url, undefined, isHttpUrl, 'an http(s) URL') };
    }
    const s =
      c.object(path, t, ['kind', 'host', 'port', 'secure', 'starttls', 'user', 'from', 'to']) ?? {};
    const to = c
      .list(`${path}.to`, s.to)
      .map((x, j) => c.text(`${path}.to[${j}]`, x, undefined, isMailbox, 'an e-mail address'));
    if (to.length === 0) c.fail(`${path}.to`, 'needs at least one address');
    const user = s.user === undefined ? undefined : c.text(`${path}.user`, s.user);
    return {
      kind,
      host: c.text(`${path}.host`, s.host),
      port: c.int(`${path}.port`, s.port, 25, 1, 65535),
      secure: c.bool(`${path}.secure`, s.secure, false),
      starttls: c.bool(`${path}.starttls`, s.starttls, false),
      ...(user !== undefined ? { user } : {}),
      ...(env.WORKFORCE_SMTP_PASSWORD ? { password: env.WORKFORCE_SMTP_PASSWORD } : {}),
      from: c.text(`${path}.from`, s.from, undefined, isMailbox, 'an e-mail address'),
      to,
    };
  });
  return {
    sendAt: c.text('reports.sendAt', o.sendAt, '08:00', isTimeOfDay, 'a time HH:MM'),
    monthlyDay: c.int('reports.monthlyDay', o.monthlyDay, 30, 1, 31),
    transports,
  };
}

function isMailbox(s: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(s);
}
