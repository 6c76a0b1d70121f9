import { type Client } from 'pg';
import { type DataSource, type QueryRunner } from 'typeorm';

/** A write that got no answer in time (the server may be hung): retried, then spooled. */
export class WriteDeadlineError extends Error {}

/**
 * Runs `work` in one transaction on its own connection, within `deadlineMs`. Two guards: the
 * transaction's `statement_timeout` lets a live but stuck server abort it, and a client-side timer
 * gives up even when the server never answers (all backends stopped). A connection that missed its
 * deadline is thrown away, never handed out again by the pool. The transaction may still commit
 * server-side afterwards; the writer's upserts make the retry of the same rows harmless.
 */
export async function transactionWithin<T>(
  dataSource: DataSource,
  deadlineMs: number,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const missed = new WriteDeadlineError(`database gave no answer within ${deadlineMs} ms`);
  let expired = false;
  let client: Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      dropConnection(client);
      reject(missed);
    }, deadlineMs);
  });
  const run = (async (): Promise<T> => {
    try {
      client = (await runner.connect()) as Client;
      if (expired) {
        dropConnection(client); // the pool answered after the deadline
        throw missed;
      }
      await runner.startTransaction();
      await runner.query(`SELECT set_config('statement_timeout', $1, true)`, [String(deadlineMs)]);
      const result = await work(runner);
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive && !expired)
        await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release().catch(() => undefined);
    }
  })();
  run.catch(() => undefined); // after the deadline nobody waits for it any more
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closing the socket fails the pending query and makes the client emit `error`, on which TypeORM
 * hands it back to the pool as broken: the pool discards it instead of reusing a hung session.
 */
function dropConnection(client: Client | undefined): void {
  client?.connection.stream.destroy();
}
