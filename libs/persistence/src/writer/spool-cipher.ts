import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks a sealed line: `v1.` + base64(iv | tag | ciphertext). */
const PREFIX = 'v1.';

/**
 * Seals each spool line on its own with AES-256-GCM (a fresh IV per line), so a torn or corrupt
 * line costs that line only, and tampering is detected rather than decoded into wrong records.
 */
export class SpoolCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`spool key must be ${KEY_BYTES} bytes`);
  }

  seal(text: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The clear text, or undefined when the line is not ours, corrupt or sealed with another key. */
  open(line: string): string | undefined {
    if (!line.startsWith(PREFIX)) return undefined;
    const raw = Buffer.from(line.slice(PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = raw.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/**
 * The spool key: `configured` (CTI_SPOOL_KEY: 32 bytes as base64 or 64 hex digits) when given,
 * else the key in `keyFile`, generated there (mode 0600) on first use.
 */
export function loadSpoolKey(configured: string | undefined, keyFile: string): Buffer {
  if (configured !== undefined && configured.trim() !== '') return parseKey(configured.trim());
  if (existsSync(keyFile)) return parseKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
  mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  return key;
}

function parseKey(text: string, source = 'CTI_SPOOL_KEY'): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text)
    ? Buffer.from(text, 'hex')
    : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES)
    throw new Error(`${source}: the spool key must be 32 bytes, as base64 or 64 hex digits`);
  return key;
}
