import { Injectable } from '@nestjs/common';
import { type AgentLeg } from '@cti/domain';
import { CallRecords } from '../ports/call-records';
import { LiveView } from '../ports/live-view';

const DAY_MS = 86_400_000;
const PAGE = 500;
/** At most this many legs are scanned for one id (an agent's 24 hours hold far fewer). */
const MAX_SCANNED = 20 * PAGE;

/** The parts of a leg id, `<agentId>:<customer uniqueid>:<sequence>` (LegBook's format). */
export function parseLegId(id: string): { agentId: string; startedNear?: number } | undefined {
  const parts = id.split(':');
  if (parts.length < 3) return undefined;
  const uniqueid = parts[parts.length - 2];
  const agentId = parts.slice(0, -2).join(':');
  if (!agentId) return undefined;
  // Asterisk uniqueids are `[systemname-]<epoch seconds>.<n>`: the customer channel's birth.
  const epoch = /(\d{9,11})\.\d+$/.exec(uniqueid)?.[1];
  return { agentId, ...(epoch ? { startedNear: Number(epoch) * 1000 } : {}) };
}

/** Finds one call leg: today's from the live core, older ones from the store. */
@Injectable()
export class CallLookup {
  constructor(
    private readonly live: LiveView,
    private readonly records: CallRecords,
  ) {}

  async find(id: string): Promise<AgentLeg | undefined> {
    const parsed = parseLegId(id);
    if (!parsed) return undefined;
    const today = this.live.today();
    const held = this.live.agentDay(parsed.agentId, today)?.legs.find((l) => l.id === id);
    if (held) return held;
    if (this.records.findById) return this.records.findById(id);
    if (parsed.startedNear === undefined) return undefined;
    // No lookup by id in the store: scan the agent's legs that started within a day of the
    // customer channel's birth (a leg starts after it, within a call's lifetime).
    const from = new Date(parsed.startedNear - 60_000);
    const to = new Date(parsed.startedNear + DAY_MS);
    for (let page = 1; (page - 1) * PAGE < MAX_SCANNED; page++) {
      const found = await this.records.find({
        agentIds: [parsed.agentId],
        from,
        to,
        page,
        pageSize: PAGE,
      });
      const leg = found.items.find((l) => l.id === id);
      if (leg) return leg;
      if (page * PAGE >= found.total) return undefined;
    }
    return undefined;
  }
}
