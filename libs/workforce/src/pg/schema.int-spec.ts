import { WorkforceQuotaDay1764461000000 } from '../../../persistence/src/migrations/1764461000000-workforce-quota-day';
import { startTestDatabase, type TestDatabase } from '../../../testing/src/postgres-test-db';

describe('workforce tables (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase();
  });
  afterAll(() => db?.stop());

  it('the migration builds exactly what the workforce entities describe', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    const tables = await db.dataSource.query<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'workforce_%' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'workforce_attendance_exception',
      'workforce_day_override',
      'workforce_follow_up',
      'workforce_report_delivery',
      'workforce_rule_set',
      'workforce_shift_end_run',
      'workforce_stay_late',
      'workforce_team_submission',
    ]);
  });

  it('reverts cleanly', async () => {
    const runner = db.dataSource.createQueryRunner();
    const migration = new WorkforceQuotaDay1764461000000();
    await migration.down(runner);
    const left = await db.dataSource.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'workforce_%'",
    );
    expect(left[0]!.n).toBe('0');
    await migration.up(runner);
    await runner.release();
    expect((await db.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
