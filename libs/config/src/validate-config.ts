import {
  type AgentConfig,
  type AmiConfig,
  CALL_DIRECTIONS,
  type CallCenterConfig,
  CONFIG_DEFAULTS as D,
  type QueueConfig,
  type RulesConfig,
  type TeamConfig,
} from './call-center-config';
import { ConfigError } from './config-error';
import { device, id, interfaceName, isoDate, name, timezone } from './readers';
import {
  at,
  boolean,
  Checker,
  field,
  integer,
  kindOf,
  list,
  object,
  oneOf,
  optional,
  record,
  text,
} from './schema';
import { qaSection } from './qa-section';

const count = integer(0);
const seconds = integer(0);

function ami(c: Checker, raw: unknown): AmiConfig {
  const o = object(c, 'ami', raw ?? {}, ['host', 'port', 'username', 'secret']) ?? {};
  const host = optional(c, o, 'ami', 'host', text());
  const username = optional(c, o, 'ami', 'username', text());
  const secret = optional(c, o, 'ami', 'secret', text({ hideValue: true }));
  const out: AmiConfig = {
    port: field(c, o, 'ami', 'port', integer(1, 65535), D.amiPort),
    ...(host !== undefined ? { host } : {}),
    ...(username !== undefined ? { username } : {}),
    ...(secret !== undefined ? { secret } : {}),
  };
  if (host !== undefined) {
    if (o.username == null)
      c.fail('ami.username', 'is required when ami.host is set (or AMI_USERNAME)');
    if (o.secret == null) c.fail('ami.secret', 'is required when ami.host is set (set AMI_SECRET)');
  }
  return out;
}

function rules(c: Checker, raw: unknown): RulesConfig {
  const keys = ['version', 'effective', 'quota', 'pauses', 'wrapUpPauseReasons'];
  const o = object(c, 'rules', raw ?? {}, keys) ?? {};
  const eKeys = ['minTalkSeconds', 'directions', 'uniqueNumberPerAgentDay'];
  const e = object(c, 'rules.effective', o.effective ?? {}, eKeys) ?? {};
  const q = object(c, 'rules.quota', o.quota ?? {}, ['default', 'newHire', 'newHireDays']) ?? {};
  const pKeys = ['defaultLimitSeconds', 'limitsByReason'];
  const p = object(c, 'rules.pauses', o.pauses ?? {}, pKeys) ?? {};
  const directions = list(oneOf(CALL_DIRECTIONS), { nonEmpty: true, unique: true });
  return {
    version: field(c, o, 'rules', 'version', text(), D.rulesVersion),
    effective: {
      minTalkSeconds: field(c, e, 'rules.effective', 'minTalkSeconds', seconds, D.minTalkSeconds),
      directions: field(c, e, 'rules.effective', 'directions', directions, [...D.directions]),
      uniqueNumberPerAgentDay: field(
        c,
        e,
        'rules.effective',
        'uniqueNumberPerAgentDay',
        boolean,
        D.uniqueNumberPerAgentDay,
      ),
    },
    quota: {
      default: field(c, q, 'rules.quota', 'default', count, D.quota),
      newHire: field(c, q, 'rules.quota', 'newHire', count, D.newHireQuota),
      newHireDays: field(c, q, 'rules.quota', 'newHireDays', count, D.newHireDays),
    },
    pauses: {
      defaultLimitSeconds: field(
        c,
        p,
        'rules.pauses',
        'defaultLimitSeconds',
        integer(1),
        D.pauseLimitSeconds,
      ),
      limitsByReason: field(c, p, 'rules.pauses', 'limitsByReason', record(integer(1)), {}),
    },
    wrapUpPauseReasons: field(
      c,
      o,
      'rules',
      'wrapUpPauseReasons',
      list(text(), { unique: true }),
      [],
    ),
  };
}

/** Reads each item of a top-level list with `item`, dropping the ones that are not objects. */
function items<T>(
  c: Checker,
  key: string,
  raw: unknown,
  keys: readonly string[],
  item: (c: Checker, o: Record<string, unknown>, p: string) => T,
): T[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return c.fail(key, `expected a list, got ${kindOf(raw)}`) ?? [];
  return raw.flatMap((value: unknown, i) => {
    const p = at(key, i);
    const o = object(c, p, value, keys);
    return o ? [item(c, o, p)] : [];
  });
}

const QUEUE_KEYS = ['name', 'wrapUpSeconds', 'serviceLevelSeconds'];

function queue(c: Checker, o: Record<string, unknown>, p: string): QueueConfig {
  return {
    name: field(c, o, p, 'name', name, '', true),
    wrapUpSeconds: field(c, o, p, 'wrapUpSeconds', seconds, D.wrapUpSeconds),
    serviceLevelSeconds: field(c, o, p, 'serviceLevelSeconds', seconds, D.serviceLevelSeconds),
  };
}

function team(c: Checker, o: Record<string, unknown>, p: string): TeamConfig {
  return { id: field(c, o, p, 'id', id, '', true), name: field(c, o, p, 'name', name, '', true) };
}

