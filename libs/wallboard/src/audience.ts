import { randomBytes } from 'node:crypto';
import { type AgentTile, type Scope } from './protocol';

/** What the hub needs of a socket: backpressure, send, close. */
export interface HubSocket {
  /** Bytes queued and not yet written to the network: the only backpressure signal `ws` has. */
  readonly bufferedAmount: number;
  send(data: Buffer): void;
  close(code: number, reason: string): void;
}

interface RingEntry {
  readonly seq: number;
  readonly data: Buffer;
}

export interface RingLimits {
  readonly entries: number;
  readonly bytes: number;
}

/**
 * The sockets watching one scope at one masking level: they share a sequence, the serialised
 * deltas (built once, sent to all) and a bounded ring of recent deltas for resumes.
 */
export class Audience {
  /** New per audience instance, so a seq from before a restart is never mistaken for ours. */
  readonly stream = randomBytes(9).toString('base64url');
  readonly sockets = new Set<HubSocket>();
  /** Rows this audience has been sent and not told to remove. */
  readonly visibleAgents = new Set<string>();
  readonly visibleAlerts = new Set<string>();
  emptySince?: number;
  private sequence = 0;
  private readonly ring: RingEntry[] = [];
  private ringBytes = 0;

  constructor(
    readonly scope: Scope,
    readonly masked: boolean,
    private readonly limits: RingLimits,
  ) {}

  get seq(): number {
    return this.sequence;
  }

  includesAgent(tile: AgentTile): boolean {
    switch (this.scope.kind) {
      case 'all':
        return true;
      case 'team':
        return tile.team === this.scope.team;
      case 'queue':
        return tile.queues.includes(this.scope.queue);
      case 'agent':
        return tile.id === this.scope.agent;
    }
  }

  /** Queue figures hold no personal data: every scope but a single agent's sees them. */
  includesQueue(queue: string): boolean {
    if (this.scope.kind === 'queue') return this.scope.queue === queue;
    return this.scope.kind !== 'agent';
  }

  includesTeam(team: string): boolean {
    if (this.scope.kind === 'team') return this.scope.team === team;
    return this.scope.kind !== 'agent';
  }

  /** Takes the next seq for a delta; `build` gets it and returns the frame to keep. */
  record(build: (seq: number) => Buffer): Buffer {
    const seq = ++this.sequence;
    const data = build(seq);
    this.ring.push({ seq, data });
    this.ringBytes += data.length;
    while (
      this.ring.length > this.limits.entries ||
      (this.ringBytes > this.limits.bytes && this.ring.length > 1)
    ) {
      this.ringBytes -= this.ring.shift()!.data.length;
    }
    return data;
  }

  /** The deltas after `lastSeq`, or undefined when some of them have left the ring. */
  after(lastSeq: number): Buffer[] | undefined {
    if (lastSeq > this.sequence) return undefined;
    if (lastSeq === this.sequence) return [];
    const first = this.ring[0];
    if (!first || first.seq > lastSeq + 1) return undefined;
    return this.ring.slice(lastSeq + 1 - first.seq).map((e) => e.data);
  }
}
