import { isIP } from 'node:net';
import { type INestApplication } from '@nestjs/common';

/** Express's `trust proxy`: off, a hop count, or the proxies' addresses and networks. */
export type TrustProxy = false | number | readonly string[];

const VARIABLE = 'CTI_TRUST_PROXY';
// Express's names for the private ranges, accepted as list entries too.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads CTI_TRUST_PROXY: unset or empty is off (the client address is the socket's, and any
 * X-Forwarded-For is ignored); `1`, `2`, … trusts that many proxies in front; a comma-separated
 * list trusts those addresses or CIDR networks. Anything else stops the start.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 16) return hops;
    throw invalid(raw!, 'a hop count is 1 to 16');
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) throw invalid(raw!, `'${bad}' is not an address or CIDR network`);
  return entries;
}

/** Applies the setting to the app's Express instance (before it serves requests). */
export function applyTrustProxy(app: INestApplication, trust: TrustProxy): void {
  const express = app.getHttpAdapter().getInstance() as {
    set(setting: string, value: unknown): void;
  };
  express.set('trust proxy', Array.isArray(trust) ? [...trust] : trust);
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

function invalid(raw: string, why: string): Error {
  return new Error(
    `${VARIABLE} must be a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR networks (e.g. 10.0.0.5,192.168.0.0/16): got '${raw}' (${why})`,
  );
}
