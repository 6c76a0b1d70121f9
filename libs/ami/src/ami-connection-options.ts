import {
  DEFAULT_RECONNECT_POLICY,
  type ReconnectPolicy,
  validateReconnectPolicy,
} from './reconnect-policy';

/** Compatible with Nest's Logger and console. Never receives secrets. */
export interface AmiLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AmiConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly secret: string;
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** Wait after 'Authentication failed' (retrying fast feeds fail2ban-style bans). */
  readonly authFailureDelayMs?: number;
  readonly pingIntervalMs?: number;
  readonly pingTimeoutMs?: number;
  readonly actionTimeoutMs?: number;
  readonly listTimeoutMs?: number;
  /** Characters allowed in one frame before the socket is dropped (default 1 MiB). */
  readonly maxFrameChars?: number;
  /** Epoch ms; stamps AmiMessage.receivedAt and status changes. Default Date.now. */
  readonly clock?: () => number;
  readonly logger?: AmiLogger;
  /** 0..1 source for reconnect jitter. Default Math.random. */
  readonly random?: () => number;
}

export type ResolvedAmiConnectionOptions = Required<
  Omit<AmiConnectionOptions, 'logger' | 'reconnect'>
> & {
  readonly reconnect: ReconnectPolicy;
  readonly logger?: AmiLogger;
};

export function resolveAmiConnectionOptions(
  options: AmiConnectionOptions,
): ResolvedAmiConnectionOptions {
  const reconnect = { ...DEFAULT_RECONNECT_POLICY, ...options.reconnect };
  validateReconnectPolicy(reconnect);
  const resolved = {
    authFailureDelayMs: 30_000,
    pingIntervalMs: 10_000,
    pingTimeoutMs: 5_000,
    actionTimeoutMs: 10_000,
    listTimeoutMs: 30_000,
    maxFrameChars: 1024 * 1024,
    clock: Date.now,
    random: Math.random,
    ...withoutUndefined(options),
    reconnect,
  };
  for (const key of [
    'pingIntervalMs',
    'pingTimeoutMs',
    'actionTimeoutMs',
    'listTimeoutMs',
    'maxFrameChars',
  ] as const) {
    if (!(resolved[key] > 0)) throw new Error(`AmiConnection option ${key} must be > 0`);
  }
  if (!(resolved.authFailureDelayMs >= 0))
    throw new Error('AmiConnection option authFailureDelayMs must be >= 0');
  return resolved;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
