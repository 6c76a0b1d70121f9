import type { ManagerInstance, RawManagerObject } from 'asterisk-manager';
import { fromManagerObject, type AmiMessage } from './ami-message';
import type { PendingActions } from './pending-actions';

export interface AmiStats {
  framesIn: number;
  /** Live events handed to events$. */
  eventsIn: number;
  listItemsIn: number;
  /** Responses (while logged in) whose ActionID is not waited for: late, foreign or missing. */
  unknownActionIdResponses: number;
  oversizedFrames: number;
  reconnects: number;
  /** Pings that timed out while frames kept arriving: counted as lag, the link stays up. */
  latePings: number;
}

/**
 * Routes what asterisk-manager emits: responses and list items to pending actions, the rest
 * to the live stream. Hot path: bound handlers, no per-frame closures or logging.
 */
export class FrameRouter {
  readonly counters: AmiStats = {
    framesIn: 0,
    eventsIn: 0,
    listItemsIn: 0,
    unknownActionIdResponses: 0,
    oversizedFrames: 0,
    reconnects: 0,
    latePings: 0,
  };
  /** Before login the library's own Login response passes by; it is not "unknown". */
  loggedIn = false;

  constructor(
    private readonly pending: PendingActions,
    private readonly clock: () => number,
    private readonly live: (event: AmiMessage) => void,
  ) {}

  attach(manager: ManagerInstance): void {
    manager.on('managerevent', this.onEvent);
    manager.on('response', this.onResponse);
    manager.on('asterisk', this.onUnrouted);
  }

  private readonly onEvent = (raw: RawManagerObject): void => {
    this.counters.framesIn++;
    const id = raw.actionid;
    if (typeof id === 'string' && this.pending.ownsListEvent(id)) {
      this.counters.listItemsIn++;
      this.pending.addListEvent(id, fromManagerObject(raw, this.clock()));
      return;
    }
    this.counters.eventsIn++;
    this.live(fromManagerObject(raw, this.clock()));
  };

  private readonly onResponse = (raw: RawManagerObject): void => {
    // Events carrying a Response header (OriginateResponse) come here too; they are events.
    if (raw.event !== undefined) return;
    this.counters.framesIn++;
    const id = raw.actionid;
    const handled =
      typeof id === 'string' &&
      this.pending.settleResponse(id, fromManagerObject(raw, this.clock()));
    if (!handled && this.loggedIn) this.counters.unknownActionIdResponses++;
  };

  /**
   * The library emits every non-event here, including responses it already sent to
   * 'response'; count only those it could not route (no ActionID). Empty frames are ignored.
   */
  private readonly onUnrouted = (raw: RawManagerObject): void => {
    const routed =
      typeof raw.response === 'string' && raw.actionid !== undefined && raw.actionid !== '';
    if (raw.response === undefined || routed) return;
    this.counters.framesIn++;
    if (this.loggedIn) this.counters.unknownActionIdResponses++;
  };
}
