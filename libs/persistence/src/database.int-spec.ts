import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from './database';
import { freePort } from './embedded-postgres';

describe('openDatabase', () => {
  const base = path.join(tmpdir(), `cti-open-${process.pid}`);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('without a URL: initialises an embedded cluster once, migrates it, and keeps its data across restarts', async () => {
    const dataDir = path.join(base, 'postgres');
    const port = await freePort();
    const first = await openDatabase({ url: null, dataDir, port, unsafeFast: true });
    expect(first.embedded).toBe(true);
    expect(new URL(first.url).pathname).toBe('/cti');
    await first.dataSource.query(`INSERT INTO "team" ("id", "name") VALUES ('t1', 'Sales')`);
    await first.stop();
    expect(statSync(`${dataDir}.password`).mode & 0o777).toBe(0o600);

    const again = await openDatabase({ url: null, dataDir, port, unsafeFast: true });
    try {
      expect(again.url).toBe(first.url); // same password, same port
      expect(await runMigrations(again.dataSource)).toEqual([]);
      expect(await again.dataSource.query('SELECT "name" FROM "team"')).toEqual([
        { name: 'Sales' },
      ]);
    } finally {
      await again.stop();
    }
  });

  it('with an unreachable URL: fails at once with a clear message and no password in it', async () => {
    const port = await freePort();
    const started = Date.now();
    const opening = openDatabase({ url: `postgres://cti:s3cret@127.0.0.1:${port}/cti` });
    await expect(opening).rejects.toThrow(
      /database postgres:\/\/cti:\*\*\*@127\.0\.0\.1:\d+\/cti unavailable: .*ECONNREFUSED/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
