import { startTestDatabase, type TestDatabase } from '../../testing/src/postgres-test-db';
import { MIGRATIONS_TABLE, SchemaMismatchError, runMigrations } from './database';
import { MIGRATIONS } from './migrations';

describe('migrations (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase({ migrate: false, poolSize: 4 });
  });
  afterAll(() => db.stop());

  it('run from an empty database, once, even when two instances start together', async () => {
    const other = db.connect();
    await other.initialize();
    const [a, b] = await Promise.all([runMigrations(db.dataSource), runMigrations(other)]);
    // Every migration applied once, in order, by one of the two (the other waited on the lock).
    expect([...a, ...b]).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runMigrations(db.dataSource)).toEqual([]);
    const tables = await db.dataSource.query<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'agent',
        'agent_session',
        'agent_state_interval',
        'alert',
        'app_user',
        'audit_log',
        'call_leg',
        'daily_agent_counter',
        'internal_call',
        'pause_interval',
        'recording',
        MIGRATIONS_TABLE,
        'team',
      ]),
    );
  });

  it('entities and migrations agree: the schema builder finds nothing to change', async () => {
    await runMigrations(db.dataSource);
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('refuses a database migrated by a newer build', async () => {
    await db.dataSource.query(`INSERT INTO ${MIGRATIONS_TABLE} (timestamp, name) VALUES ($1, $2)`, [
      1999999999999,
      'Future1999999999999',
    ]);
    await expect(runMigrations(db.dataSource)).rejects.toBeInstanceOf(SchemaMismatchError);
    await db.dataSource.query(`DELETE FROM ${MIGRATIONS_TABLE} WHERE name = $1`, [
      'Future1999999999999',
    ]);
  });
});
