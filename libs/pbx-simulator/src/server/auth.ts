import { createHash, randomInt } from 'node:crypto';
import { type ActionFrame } from '../ami/frame';
import { parseClassList } from '../ami/permissions';
import { type AmiUser } from '../options';

export interface AuthenticatedUser {
  username: string;
  readMask: number;
  writeMask: number;
}

/** A fresh `Challenge:` value: a random decimal, like Asterisk's `ast_random()`. */
export function newChallenge(): string {
  return String(randomInt(1, 2 ** 31 - 1));
}

/**
 * Checks a Login action: plain (`Secret`) or MD5 (`AuthType: MD5`, `Key` = md5hex(challenge +
 * secret)). Usernames match case-insensitively, as in manager.conf.
 */
export function authenticate(
  frame: ActionFrame,
  users: readonly AmiUser[],
  challenge: string | undefined,
): AuthenticatedUser | undefined {
  const username = frame.get('Username') ?? '';
  const user = users.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user) return undefined;
  const authType = (frame.get('AuthType') ?? '').toLowerCase();
  let ok: boolean;
  if (authType === 'md5') {
    const expected = createHash('md5')
      .update(`${challenge ?? ''}${user.secret}`)
      .digest('hex');
    ok = challenge !== undefined && (frame.get('Key') ?? '').toLowerCase() === expected;
  } else {
    ok = authType === '' && frame.get('Secret') === user.secret;
  }
  if (!ok) return undefined;
  return {
    username: user.username,
    readMask: parseClassList(user.read),
    writeMask: parseClassList(user.write),
  };
}
