import { Readable } from 'node:stream';
import { QaError } from '../qa-errors';
import { isRecordingId, type RecordingAccess } from '../http/recording-access';
import { parseRange } from '../http/byte-range';
import { type QaAudit, type QaClock, type QaPrincipal } from '../ports/qa-runtime.port';
import { type RecordingEntry, type RecordingRepository } from '../ports/recording-repository.port';
import { type RecordingStorage } from '../ports/recording-storage.port';
import { type RecordingFileChecker } from '../registry/recording-file-checker';

export type MediaPurpose = 'stream' | 'download';

export interface MediaRequest {
  readonly principal: QaPrincipal;
  readonly recordingId: string;
  readonly range?: string;
  readonly purpose: MediaPurpose;
  readonly via: 'bearer' | 'grant';
  readonly sourceIp?: string;
  /** A HEAD request: the headers only, audited as a metadata access, no bytes, no stream slot. */
  readonly headOnly?: boolean;
}

export interface MediaResponse {
  readonly status: 200 | 206;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readable;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  gsm: 'audio/x-gsm',
};

/**
 * Serves recording bytes: id checked (400), access checked (404 when not allowed, the same
 * answer as for an unknown id), integrity checked (hash), range checked (416), then the exact
 * range served is audited before a byte leaves. An audit that cannot be written refuses the
 * request (503, fail closed). The file path comes from the registry only.
 */
export class RecordingMediaService {
  private readonly active = new Map<string, number>();

  constructor(
    private readonly repo: RecordingRepository,
    private readonly storage: RecordingStorage,
    private readonly checker: RecordingFileChecker,
    private readonly access: RecordingAccess,
    private readonly audit: QaAudit,
    private readonly clock: QaClock,
    private readonly maxStreamsPerUser: number,
  ) {}

  /** The entry, if the principal may see it; QA_NOT_FOUND (audited) otherwise. */
  async visibleEntry(
    principal: QaPrincipal,
    recordingId: string,
    action: string,
    sourceIp?: string,
  ): Promise<RecordingEntry> {
    if (!isRecordingId(recordingId)) {
      await this.log(principal, 'recording.denied', undefined, {
        reason: 'malformed-id',
        attempted: action,
        ip: sourceIp,
      });
      throw new QaError('QA_BAD_REQUEST', 'malformed recording id');
    }
    const entry = await this.repo.get(recordingId);
    if (!entry || !(await this.access.maySee(principal, entry))) {
      await this.log(principal, 'recording.denied', recordingId, {
        reason: 'not-found-or-not-allowed',
        attempted: action,
        ip: sourceIp,
      });
      throw new QaError('QA_NOT_FOUND', 'recording not found');
    }
    return entry;
  }

  async serve(req: MediaRequest): Promise<MediaResponse> {
    const action = req.headOnly
      ? 'recording.head'
      : req.purpose === 'download'
        ? 'recording.download'
        : 'recording.stream';
    const entry = await this.visibleEntry(req.principal, req.recordingId, action, req.sourceIp);
    let verified: RecordingEntry;
    try {
      verified = await this.checker.verifyForServing(entry, this.clock.now());
    } catch (error) {
      if (error instanceof QaError)
        await this.log(req.principal, 'recording.refused', entry.id, {
          code: error.code,
          attempted: action,
          ip: req.sourceIp,
        });
      throw error;
    }
    const size = verified.size!;
    const range = parseRange(req.range, size);
    if (range.kind === 'unsatisfiable') {
      await this.log(req.principal, 'recording.refused', entry.id, {
        code: 'QA_RANGE_NOT_SATISFIABLE',
        range: req.range?.slice(0, 100),
        ip: req.sourceIp,
      });
      throw new QaError('QA_RANGE_NOT_SATISFIABLE', 'range not satisfiable', { size });
    }
    const userId = req.principal.userId;
    if (!req.headOnly && (this.active.get(userId) ?? 0) >= this.maxStreamsPerUser) {
      await this.log(req.principal, 'recording.refused', entry.id, {
        code: 'QA_TOO_MANY_STREAMS',
        attempted: action,
        via: req.via,
        ip: req.sourceIp,
      });
      throw new QaError('QA_TOO_MANY_STREAMS', 'too many open streams');
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : size - 1;
    const status = range.kind === 'partial' ? 206 : 200;
    await this.log(req.principal, action, entry.id, {
      range: `bytes ${start}-${end}/${size}`,
      // A HEAD sends no byte of the recording: the entry says so.
      bytes: req.headOnly ? 0 : end - start + 1,
      status,
      via: req.via,
      ip: req.sourceIp,
      sha256: verified.sha256,
    });
    const body = req.headOnly
      ? Readable.from([])
      : this.counted(userId, await this.storage.open(verified.location!, { start, end }));
    const format = verified.format;
    return {
      status,
      body,
      headers: {
        'Content-Type': CONTENT_TYPES[format] ?? 'application/octet-stream',
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
        ...(status === 206 ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        // A server-made name: nothing from the caller or the customer goes into it.
        'Content-Disposition': `${req.purpose === 'download' ? 'attachment' : 'inline'}; filename="recording-${entry.id}.${format}"`,
      },
    };
  }

  /** Holds one of the user's stream slots until the body closes. */
  private counted(userId: string, body: Readable): Readable {
    this.active.set(userId, (this.active.get(userId) ?? 0) + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const n = (this.active.get(userId) ?? 1) - 1;
      if (n <= 0) this.active.delete(userId);
      else this.active.set(userId, n);
    };
    body.once('close', release);
    body.once('error', release);
    return body;
  }

  /** Appends to the audit trail; a failure refuses the request (fail closed). */
  async log(
    p: QaPrincipal,
    action: string,
    target: string | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
    try {
      await this.audit.append({
        actor: p.userId,
        action,
        ...(target !== undefined ? { target } : {}),
        details: { role: p.role, ...clean },
      });
    } catch {
      throw new QaError('QA_AUDIT_UNAVAILABLE', 'audit trail unavailable');
    }
  }
}
