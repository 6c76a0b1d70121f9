/**
 * Decides what the replay server answers to each action a client sends: the recorded answer to
 * the same action closest after the replay position, else a synthesized Asterisk-like one.
 */
import { amiMessage, withActionId } from './ami-frames';
import { type Capture, type RecordedAnswer, recordedLoginAnswer } from './capture-file';

export interface ClientAction {
  /** As the client wrote it. */
  readonly action: string;
  readonly actionId: string | undefined;
}

export class AnswerBook {
  private readonly used = new Set<RecordedAnswer>();

  constructor(private readonly capture: Capture) {}

  login(conn: number, actionId: string | undefined): Buffer {
    const recorded = recordedLoginAnswer(this.capture, conn);
    // Only the Response: what followed it in the chunk (FullyBooted) is live traffic.
    if (recorded) return rewrite(recorded, actionId);
    return response('Success', actionId, [['Message', 'Authentication accepted']]);
  }

  static authenticationFailed(actionId: string | undefined): Buffer {
    return response('Error', actionId, [['Message', 'Authentication failed']]);
  }

  static authenticationRequired(actionId: string | undefined): Buffer {
    return response('Error', actionId, [['Message', 'Authentication Required']]);
  }

  static missingAction(actionId: string | undefined): Buffer {
    return response('Error', actionId, [['Message', 'Missing action in request']]);
  }

  /**
   * Answer to a logged-in client's action. `positionT` is the capture time the replay has
   * reached; `positionEpochMs` stamps a synthesized Ping.
   */
  answer(request: ClientAction, positionT: number, positionEpochMs: number | undefined): Buffer {
    const recorded = this.pick(request.action, positionT);
    if (recorded) return rewrite(recorded, request.actionId);
    switch (request.action.toLowerCase()) {
      case 'ping': {
        const seconds = (positionEpochMs ?? Date.now()) / 1000;
        return response('Success', request.actionId, [
          ['Ping', 'Pong'],
          ['Timestamp', seconds.toFixed(6)],
        ]);
      }
      case 'logoff':
        return response('Goodbye', request.actionId, [['Message', 'Thanks for all the fish.']]);
      default:
        return response('Error', request.actionId, [['Message', 'Invalid/unknown command']]);
    }
  }

  /** First unused answer recorded at or after the position; else the last one recorded. */
  private pick(action: string, positionT: number): RecordedAnswer | undefined {
    const candidates = this.capture.answersByAction.get(action.toLowerCase()) ?? [];
    const next = candidates.find((a) => !this.used.has(a) && a.t >= positionT);
    if (next) {
      this.used.add(next);
      return next;
    }
    return candidates[candidates.length - 1];
  }
}

function rewrite(answer: RecordedAnswer, actionId: string | undefined): Buffer {
  return Buffer.concat(answer.frames.map((frame) => withActionId(frame.bytes, actionId)));
}

function response(
  kind: string,
  actionId: string | undefined,
  rest: ReadonlyArray<readonly [string, string]>,
): Buffer {
  return amiMessage([['Response', kind], ['ActionID', actionId], ...rest]);
}
