/** The logging the persistence layer needs; a Nest `Logger` satisfies it. */
export interface PersistenceLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: PersistenceLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Message of anything thrown, without stack traces (they may carry SQL parameters). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
