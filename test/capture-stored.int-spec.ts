import { readConfigFile, validateConfig } from '@cti/config';
import { CallCenterCore, localDay, summarizeDay } from '@cti/domain';
import { loadDay, RecordWriter } from '@cti/persistence';
import { replayCapture } from '@cti/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../libs/testing/src/postgres-test-db';
import { CAPTURES_DIR, loadTruth, withCaptureHireDates } from './support/capture-truth';
import { truthDifferences } from './support/truth-diff';

const CAPTURES = ['inbound-day', 'outbound-quota', 'transfers', 'blended'];
const CONFIG = `${__dirname}/../config/examples/capture-call-center.yaml`;

/**
 * The system of record: every capture replayed through the real path, its outputs written by
 * the batching writer to a real PostgreSQL, then the day read back into a fresh core (as after
 * a restart) must still equal the ground truth, and writing everything twice changes nothing.
 */
describe('captures stored in PostgreSQL and read back', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await db?.stop();
  });

  it.each(CAPTURES)(
    '%s: the stored day equals the ground truth, exactly once',
    async (name) => {
      // The captures were all recorded on the same day: each starts from empty tables.
      await db.dataSource.query(
        'TRUNCATE "call_leg", "pause_interval", "agent_session", "internal_call", "agent_state_interval", "daily_agent_counter", "alert"',
      );
      const truth = loadTruth(name);
      const config = withCaptureHireDates(validateConfig(readConfigFile(CONFIG)), truth);
      const { outputs } = await replayCapture({
        capturePath: `${CAPTURES_DIR}/${name}.ami.jsonl`,
        config,
      });
      const writer = new RecordWriter({
        dataSource: db.dataSource,
        timezone: config.timezone,
        spoolDir: mkdtempSync(join(tmpdir(), 'cti-spool-')),
      });
      for (const o of outputs) writer.write(o);
      for (const o of outputs) writer.write(o); // a replay or retry must not double count
      expect(await writer.drain(30_000)).toBe(true);
      await writer.close();

      const day = localDay(truth.t0_epoch_ms, config.timezone);
      const stored = await loadDay(db.dataSource, day);
      const completed = outputs.filter((o) => o.type === 'call-completed').length;
      expect(stored.legs).toHaveLength(completed);

      // Queue figures are live counters of the running core, checked by the replay test itself.
      const restarted = new CallCenterCore(config);
      restarted.restoreDay(stored);
      expect(truthDifferences(summarizeDay(restarted, day), truth, { queues: false })).toEqual([]);
    },
    120_000,
  );
});
