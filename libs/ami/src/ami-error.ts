import type { AmiMessage } from './ami-message';

export type AmiErrorCode =
  | 'invalid-action' // refused before anything was written (header injection, bad key)
  | 'not-connected' // not logged in: actions are never queued or replayed
  | 'timeout' // no answer in time; the action may still have run on Asterisk
  | 'closed' // the connection closed before the answer; the action may have run
  | 'action-failed' // Asterisk answered Response: Error (see `response`)
  | 'list-cancelled'; // the list ended with EventList: cancelled

/** Every rejection from AmiConnection. Messages never contain header values (secrets). */
export class AmiError extends Error {
  constructor(
    readonly code: AmiErrorCode,
    message: string,
    /** The Response: Error frame, for 'action-failed'. */
    readonly response?: AmiMessage,
  ) {
    super(message);
    this.name = 'AmiError';
  }
}
