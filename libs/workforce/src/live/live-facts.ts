import {
  type AgentLeg,
  type AgentSession,
  type CoreOutput,
  localDay,
  type PauseInterval,
} from '@cti/domain';
import { addDays } from '@cti/domain';
import { type DayFacts } from '../ports/facts';

/**
 * What the core reported lately and the store may not hold yet (the writer batches): completed
 * legs, sessions and pauses of the last few days. Merged over the stored facts by natural key.
 */
export class LiveFacts {
  private readonly legs = new Map<string, AgentLeg>();
  private readonly sessions = new Map<string, AgentSession>();
  private readonly pauses = new Map<string, PauseInterval>();
  private newest = '';

  constructor(
    private readonly timezone: string,
    private readonly keepDays = 3,
  ) {}

  add(o: CoreOutput): AgentLeg | undefined {
    switch (o.type) {
      case 'call-completed':
        this.legs.set(o.leg.id, o.leg);
        this.seen(o.leg.day);
        return o.leg;
      case 'session':
        this.sessions.set(`${o.session.agentId}|${o.session.loginAt}`, o.session);
        this.seen(localDay(o.session.loginAt, this.timezone));
        return undefined;
      case 'pause-started':
      case 'pause-over-limit':
      case 'pause-ended': {
        const key = `${o.pause.agentId}|${o.pause.startedAt}`;
        const known = this.pauses.get(key);
        // An ended pause is final: a late over-limit notice must not reopen it.
        if (!known || known.endedAt === undefined)
          this.pauses.set(
            key,
            o.type === 'pause-over-limit' ? { ...o.pause, overLimit: true } : o.pause,
          );
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** Stored facts with the live ones laid over them (the live copy is the newer one). */
  merge(stored: DayFacts, fromDay: string, toDay: string): DayFacts {
    const within = (day: string) => day >= fromDay && day <= toDay;
    const legs = new Map(stored.legs.map((l) => [l.id, l]));
    for (const l of this.legs.values()) if (within(l.day)) legs.set(l.id, l);
    const sessions = new Map(stored.sessions.map((s) => [`${s.agentId}|${s.loginAt}`, s]));
    for (const [k, s] of this.sessions)
      if (within(localDay(s.loginAt, this.timezone))) sessions.set(k, prefer(sessions.get(k), s));
    const pauses = new Map(stored.pauses.map((p) => [`${p.agentId}|${p.startedAt}`, p]));
    for (const [k, p] of this.pauses)
      if (within(localDay(p.startedAt, this.timezone))) pauses.set(k, prefer(pauses.get(k), p));
    return {
      legs: [...legs.values()],
      sessions: [...sessions.values()],
      pauses: [...pauses.values()],
    };
  }

  private seen(day: string): void {
    if (day <= this.newest) return;
    this.newest = day;
    const keepFrom = addDays(day, -this.keepDays);
    for (const [k, l] of this.legs) if (l.day < keepFrom) this.legs.delete(k);
    for (const [k, s] of this.sessions)
      if (localDay(s.loginAt, this.timezone) < keepFrom) this.sessions.delete(k);
    for (const [k, p] of this.pauses)
      if (localDay(p.startedAt, this.timezone) < keepFrom) this.pauses.delete(k);
  }
}

/** The closed copy wins over an open one, whichever came from where. */
function prefer<T extends { readonly logoutAt?: number } | { readonly endedAt?: number }>(
  a: T | undefined,
  b: T,
): T {
  if (!a) return b;
  const closed = (x: T) =>
    ('logoutAt' in x && x.logoutAt !== undefined) || ('endedAt' in x && x.endedAt !== undefined);
  return closed(a) && !closed(b) ? a : b;
}
