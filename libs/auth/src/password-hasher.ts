import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt work factors. N = 2^15, r = 8 costs ~32 MiB and tens of ms per hash: slow on purpose. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';
/** Bounds for stored parameters: a tampered row must not make a login allocate gigabytes. */
const LIMITS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 32, maxP: 16 };
export const MAX_PASSWORD_LENGTH = 256;

function scryptAsync(password: Buffer, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: Node's 32 MiB default is exactly what N=2^15, r=8 needs, and "approximately" too little.
    const maxmem = 256 * cost.N * cost.r * cost.p;
    scrypt(password, salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
}

function checkCost(cost: ScryptCost): void {
  const ok =
    isPowerOfTwo(cost.N) &&
    cost.N >= LIMITS.minN &&
    cost.N <= LIMITS.maxN &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= LIMITS.maxR &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= LIMITS.maxP;
  if (!ok) throw new Error(`invalid scrypt cost N=${cost.N} r=${cost.r} p=${cost.p}`);
}

interface Decoded {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function decode(encoded: string): Decoded | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^\d{1,8}$/.test(x) ? Number(x) : NaN));
  const cost = { N, r, p };
  try {
    checkCost(cost);
  } catch {
    return undefined;
  }
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || key.length !== KEY_BYTES) return undefined;
  return { cost, salt, key };
}

/** NFC so that the same password typed on two keyboards hashes the same. */
const bytesOf = (password: string): Buffer => Buffer.from(password.normalize('NFC'), 'utf8');

/**
 * Password hashing with scrypt (node:crypto): a random salt per password, encoded as
 * `scrypt$N$r$p$salt$hash` (base64) so the cost can be raised later without breaking old hashes.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;

  constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {
    checkCost(cost);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await scryptAsync(bytesOf(password), salt, this.cost);
    const { N, r, p } = this.cost;
    return [PREFIX, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Constant-time comparison; false (never a throw) for a malformed or foreign hash. */
  async verify(password: string, encoded: string): Promise<boolean> {
    const decoded = decode(encoded);
    if (!decoded || password.length > MAX_PASSWORD_LENGTH) {
      await this.burn(password);
      return false;
    }
    const key = await scryptAsync(bytesOf(password), decoded.salt, decoded.cost);
    return timingSafeEqual(key, decoded.key);
  }

  /**
   * Spends the time of one verification and returns false: a login for an unknown user must
   * take as long as one with a wrong password, or response times reveal which users exist.
   */
  async burn(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    const decoded = decode(await this.dummy)!;
    await scryptAsync(bytesOf(password.slice(0, MAX_PASSWORD_LENGTH)), decoded.salt, decoded.cost);
    return false;
  }

  /** Whether a stored hash was made with other parameters than today's (re-hash at next login). */
  needsRehash(encoded: string): boolean {
    const decoded = decode(encoded);
    if (!decoded) return true;
    const { N, r, p } = decoded.cost;
    return N !== this.cost.N || r !== this.cost.r || p !== this.cost.p;
  }
}
