import { DEFAULT_SCRYPT_COST, PasswordHasher } from './password-hasher';

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher();

  it('encodes scrypt$N$r$p$salt$hash with a per-password salt and the slow default cost', async () => {
    const a = await hasher.hash('correct horse battery');
    const b = await hasher.hash('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(DEFAULT_SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hasher.hash('päss wörd 1234');
    await expect(hasher.verify('päss wörd 1234', encoded)).resolves.toBe(true);
    // The same text typed in decomposed form (NFD) is the same password.
    await expect(hasher.verify('päss wörd 1234'.normalize('NFD'), encoded)).resolves.toBe(true);
    await expect(hasher.verify('pass word 1234', encoded)).resolves.toBe(false);
    await expect(hasher.verify('', encoded)).resolves.toBe(false);
  });

  it('answers false, never throws, for malformed or hostile stored hashes', async () => {
    const hostile = [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      'scrypt$1073741824$8$1$c2FsdHNhbHQ=$AAAA', // N too large: would allocate gigabytes
      'scrypt$32768$8$1$c2FsdHNhbHQ=$short',
      'scrypt$3$8$1$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    ];
    for (const h of hostile) await expect(hasher.verify('x', h)).resolves.toBe(false);
  });

  it('verifies hashes made with another cost and says they need a rehash', async () => {
    const old = new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 });
    const encoded = await old.hash('old password here');
    await expect(hasher.verify('old password here', encoded)).resolves.toBe(true);
    expect(hasher.needsRehash(encoded)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('new password here'))).toBe(false);
  });

  it('burns about the time of a verification for unknown users', async () => {
    const encoded = await hasher.hash('some password');
    const time = async (f: () => Promise<unknown>): Promise<number> => {
      const t = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    await hasher.burn('warm-up');
    const verify = await time(() => hasher.verify('wrong', encoded));
    const burn = await time(() => hasher.burn('wrong'));
    expect(burn).toBeGreaterThan(verify / 4);
  });

  it('refuses a cost that is not a bounded power of two', () => {
    expect(() => new PasswordHasher({ N: 1000, r: 8, p: 1 })).toThrow(/invalid scrypt cost/);
    expect(() => new PasswordHasher({ N: 2 ** 25, r: 8, p: 1 })).toThrow(/invalid scrypt cost/);
  });
});
