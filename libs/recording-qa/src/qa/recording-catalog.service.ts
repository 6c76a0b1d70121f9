import { FLAGGED_STATUSES, type RecordingStatus } from '@cti/domain';
import { type RecordingAccess } from '../http/recording-access';
import { type RecordingMediaService } from '../media/recording-media.service';
import { type PbxRecordingControl, type QaClock, type QaPrincipal } from '../ports/qa-runtime.port';
import {
  type MuteWindow,
  type RecordingEntry,
  type RecordingFilter,
  type RecordingRepository,
} from '../ports/recording-repository.port';
import { QaError } from '../qa-errors';

/** What the API shows of a recording: never the storage location, the number only masked. */
export interface RecordingView {
  readonly id: string;
  readonly startedAt: number;
  readonly day: string;
  readonly status: RecordingStatus;
  readonly flagged: boolean;
  readonly flagReason?: string;
  readonly agentId?: string;
  readonly agentIds: readonly string[];
  readonly teamId?: string;
  readonly queue?: string;
  readonly direction?: string;
  readonly customerMasked?: string;
  readonly talkSeconds?: number;
  readonly durationSeconds?: number;
  readonly format: string;
  readonly size?: number;
  readonly sha256?: string;
  readonly startedBy: 'pbx' | 'product';
  readonly mutes: readonly MuteWindow[];
}

export function recordingView(e: RecordingEntry): RecordingView {
  return {
    id: e.id,
    startedAt: e.startedAt,
    day: e.day,
    status: e.status,
    flagged: FLAGGED_STATUSES.includes(e.status),
    ...(e.flagReason !== undefined ? { flagReason: e.flagReason } : {}),
    ...(e.agentId !== undefined ? { agentId: e.agentId } : {}),
    agentIds: e.agentIds,
    ...(e.teamId !== undefined ? { teamId: e.teamId } : {}),
    ...(e.queue !== undefined ? { queue: e.queue } : {}),
    ...(e.direction !== undefined ? { direction: e.direction } : {}),
    ...(e.customerMasked !== undefined ? { customerMasked: e.customerMasked } : {}),
    ...(e.talkSeconds !== undefined ? { talkSeconds: e.talkSeconds } : {}),
    ...(e.durationSeconds !== undefined ? { durationSeconds: e.durationSeconds } : {}),
    format: e.format,
    ...(e.size !== undefined ? { size: e.size } : {}),
    ...(e.sha256 !== undefined ? { sha256: e.sha256 } : {}),
    startedBy: e.startedBy,
    mutes: e.mutes,
  };
}

/** Listing, details and muting of recordings, each within what the caller may see. */
export class RecordingCatalog {
  constructor(
    private readonly repo: RecordingRepository,
    private readonly access: RecordingAccess,
    private readonly media: RecordingMediaService,
    private readonly pbx: PbxRecordingControl,
    private readonly clock: QaClock,
  ) {}

  async list(p: QaPrincipal, filter: RecordingFilter): Promise<RecordingView[]> {
    const scoped: RecordingFilter = {
      ...filter,
      ...(p.role === 'agent' ? { agentId: p.agentId ?? '\u0000' } : {}),
      ...(p.role === 'team_leader' || (p.role === 'supervisor' && p.teamId !== undefined)
        ? { teamId: p.teamId ?? '\u0000' }
        : {}),
      limit: Math.min(filter.limit ?? 500, 2000),
    };
    const out: RecordingView[] = [];
    for (const e of await this.repo.list(scoped))
      if (await this.access.maySee(p, e)) out.push(recordingView(e));
    await this.media.log(p, 'recording.list', undefined, { count: out.length });
    return out;
  }

  async detail(p: QaPrincipal, id: string, ip?: string): Promise<RecordingView> {
    const e = await this.media.visibleEntry(p, id, 'recording.view', ip);
    await this.media.log(p, 'recording.view', e.id, { ip });
    return recordingView(e);
  }

  /**
   * Mutes or unmutes a running recording (e.g. while a card number is read out, PCI DSS 3.3.1).
   * The channel comes from the registry; agents may mute only their own live call.
   */
  async mute(
    p: QaPrincipal,
    id: string,
    mute: boolean,
    direction: 'read' | 'write' | 'both',
    ip?: string,
  ): Promise<RecordingView> {
    const e = await this.media.visibleEntry(
      p,
      id,
      mute ? 'recording.mute' : 'recording.unmute',
      ip,
    );
    if (p.role === 'qa')
      throw new QaError('QA_FORBIDDEN_ACTION', 'QA reviewers do not control live recordings');
    if (e.status !== 'pending' || e.callEndedAt !== undefined)
      throw new QaError('QA_CONFLICT', 'the call is no longer live');
    const open = e.mutes.findIndex((w) => w.to === undefined);
    if (mute === open >= 0) throw new QaError('QA_CONFLICT', mute ? 'already muted' : 'not muted');
    await this.media.log(p, mute ? 'recording.mute' : 'recording.unmute', e.id, { direction, ip });
    await this.pbx.mixMonitorMute(e.channel, direction, mute);
    const now = this.clock.now();
    const mutes = mute
      ? [...e.mutes, { from: now, direction, by: p.userId }]
      : e.mutes.map((w, i) => (i === open ? { ...w, to: now } : w));
    await this.repo.setMutes(e.id, mutes);
    return recordingView({ ...((await this.repo.get(e.id)) ?? e), mutes });
  }
}