const AGENT_KEYS = ['id', 'name', 'team', 'hireDate', 'quota', 'interfaces', 'devices'];

function agent(c: Checker, o: Record<string, unknown>, p: string): AgentConfig {
  const teamId = optional(c, o, p, 'team', id);
  const quota = optional(c, o, p, 'quota', count);
  const out: AgentConfig = {
    id: field(c, o, p, 'id', id, '', true),
    name: field(c, o, p, 'name', name, '', true),
    ...(teamId !== undefined ? { team: teamId } : {}),
    hireDate: field(c, o, p, 'hireDate', isoDate, '', true),
    ...(quota !== undefined ? { quota } : {}),
    interfaces: field(c, o, p, 'interfaces', list(interfaceName, { unique: true }), []),
    devices: field(c, o, p, 'devices', list(device, { unique: true }), []),
  };
  const absentOrEmpty = (v: unknown): boolean => v == null || (Array.isArray(v) && v.length === 0);
  if (absentOrEmpty(o.interfaces) && absentOrEmpty(o.devices)) {
    c.fail(
      p,
      'needs at least one entry in interfaces or devices, or its calls can never be recognised',
    );
  }
  return out;
}

/** Reports values that occur more than once; `values` are [value, path] pairs in order. */
function unique(c: Checker, what: string, values: [string, string][]): void {
  const first = new Map<string, string>();
  for (const [value, path] of values) {
    if (value === '') continue;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, path);
    else c.fail(path, `duplicate ${what} ${c.show(value)} (already at ${seen})`);
  }
}

function crossChecks(c: Checker, config: CallCenterConfig): void {
  unique(
    c,
    'queue name',
    config.queues.map((q, i) => [q.name, `queues[${i}].name`]),
  );
  unique(
    c,
    'team id',
    config.teams.map((t, i) => [t.id, `teams[${i}].id`]),
  );
  unique(
    c,
    'agent id',
    config.agents.map((a, i) => [a.id, `agents[${i}].id`]),
  );
  const across = (key: 'interfaces' | 'devices'): [string, string][] =>
    config.agents.flatMap((a, i) =>
      a[key].map((v, j): [string, string] => [v, `agents[${i}].${key}[${j}]`]),
    );
  unique(c, 'interface', across('interfaces'));
  unique(c, 'device', across('devices'));
  interfaceDeviceClashes(c, config);
  const teams = new Set(config.teams.map((t) => t.id));
  config.agents.forEach((a, i) => {
    if (a.team !== undefined && !teams.has(a.team)) {
      const known = teams.size ? [...teams].map((t) => `'${t}'`).join(', ') : 'none defined';
      c.fail(`agents[${i}].team`, `unknown team ${c.show(a.team)} (teams: ${known})`);
    }
  });
}

/** A member interface is also its agent's device ('Local/1001@agents/n' -> 'Local/1001@agents'). */
function interfaceDeviceClashes(c: Checker, config: CallCenterConfig): void {
  const deviceOwner = new Map<string, number>();
  const seen = new Set<string>();
  config.agents.forEach((a, i) =>
    a.devices.forEach((d) => deviceOwner.set(d, deviceOwner.get(d) ?? i)),
  );
  config.agents.forEach((a, i) =>
    a.interfaces.forEach((iface, j) => {
      if (seen.has(iface)) return; // a duplicate interface, reported already
      seen.add(iface);
      const key = iface.startsWith('Local/') ? iface.replace(/\/[a-z]+$/, '') : iface;
      const owner = deviceOwner.get(key);
      if (owner !== undefined && owner !== i) {
        c.fail(
          `agents[${i}].interfaces[${j}]`,
          `device ${c.show(key)} belongs to agents[${owner}]`,
        );
      }
    }),
  );
}

const TOP_KEYS = ['timezone', 'ami', 'rules', 'queues', 'teams', 'agents', 'qa'];

function secretOf(raw: unknown): string | undefined {
  const a =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).ami : undefined;
  const s = typeof a === 'object' && a !== null ? (a as Record<string, unknown>).secret : undefined;
  return typeof s === 'string' || typeof s === 'number' ? String(s) : undefined;
}

/**
 * Validates a parsed configuration in one pass and fills in the defaults. Throws a
 * `ConfigError` listing every problem found (never showing the AMI secret).
 */
export function validateConfig(raw: unknown, source?: string): CallCenterConfig {
  const c = new Checker(secretOf(raw));
  const o = object(c, '', raw ?? {}, TOP_KEYS) ?? {};
  const config: CallCenterConfig = {
    timezone: field(c, o, '', 'timezone', timezone, D.timezone),
    ami: ami(c, o.ami),
    rules: rules(c, o.rules),
    queues: items(c, 'queues', o.queues, QUEUE_KEYS, queue),
    teams: items(c, 'teams', o.teams, ['id', 'name'], team),
    agents: items(c, 'agents', o.agents, AGENT_KEYS, agent),
  };
  const qa = qaSection(c, o.qa);
  crossChecks(c, config);
  if (c.issues.length > 0) throw new ConfigError(c.issues, source);
  return qa ? { ...config, qa } : config;
}
