import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '@cti/persistence';
import { startTestDatabase } from './postgres-test-db';

describe('startTestDatabase', () => {
  it('embedded: a migrated private database whose server can be stopped and started again', async () => {
    const db = await startTestDatabase({ embedded: true });
    try {
      expect(db.embedded).toBe(true);
      expect(await db.dataSource.query('SELECT count(*)::int AS n FROM "call_leg"')).toEqual([
        { n: 0 },
      ]);
      await db.stopServer();
      await expect(db.dataSource.query('SELECT 1')).rejects.toThrow();
      await db.startServer();
      // The pool reconnects by itself once the server is back.
      expect(await db.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
    }
    expect(db.dataSource.isInitialized).toBe(false);
  });

  it('DATABASE_URL: a fresh database on that server per call, dropped at stop', async () => {
    const dataDir = path.join(tmpdir(), `cti-pg-url-${process.pid}`);
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      unsafeFast: true,
    });
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = server.urlFor('postgres');
    const databases = async (): Promise<string[]> => {
      const admin = new Client({ connectionString: server.urlFor('postgres') });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'cti_test_%'",
      );
      await admin.end();
      return rows.map((r) => r.datname);
    };
    try {
      const [a, b] = await Promise.all([
        startTestDatabase(),
        startTestDatabase({ migrate: false }),
      ]);
      expect([a.embedded, b.embedded]).toEqual([false, false]);
      expect(a.url).not.toBe(b.url);
      expect((await databases()).sort()).toEqual(
        [a.url, b.url].map((u) => new URL(u).pathname.slice(1)).sort(),
      );
      await expect(a.stopServer()).rejects.toThrow(/embedded/);
      await Promise.all([a.stop(), b.stop()]);
      expect(await databases()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.password`, { force: true });
    }
  });
});
