import { type AgentLeg, type CoreOutput, localDay, type RecordingStarted } from '@cti/domain';
import { type RecordingQaConfig } from '../config/recording-qa-config';
import {
  audioFormatOf,
  maskCustomerNumber,
  renderRecordingName,
  UnsafeRecordingName,
} from '@cti/domain';
import { type QaDirectory } from '../ports/qa-runtime.port';
import { type RecordingEntry, type RecordingRepository } from '../ports/recording-repository.port';

/** A leg answered this long after a recording's start still belongs to that recording pass. */
const PASS_TOLERANCE_MS = 2_000;

export interface RegistryLogger {
  warn(message: string): void;
}

/**
 * Registers recordings from the core's outputs: every `recording-started` becomes an entry
 * (pending until its file is checked), and every completed agent leg that was recorded tells
 * the entry its call: agent, queue, direction, masked number, times. The storage key comes
 * from the configured template and the call's ids only. Outputs are handled one at a time, in
 * order, off the core's hot path (the core never waits for the store).
 */
export class RecordingRegistry {
  private chain: Promise<void> = Promise.resolve();
  private failures = 0;
  /** Files the product named itself when it started MixMonitor: `uniqueid|pass` → key. */
  private readonly productNames = new Map<string, string>();

  constructor(
    private readonly repo: RecordingRepository,
    private readonly config: RecordingQaConfig,
    private readonly directory: QaDirectory,
    private readonly logger: RegistryLogger = { warn: () => undefined },
  ) {}

  /** The sink: call for every core output (synchronously, never awaited by the core). */
  handle(output: CoreOutput): void {
    if (output.type === 'recording-started') this.enqueue(() => this.started(output.recording));
    else if (output.type === 'call-completed' && output.leg.recorded)
      this.enqueue(() => this.legCompleted(output.leg));
  }

  /** Resolves once every output handed in so far is stored. */
  async idle(): Promise<void> {
    await this.chain;
  }

  get failedOutputs(): number {
    return this.failures;
  }

  /** The product is starting MixMonitor on `uniqueid` with this storage key (see RecordingStarter). */
  expectProductRecording(uniqueid: string, pass: number, key: string): void {
    this.productNames.set(`${uniqueid}|${pass}`, key);
  }

  /** The next pass number on a channel: 1 for its first recording. */
  async nextPass(uniqueid: string): Promise<number> {
    return (await this.repo.byUniqueid(uniqueid)).length + 1;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      // A store failure must not stop later outputs; the file checker flags what stays pending.
      this.failures++;
      this.logger.warn(`recording registry: output not stored: ${(error as Error).message}`);
    });
  }

  private async started(r: RecordingStarted): Promise<void> {
    const existing = await this.repo.byUniqueid(r.uniqueid);
    if (existing.some((e) => e.startedAt === r.at)) return; // a re-sent output
    const pass = existing.length + 1;
    const id = pass > 1 ? `${r.uniqueid}-${pass}` : r.uniqueid;
    const productKey = this.productNames.get(`${r.uniqueid}|${pass}`);
    this.productNames.delete(`${r.uniqueid}|${pass}`);
    const entry: RecordingEntry = {
      id,
      uniqueid: r.uniqueid,
      linkedid: r.linkedid,
      channel: r.channel,
      pass,
      startedAt: r.at,
      day: localDay(r.at, this.config.timezone),
      startedBy: productKey ? 'product' : 'pbx',
      status: 'pending',
      ...(productKey ? { location: productKey } : {}),
      format: audioFormatOf(productKey ?? this.config.fileNames.inbound),
      agentIds: [],
      legIds: [],
      mutes: [],
    };
    await this.repo.save(entry);
  }

  private async legCompleted(leg: AgentLeg): Promise<void> {
    let entries = await this.repo.byUniqueid(leg.customerUniqueid);
    // Some dialplans run MixMonitor on the agent's channel instead of the customer's.
    if (entries.length === 0) entries = await this.repo.byUniqueid(leg.agentUniqueid);
    if (entries.length === 0) return;
    const answered = leg.answeredAt ?? leg.startedAt;
    const started = entries.filter((e) => e.startedAt <= answered + PASS_TOLERANCE_MS);
    const entry = started.length ? started[started.length - 1]! : entries[0]!;
    if (entry.legIds.includes(leg.id)) return;
    const primary = entry.answeredAt === undefined || answered < entry.answeredAt;
    const teamId = this.directory.teamOf(leg.agentId);
    let next: RecordingEntry = {
      ...entry,
      legIds: [...entry.legIds, leg.id],
      agentIds: entry.agentIds.includes(leg.agentId)
        ? entry.agentIds
        : [...entry.agentIds, leg.agentId],
      callEndedAt: Math.max(entry.callEndedAt ?? 0, leg.endedAt),
    };
    if (primary) {
      next = {
        ...next,
        agentId: leg.agentId,
        direction: leg.direction,
        answeredAt: answered,
        talkSeconds: leg.talkSeconds,
        customerMasked: maskCustomerNumber(leg.customerNumber),
        ...(teamId !== undefined ? { teamId } : {}),
        ...(leg.queue !== undefined ? { queue: leg.queue } : {}),
      };
      if (next.startedBy === 'pbx' && next.status === 'pending')
        next = this.withLocation(next, leg.direction, leg.agentUniqueid);
    }
    await this.repo.save(next);
  }

  /** The storage key from the direction's template; an id that cannot make a safe name is flagged. */
  withLocation(
    entry: RecordingEntry,
    direction: 'inbound' | 'outbound',
    agentUniqueid?: string,
  ): RecordingEntry {
    const template = this.config.fileNames[direction];
    try {
      const location = renderRecordingName(template, {
        uniqueid: entry.uniqueid,
        linkedid: entry.linkedid,
        agentUniqueid,
        pass: entry.pass,
        day: entry.day,
      });
      return { ...entry, location, format: audioFormatOf(location) };
    } catch (error) {
      if (!(error instanceof UnsafeRecordingName)) throw error;
      return { ...entry, status: 'missing', flagReason: `no safe file name: ${error.message}` };
    }
  }
}
