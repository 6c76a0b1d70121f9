import { AmiError } from './ami-error';
import type { AmiMessage } from './ami-message';

export interface AmiListResult {
  /** The first frame: Response: Success with EventList: start. */
  readonly response: AmiMessage;
  /** The events between the response and the `...Complete` event, in order. */
  readonly items: AmiMessage[];
}

interface PendingList {
  response?: AmiMessage;
  readonly items: AmiMessage[];
}

interface PendingAction {
  readonly id: string;
  readonly name: string;
  readonly timer: NodeJS.Timeout;
  readonly list?: PendingList;
  readonly resolve: (value: AmiMessage | AmiListResult) => void;
  readonly reject: (error: AmiError) => void;
}

/** Lists that timed out: their late items must still stay off the live stream. */
const MAX_ABANDONED_LISTS = 64;

/** Actions awaiting their answer, keyed by our ActionID. Nothing here is ever re-sent. */
export class PendingActions {
  private readonly byId = new Map<string, PendingAction>();
  private readonly abandonedLists = new Set<string>();

  add(id: string, name: string, timeoutMs: number, isList: false): Promise<AmiMessage>;
  add(id: string, name: string, timeoutMs: number, isList: true): Promise<AmiListResult>;
  add(
    id: string,
    name: string,
    timeoutMs: number,
    isList: boolean,
  ): Promise<AmiMessage | AmiListResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.expire(id, timeoutMs), timeoutMs);
      const list = isList ? { items: [] } : undefined;
      this.byId.set(id, { id, name, timer, list, resolve, reject });
    });
  }

  /** True if the frame answered one of ours. */
  settleResponse(id: string, response: AmiMessage): boolean {
    const action = this.byId.get(id);
    if (!action) return false;
    if (response.name.toLowerCase() === 'error') {
      const reason = response.fields.message || 'Response: Error';
      this.finish(action);
      action.reject(
        new AmiError(
          'action-failed',
          `AMI action ${action.name} (${id}) failed: ${reason}`,
          response,
        ),
      );
    } else if (action.list && response.fields.eventlist?.toLowerCase() === 'start') {
      action.list.response = response; // items follow as events with our ActionID
    } else {
      this.finish(action);
      action.resolve(action.list ? { response, items: action.list.items } : response);
    }
    return true;
  }

  /** Cheap test for the event hot path: does this ActionID belong to a list (live or expired)? */
  ownsListEvent(id: string): boolean {
    return this.byId.get(id)?.list !== undefined || this.abandonedLists.has(id);
  }

  /** Call only when ownsListEvent(id). Collects an item or ends the list. */
  addListEvent(id: string, event: AmiMessage): void {
    const marker = event.fields.eventlist?.toLowerCase();
    const action = this.byId.get(id);
    if (!action?.list) {
      if (marker === 'complete' || marker === 'cancelled') this.abandonedLists.delete(id);
      return;
    }
    if (marker === 'complete') {
      this.finish(action);
      action.resolve({ response: action.list.response ?? event, items: action.list.items });
    } else if (marker === 'cancelled') {
      this.finish(action);
      action.reject(
        new AmiError('list-cancelled', `AMI list ${action.name} (${id}) was cancelled by Asterisk`),
      );
    } else {
      action.list.items.push(event);
    }
  }

  /** The connection is gone: every waiting action fails, none is kept for a later connection. */
  rejectAll(reason: string): void {
    const actions = [...this.byId.values()];
    this.byId.clear();
    this.abandonedLists.clear();
    for (const action of actions) {
      clearTimeout(action.timer);
      action.reject(
        new AmiError('closed', `AMI action ${action.name} (${action.id}) not completed: ${reason}`),
      );
    }
  }

  private expire(id: string, timeoutMs: number): void {
    const action = this.byId.get(id);
    if (!action) return;
    this.byId.delete(id);
    if (action.list) this.rememberAbandonedList(id);
    action.reject(
      new AmiError('timeout', `AMI action ${action.name} (${id}) timed out after ${timeoutMs} ms`),
    );
  }

  private rememberAbandonedList(id: string): void {
    this.abandonedLists.add(id);
    if (this.abandonedLists.size > MAX_ABANDONED_LISTS) {
      const oldest = this.abandonedLists.values().next().value;
      if (oldest !== undefined) this.abandonedLists.delete(oldest);
    }
  }

  private finish(action: PendingAction): void {
    clearTimeout(action.timer);
    this.byId.delete(action.id);
  }
}
