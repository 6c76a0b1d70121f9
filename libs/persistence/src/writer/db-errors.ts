/**
 * Whether a failed write may succeed later unchanged (server down, restarting, read-only after a
 * failover, deadlock) or never will (bad data, constraint): the latter must not block the queue.
 */
export function isTransientDbError(err: unknown): boolean {
  const code = sqlState(err);
  if (code === undefined) return true; // no SQLSTATE: network, timeout, pool — the server, not the row
  const permanentClasses = ['22', '23', '42', '2B', '0A', '44'];
  return !permanentClasses.includes(code.slice(0, 2));
}

function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, driverError } = err as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return driverError === undefined ? undefined : sqlState(driverError);
}
