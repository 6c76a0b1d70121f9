import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import {
  type EmbeddedPostgres,
  createDataSource,
  ensureDatabase,
  freePort,
  quoteIdent,
  runMigrations,
  startEmbeddedPostgres,
} from '@cti/persistence';

export interface TestDatabaseOptions {
  /** Use an embedded server even when DATABASE_URL is set (the outage test must stop it). */
  readonly embedded?: boolean;
  /** Apply the migrations before returning; default true. */
  readonly migrate?: boolean;
  readonly poolSize?: number;
}

export interface TestDatabase {
  readonly dataSource: DataSource;
  readonly url: string;
  readonly embedded: boolean;
  /** The embedded server, when there is one (fault tests signal its processes). */
  readonly server?: EmbeddedPostgres;
  /** Another DataSource on the same database (a second instance, a schema check). */
  connect(): DataSource;
  /** Stops the PostgreSQL server (embedded only): simulates the database going away. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Closes the connections and drops the database (or the whole embedded cluster). */
  stop(): Promise<void>;
}

/**
 * A fresh database for one test file. With DATABASE_URL: a new database on that server, dropped
 * at stop. Without it (or with `embedded`): a private embedded cluster in a temp dir on a free port.
 */
export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL;
  const useEmbedded = options.embedded === true || !external;
  const name = `cti_test_${randomBytes(5).toString('hex')}`;
  let server: EmbeddedPostgres | undefined;
  let url: string;
  if (useEmbedded) {
    const dataDir = path.join(tmpdir(), `cti-pg-${name}`);
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), unsafeFast: true });
    url = server.urlFor(name);
  } else {
    const u = new URL(external!);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  await ensureDatabase(url);
  const opened: DataSource[] = [];
  const connect = (): DataSource => {
    const ds = createDataSource(url, { poolSize: options.poolSize ?? 5 });
    opened.push(ds);
    return ds;
  };
  const dataSource = connect();
  await dataSource.initialize();
  if (options.migrate !== false) await runMigrations(dataSource);

  const noServerControl = async (): Promise<void> => {
    throw new Error(
      'stopServer/startServer need an embedded server: startTestDatabase({ embedded: true })',
    );
  };
  return {
    dataSource,
    url,
    embedded: useEmbedded,
    server,
    connect,
    stopServer: server ? () => server.stop() : noServerControl,
    startServer: server ? () => server.start() : noServerControl,
    stop: async () => {
      for (const ds of opened) if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      if (server) {
        await server.stop();
        rmSync(server.dataDir, { recursive: true, force: true });
        rmSync(`${server.dataDir}.password`, { force: true });
      } else {
        await dropDatabase(external!, name);
      }
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
}
