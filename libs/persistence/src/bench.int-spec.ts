import { benchPersistence } from './bench';

// Rates are measured by `npm run bench -- persistence`, never asserted here. The bench throws
// when the writer did not store every row it timed; this keeps that path working.
it('the persistence bench stores every row it times', async () => {
  const result = await benchPersistence({ rows: 5_000, baselineRows: 100 });
  expect(result.writer.rowsPerSecond).toBeGreaterThan(0);
  expect(result.baseline.rowsPerSecond).toBeGreaterThan(0);
}, 120_000);
