import 'reflect-metadata';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { ENTITIES } from './entities';
import { type PersistenceLogger, errorMessage, silentLogger } from './logger';
import { MIGRATIONS } from './migrations';

export interface OpenDatabaseOptions {
  /**
   * A PostgreSQL URL; defaults to DATABASE_URL. Without one (or with `null`, which ignores
   * DATABASE_URL) an embedded server is started.
   */
  readonly url?: string | null;
  /** Embedded cluster directory, default `.data/postgres` under the working directory. */
  readonly dataDir?: string;
  /** Embedded server port, default 54329 (a free one when busy). */
  readonly port?: number;
  /** Embedded database name, default `cti`. */
  readonly database?: string;
  /** Run pending migrations (under the advisory lock) before returning; default true. */
  readonly migrate?: boolean;
  readonly poolSize?: number;
  readonly logger?: PersistenceLogger;
  /** Tests only: embedded server without fsync. */
  readonly unsafeFast?: boolean;
}

export interface OpenedDatabase {
  readonly dataSource: DataSource;
  readonly url: string;
  /** Whether this process started the PostgreSQL server it talks to. */
  readonly embedded: boolean;
  /** The embedded server and its supervisor's status, when this process started it. */
  readonly server?: EmbeddedPostgres;
  stop(): Promise<void>;
}

/** The schema is newer than this build (or otherwise unknown to it): refuse to run on it. */
export class SchemaMismatchError extends Error {}

/** Fixed key: every instance serialises its migrations on the same advisory lock. */
export const MIGRATION_LOCK_KEY = 7_364_281_911;
export const MIGRATIONS_TABLE = 'schema_migrations';

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const logger = options.logger ?? silentLogger;
  const given =
    options.url === null ? undefined : options.url || process.env.DATABASE_URL || undefined;
  const server = given
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: options.dataDir ?? path.resolve('.data/postgres'),
        port: options.port ?? 54329,
        logger,
        unsafeFast: options.unsafeFast,
      });
  const url = given ?? server!.urlFor(options.database ?? 'cti');
  try {
    await ensureDatabase(url, logger);
    const dataSource = createDataSource(url, { poolSize: options.poolSize, logger });
    await dataSource.initialize();
    if (options.migrate !== false) await runMigrations(dataSource, logger);
    const stop = async (): Promise<void> => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await server?.stop();
    };
    return { dataSource, url, embedded: server !== undefined, server, stop };
  } catch (err) {
    await server?.stop();
    throw new Error(`database ${redact(url)} unavailable: ${errorMessage(err)}`);
  }
}

export interface DataSourceOptions {
  readonly poolSize?: number;
  readonly logger?: PersistenceLogger;
  /** Tests only: a throw-away schema to build from the entities. */
  readonly schema?: string;
  readonly synchronize?: boolean;
}

/** A TypeORM DataSource with the project's entities and migrations; schema by migrations only. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  const logger = options.logger ?? silentLogger;
  return new DataSource({
    type: 'postgres',
    url,
    schema: options.schema,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: options.synchronize ?? false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    // A dead server must fail queries fast, not hang the writer or an API request.
    extra: {
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
      query_timeout: 35_000,
      keepAlive: true,
    },
    // Pool errors (server gone) are expected during outages: log them, never crash.
    poolErrorHandler: (err: unknown) => logger.warn(`postgres pool: ${errorMessage(err)}`),
  });
}

/** Creates the URL's database when it is missing (CREATE DATABASE cannot take parameters). */
export async function ensureDatabase(
  url: string,
  logger: PersistenceLogger = silentLogger,
): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
    return;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
  } finally {
    await probe.end().catch(() => undefined);
  }
  target.pathname = '/postgres';
  const admin = new Client({
    connectionString: target.toString(),
    connectionTimeoutMillis: 10_000,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    logger.log(`created database ${name}`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // created meanwhile by another instance
  } finally {
    await admin.end();
  }
}

/**
 * Runs pending migrations while holding a session advisory lock, so two instances starting at once
 * never migrate concurrently: the second waits, then finds nothing to do. Returns names applied.
 */
export async function runMigrations(
  dataSource: DataSource,
  logger: PersistenceLogger = silentLogger,
): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await assertKnownSchema(dataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) logger.log(`migration applied: ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/** A database migrated by a newer build must not be written by this one. */
async function assertKnownSchema(dataSource: DataSource): Promise<void> {
  const exists = await dataSource.query<{ present: boolean }[]>(
    'SELECT to_regclass($1) IS NOT NULL AS present',
    [MIGRATIONS_TABLE],
  );
  if (!exists[0]?.present) return;
  const rows = await dataSource.query<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
  const known = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name));
  const unknown = rows.map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new SchemaMismatchError(
      `database schema has migrations this build does not know: ${unknown.join(', ')}`,
    );
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid database URL)';
  }
}
