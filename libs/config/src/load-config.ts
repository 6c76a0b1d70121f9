import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { type CallCenterConfig } from './call-center-config';
import { ConfigError } from './config-error';
import { type ConfigIssue } from './schema';
import { validateConfig } from './validate-config';

export type Env = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /** YAML (.yaml/.yml) or JSON (.json) file; none = built-in defaults (plus env overrides). */
  file?: string;
  /** Environment to read overrides from (pass `process.env`); none = no overrides. */
  env?: Env;
}

/** The default configuration file, relative to the working directory. */
export const DEFAULT_CONFIG_FILE = 'config/call-center.yaml';

/**
 * Where the configuration lives: `CTI_CONFIG` if set, else `config/call-center.yaml` if it
 * exists, else null (the caller uses the built-in defaults).
 */
export function resolveConfigPath(env: Env, cwd: string = process.cwd()): string | null {
  const explicit = env.CTI_CONFIG?.trim();
  if (explicit) return resolve(cwd, explicit);
  const fallback = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? fallback : null;
}

/**
 * Reads the file (if any), applies the environment overrides, then validates once, filling in
 * the defaults. Throws `ConfigError` for an unreadable file or an invalid configuration.
 */
export function loadConfig(options: LoadConfigOptions = {}): CallCenterConfig {
  const raw = options.file === undefined ? {} : readConfigFile(options.file);
  const env = options.env ?? {};
  try {
    return validateConfig(applyEnvOverrides(raw, env), options.file);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Say which problems come from the environment rather than from the file.
    const issues = err.issues.map((issue) => {
      const from = overridesUsed(env).find(([, path]) => path === issue.path);
      return from ? { ...issue, message: `${issue.message} (from ${from[0]})` } : issue;
    });
    throw new ConfigError(issues, options.file);
  }
}

/** Parses a configuration file into plain data, without validating it. */
export function readConfigFile(file: string): unknown {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    throw new ConfigError(
      [{ path: '', message: `unsupported file type '${ext}': use .yaml, .yml or .json` }],
      file,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`;
    throw new ConfigError([{ path: '', message }], file);
  }
  return ext === '.json' ? parseJson(text, file) : parseYaml(text, file);
}

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

// Parse errors quote no source text: the line could hold the AMI secret.
function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: ConfigIssue[] = doc.errors.map((e) => ({
      path: '',
      message: `YAML ${lineCol(text, e.pos[0])}: ${e.message.split('\n')[0]}`,
    }));
    throw new ConfigError(issues, file);
  }
  return doc.toJS() as unknown;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const where = pos ? ` at ${lineCol(text, Number(pos[1]))}` : '';
    throw new ConfigError([{ path: '', message: `invalid JSON${where}` }], file);
  }
}

/** Environment variables that override the file: [variable, section, key, numeric]. */
const ENV_OVERRIDES: readonly [string, 'ami' | null, string, boolean][] = [
  ['AMI_HOST', 'ami', 'host', false],
  ['AMI_PORT', 'ami', 'port', true],
  ['AMI_USERNAME', 'ami', 'username', false],
  ['AMI_SECRET', 'ami', 'secret', false],
  ['CTI_TIMEZONE', null, 'timezone', false],
];

/**
 * Returns a copy of `raw` with the set (non-empty) override variables applied. A numeric
 * variable that is not a whole number is passed on as text, so validation reports it.
 */
export function applyEnvOverrides(raw: unknown, env: Env): unknown {
  if (!isObject(raw)) return raw; // validation reports it
  const out: Record<string, unknown> = { ...raw };
  for (const [name, section, key, numeric] of ENV_OVERRIDES) {
    const given = env[name];
    if (given === undefined || given.trim() === '') continue;
    const value = key === 'secret' ? given : given.trim();
    const typed = numeric && /^\d+$/.test(value) ? Number(value) : value;
    if (section === null) {
      out[key] = typed;
      continue;
    }
    const current = out[section];
    if (current === undefined || current === null) out[section] = { [key]: typed };
    else if (isObject(current)) out[section] = { ...current, [key]: typed };
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** [variable, config path] of the override variables set in `env`. */
function overridesUsed(env: Env): [string, string][] {
  return ENV_OVERRIDES.filter(([name]) => (env[name] ?? '').trim() !== '').map(
    ([name, section, key]): [string, string] => [name, section ? `${section}.${key}` : key],
  );
}
