import { type QueueConfig } from './call-center-config';

/** A caller's stay in a queue, from join to answer or abandon. */
interface QueueEntry {
  readonly queue: string;
  readonly callerUniqueid: string;
  readonly joinedAt: number;
  readonly transferredIn: boolean;
  /** Member interfaces that let this caller ring out. */
  readonly ringOuts: Set<string>;
  leftAt?: number;
  answeredAt?: number;
  answeredBy?: string;
}

export interface QueueFigures {
  readonly queue: string;
  /** The queue's service level threshold: answered within this many seconds counts. */
  readonly serviceLevelSeconds: number;
  readonly waiting: number;
  /** Epoch ms the longest-waiting caller joined, if any wait. */
  readonly oldestWaitSince?: number;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly answeredAfterRingOut: number;
  readonly answeredWithinServiceLevel: number;
  readonly transferredIn: number;
  readonly transferredOut: number;
  readonly totalAnswerWaitMs: number;
  readonly totalTalkSeconds: number;
  readonly completed: number;
}

type Counters = {
  -readonly [K in keyof Omit<QueueFigures, 'serviceLevelSeconds'>]: QueueFigures[K];
};

/** When a queue is not in the configuration: about three rings. */
const DEFAULT_SERVICE_LEVEL_SECONDS = 15;

/** Live waiting callers and the day's figures of every queue. */
export class QueueBoard {
  /** Waiting or connected entries by caller uniqueid. */
  private readonly entries = new Map<string, QueueEntry>();
  private readonly counters = new Map<string, Counters>();
  private readonly serviceLevelSeconds = new Map<string, number>();
  /** Asterisk's `Completed` per queue at the last resync, and completions seen since. */
  private readonly pbxCompleted = new Map<string, number>();
  private readonly completedSinceResync = new Map<string, number>();
  /**
   * During a resync: callers we saw join who no longer wait (uniqueid → queue). Answered or
   * abandoned unseen, they were offered already.
   */
  private readonly vanished = new Map<string, string>();

  constructor(queues: readonly QueueConfig[]) {
    for (const q of queues) this.serviceLevelSeconds.set(q.name, q.serviceLevelSeconds);
  }

  joined(queue: string, callerUniqueid: string, at: number, transferredIn: boolean): void {
    this.entries.set(callerUniqueid, {
      queue,
      callerUniqueid,
      joinedAt: at,
      transferredIn,
      ringOuts: new Set(),
    });
    const c = this.counter(queue);
    c.offered++;
    if (transferredIn) c.transferredIn++;
  }

  left(callerUniqueid: string, at: number): void {
    const entry = this.entries.get(callerUniqueid);
    if (entry && entry.leftAt === undefined) entry.leftAt = at;
  }

  ringOut(callerUniqueid: string, iface: string): void {
    this.entries.get(callerUniqueid)?.ringOuts.add(iface);
  }

  abandoned(queue: string, callerUniqueid: string): void {
    this.entries.delete(callerUniqueid);
    this.counter(queue).abandoned++;
  }

  /** A member answered; `answeredAfterRingOut` counts answers by a member who let it ring out before. */
  connected(queue: string, callerUniqueid: string, iface: string, at: number): void {
    const entry = this.entries.get(callerUniqueid);
    if (!entry || entry.answeredAt !== undefined) return;
    entry.answeredAt = at;
    entry.answeredBy = iface;
    const c = this.counter(queue);
    c.answered++;
    if (entry.ringOuts.has(iface)) c.answeredAfterRingOut++;
    const wait = at - entry.joinedAt;
    c.totalAnswerWaitMs += wait;
    if (wait <= this.serviceLevelSecondsOf(queue) * 1000) c.answeredWithinServiceLevel++;
  }

  completed(
    queue: string,
    callerUniqueid: string | undefined,
    talkSeconds: number,
    reason: string,
  ): void {
    if (callerUniqueid) this.entries.delete(callerUniqueid);
    this.completedSinceResync.set(queue, (this.completedSinceResync.get(queue) ?? 0) + 1);
    const c = this.counter(queue);
    c.completed++;
    c.totalTalkSeconds += talkSeconds;
    if (reason === 'transfer') c.transferredOut++;
  }

