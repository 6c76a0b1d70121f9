import { loadConfig, resolveConfigPath, validateConfig } from '@cti/config';
import { type CallCenterConfig } from '@cti/domain';
import { parseTrustProxy, type TrustProxy } from '@cti/http-api';
import { simulatedCallCenter } from '@cti/pbx-simulator';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from '../runtime/bounded-shutdown';

/** How this process runs: against a real Asterisk, or on the built-in simulator (a DI token too). */
export abstract class ServerSettings {
  abstract readonly port: number;
  abstract readonly config: CallCenterConfig;
  /** The shift the wallboard judges 'behind quota late in the shift' and 'still logged in' by. */
  abstract readonly boardShift: { readonly start: string; readonly end: string };
  /** SIGTERM to exit, at most (CTI_SHUTDOWN_TIMEOUT_MS). */
  abstract readonly shutdownTimeoutMs: number;
  /** CTI_TRUST_PROXY: which proxies' X-Forwarded-For gives the client address (off by default). */
  abstract readonly trustProxy: TrustProxy;
  /** Set when no AMI host is configured: the simulator to start in-process. */
  abstract readonly simulator?: {
    readonly agents: number;
    readonly speed: number;
    readonly seed: number;
    /** Where it writes a WAV for each recorded call (the QA registry's storage root). */
    readonly recordingsDir?: string;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got '${raw}'`);
  return n;
}

/** Reads the environment once at start-up; a bad value stops the start with a clear message. */
/** `CTI_SHIFT=09:00-17:00` (local time of the center); the rules' default day. */
function boardShift(env: Env): { start: string; end: string } {
  const raw = env.CTI_SHIFT ?? '09:00-17:00';
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new Error(`CTI_SHIFT must look like 09:00-17:00, got '${raw}'`);
  return { start: `${m[1]}:${m[2]}`, end: `${m[3]}:${m[4]}` };
}

/** `CTI_TIMEZONE` for the simulator's center, checked by the configuration's own rule. */
function simulatorTimezone(env: Env): string {
  const given = env.CTI_TIMEZONE?.trim();
  if (!given) return 'Asia/Shanghai';
  try {
    return validateConfig({ timezone: given }).timezone;
  } catch {
    throw new Error(`CTI_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got '${given}'`);
  }
}

export function readServerSettings(env: Env): ServerSettings {
  const port = positive(env, 'PORT', 3000);
  const shift = boardShift(env);
  const shutdownTimeoutMs = positive(env, 'CTI_SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS);
  const trustProxy = parseTrustProxy(env.CTI_TRUST_PROXY);
  const file = resolveConfigPath(env);
  if (file || env.AMI_HOST) {
    if (!file)
      throw new Error(
        'AMI_HOST is set but no call-center configuration was found: set CTI_CONFIG or create config/call-center.yaml',
      );
    const config = loadConfig({ file, env });
    if (config.ami.host) return { port, config, boardShift: shift, shutdownTimeoutMs, trustProxy };
  }
  const agents = positive(env, 'CTI_SIM_AGENTS', 12);
  return {
    port,
    boardShift: shift,
    shutdownTimeoutMs,
    trustProxy,
    config: simulatedCallCenter(agents, simulatorTimezone(env)),
    simulator: {
      agents,
      speed: positive(env, 'CTI_SIM_SPEED', 1),
      seed: positive(env, 'CTI_SIM_SEED', 1),
    },
  };
}
