/*
 * Side effects the recording/QA services reach only through these ports (abstract classes are
 * Nest DI tokens). Their shapes match what the app already has, so it can bind them directly:
 * QaAudit ← @cti/auth AuditLog / @cti/persistence AuditTrail, QaTokenVerifier ← @cti/auth
 * UserTokenVerifier, PbxRecordingControl ← an AmiConnection (see amiRecordingControl).
 */

export abstract class QaClock {
  /** Epoch ms. */
  abstract now(): number;
}

export class SystemQaClock extends QaClock {
  now(): number {
    return Date.now();
  }
}

export interface QaAuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Appends are awaited; a failing append must fail the request (fail closed). */
export abstract class QaAudit {
  abstract append(entry: QaAuditEntry): Promise<unknown>;
}

export type QaAlertKind =
  | 'recording-missing'
  | 'recording-empty'
  | 'recording-changed'
  | 'recording-integrity-failed'
  | 'recording-start-failed'
  | 'qa-sampling-shortfall';

export interface QaAlert {
  readonly kind: QaAlertKind;
  readonly at: number;
  readonly recordingId?: string;
  readonly agentId?: string;
  readonly message: string;
}

export abstract class QaAlerts {
  abstract raise(alert: QaAlert): Promise<void>;
}

/** The QA roles; the same spelling as @cti/auth's. */
export const QA_ROLES = ['agent', 'team_leader', 'supervisor', 'qa', 'admin'] as const;
export type QaRole = (typeof QA_ROLES)[number];

/** A verified caller, as @cti/auth's UserTokenVerifier returns it. */
export interface QaPrincipal {
  readonly userId: string;
  readonly username?: string;
  readonly role: QaRole;
  readonly teamId?: string;
  readonly agentId?: string;
}

export abstract class QaTokenVerifier {
  /** Rejects when the token is not (or no longer) good. */
  abstract verify(token: string): Promise<QaPrincipal>;
}

/** Commands toward the PBX for recordings; values are built from ids only. */
export abstract class PbxRecordingControl {
  /** AMI MixMonitor: Channel, File, Options (never Command). */
  abstract mixMonitor(channel: string, file: string, options: string): Promise<void>;
  /** AMI MixMonitorMute: Direction read|write|both, State 1 (mute) or 0. */
  abstract mixMonitorMute(
    channel: string,
    direction: 'read' | 'write' | 'both',
    mute: boolean,
  ): Promise<void>;
}

/** Agents and their teams, for access checks and summaries. */
export abstract class QaDirectory {
  abstract teamOf(agentId: string): string | undefined;
  abstract agents(): readonly {
    readonly id: string;
    readonly name: string;
    readonly teamId?: string;
  }[];
}

/** A directory from the call-center configuration's agents. */
export class StaticQaDirectory extends QaDirectory {
  constructor(
    private readonly list: readonly {
      readonly id: string;
      readonly name: string;
      readonly team?: string;
    }[],
  ) {
    super();
  }

  teamOf(agentId: string): string | undefined {
    return this.list.find((a) => a.id === agentId)?.team;
  }

  agents(): readonly { id: string; name: string; teamId?: string }[] {
    return this.list.map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.team !== undefined ? { teamId: a.team } : {}),
    }));
  }
}

/** QA reviewers (users with the qa role, with their agent id if they also take calls). */
export abstract class QaReviewerSource {
  abstract reviewers(): Promise<
    readonly {
      readonly id: string;
      readonly agentId?: string;
      readonly teams?: readonly string[];
    }[]
  >;
}

/** Who was logged in during a span (agent sessions): "every shift the agent worked". */
export abstract class QaPresence {
  abstract agentsWorked(from: number, to: number): Promise<readonly string[]>;
}

/** Without session data, an agent counts as having worked a shift when it took a call in it. */
export class CallsOnlyPresence extends QaPresence {
  async agentsWorked(): Promise<readonly string[]> {
    return [];
  }
}