  /**
   * Per queue, the completions Asterisk counted since the last resync that no event showed
   * (calls that ended while the link was down); then this resync becomes the reference.
   * Unknown (absent) after a restart of either side, when the counts cannot be compared.
   */
  completionsUnseen(
    completions: readonly { queue: string; completed: number }[],
  ): Map<string, number> {
    const unseen = new Map<string, number>();
    for (const { queue, completed } of completions) {
      const before = this.pbxCompleted.get(queue);
      const seen = this.completedSinceResync.get(queue) ?? 0;
      if (before !== undefined && completed >= before + seen)
        unseen.set(queue, completed - before - seen);
      this.pbxCompleted.set(queue, completed);
      this.completedSinceResync.set(queue, 0);
    }
    return unseen;
  }

  /** A call answered and ended while the link was down: counted, with no wait or talk. */
  answeredUnseen(queue: string): void {
    const c = this.counter(queue);
    const joined = [...this.vanished].find(([, q]) => q === queue);
    if (joined) this.vanished.delete(joined[0]);
    else c.offered++;
    c.answered++;
    c.completed++;
  }

  /** A caller answered while the link was down (joined unseen too, without an entry): no wait known. */
  connectedUnseen(queue: string, callerUniqueid: string): void {
    if (this.entries.get(callerUniqueid)?.answeredAt !== undefined) return;
    const joinSeen = this.entries.delete(callerUniqueid) || this.vanished.delete(callerUniqueid);
    const c = this.counter(queue);
    if (!joinSeen) c.offered++;
    c.answered++;
  }

  /** The caller's channel is gone: it no longer waits anywhere. */
  callerGone(callerUniqueid: string): void {
    this.entries.delete(callerUniqueid);
  }

  /**
   * Callers reported waiting by the PBX after a resync replace what we thought; one that joined
   * while the link was down is offered now (it joined unseen, but it was offered all the same).
   */
  replaceWaiting(
    waiting: readonly { queue: string; uniqueid: string; waitSeconds: number }[],
    at: number,
  ): void {
    const listed = new Set(waiting.map((w) => w.uniqueid));
    for (const [id, entry] of this.entries) {
      if (entry.answeredAt !== undefined || listed.has(id)) continue;
      this.entries.delete(id);
      this.vanished.set(id, entry.queue);
    }
    for (const w of waiting) {
      if (this.entries.has(w.uniqueid)) continue;
      this.entries.set(w.uniqueid, {
        queue: w.queue,
        callerUniqueid: w.uniqueid,
        joinedAt: at - w.waitSeconds * 1000,
        transferredIn: false,
        ringOuts: new Set(),
      });
      this.counter(w.queue).offered++;
    }
  }

  /** The resync is applied: callers still unaccounted for stay so (abandoned unseen). */
  resyncDone(): void {
    this.vanished.clear();
  }

  /** Callers waiting or connected. */
  get entryCount(): number {
    return this.entries.size;
  }

  resetDay(): void {
    this.counters.clear();
  }

  figures(queue: string): QueueFigures {
    let waiting = 0;
    let oldestWaitSince: number | undefined;
    for (const e of this.entries.values()) {
      if (e.queue !== queue || e.answeredAt !== undefined) continue;
      waiting++;
      if (oldestWaitSince === undefined || e.joinedAt < oldestWaitSince)
        oldestWaitSince = e.joinedAt;
    }
    return {
      ...this.counter(queue),
      serviceLevelSeconds: this.serviceLevelSecondsOf(queue),
      waiting,
      oldestWaitSince,
    };
  }

  queueNames(): string[] {
    const names = new Set<string>([...this.serviceLevelSeconds.keys(), ...this.counters.keys()]);
    for (const e of this.entries.values()) names.add(e.queue);
    return [...names];
  }

  private serviceLevelSecondsOf(queue: string): number {
    return this.serviceLevelSeconds.get(queue) ?? DEFAULT_SERVICE_LEVEL_SECONDS;
  }

  private counter(queue: string): Counters {
    let c = this.counters.get(queue);
    if (!c) {
      c = {
        queue,
        waiting: 0,
        offered: 0,
        answered: 0,
        abandoned: 0,
        answeredAfterRingOut: 0,
        answeredWithinServiceLevel: 0,
        transferredIn: 0,
        transferredOut: 0,
        totalAnswerWaitMs: 0,
        totalTalkSeconds: 0,
        completed: 0,
      };
      this.counters.set(queue, c);
    }
    return c;
  }
}
