import { startTestDatabase, type TestDatabase } from '../../../testing/src/postgres-test-db';
import { qaStoreContract, recordingRepositoryContract } from '../testing/store-contract';
import { PgQaStore } from './pg-qa-store';
import { PgRecordingRepository } from './pg-recording-repository';

/** The PostgreSQL stores against a real server (embedded unless DATABASE_URL is set), migrated. */
describe('PostgreSQL recording/QA stores', () => {
  let db: TestDatabase;
  const QA_TABLES = [
    'qa_evaluation',
    'qa_assignment',
    'qa_sample_draw',
    'qa_scorecard',
    'qa_recording_deletion',
    'qa_recording',
  ];
  const fresh = async (): Promise<void> => {
    await db.dataSource.query(`TRUNCATE ${QA_TABLES.map((t) => `"${t}"`).join(', ')}`);
  };

  beforeAll(async () => {
    db = await startTestDatabase();
  }, 120_000);
  afterAll(() => db?.stop());

  it('the QA entities describe exactly what the migration creates', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => /"qa_/.test(q))).toEqual([]);
  });

  describe('PgRecordingRepository', () =>
    recordingRepositoryContract(async () => {
      await fresh();
      return new PgRecordingRepository(db.dataSource);
    }));

  describe('PgQaStore', () =>
    qaStoreContract(async () => {
      await fresh();
      return new PgQaStore(db.dataSource);
    }));
});
