import { Injectable } from '@nestjs/common';
import { maskNumber } from '@cti/auth';
import { localDay } from '@cti/domain';
import { randomUUID } from 'node:crypto';
import {
  type FollowUpDraft,
  type FollowUpKind,
  submissionState,
  validateFollowUp,
  zonedInstant,
  parseTimeOfDay,
} from '@cti/domain';
import { appendAudit, WorkforceAudit } from '../ports/audit';
import { WorkforceClock } from '../ports/clock';
import {
  actorName,
  assertTeam,
  mayView,
  principalDetails,
  type WorkforcePrincipal,
} from '../ports/principal';
import { WorkforceSettings } from '../ports/settings';
import {
  type FollowUpRecord,
  FollowUpStore,
  type TeamSubmission,
  TeamSubmissionStore,
} from '../ports/stores';
import { invalidInput, WorkforceError } from '../workforce-error';

/** Revisions count edits in an `integer` column. */
const MAX_REVISION = 2_147_483_647;

/** A record as a caller sees it: the number masked unless the role (or ownership) allows it. */
export type FollowUpView = FollowUpRecord & {
  readonly numberMasked: boolean;
  readonly agentName: string;
};

export interface FollowUpSearch {
  readonly agentId?: string;
  readonly teamId?: string;
  readonly fromDay?: string;
  readonly toDay?: string;
  readonly kind?: FollowUpKind;
  readonly text?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface TeamDayState {
  readonly teamId: string;
  readonly teamName: string;
  readonly day: string;
  readonly deadline: number;
  readonly state: 'on-time' | 'late' | 'pending' | 'missing';
  readonly submission?: TeamSubmission;
}

/** Follow-up records: agents (and team leaders) write them; scoped, searchable, masked, audited. */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly settings: WorkforceSettings,
    private readonly store: FollowUpStore,
    private readonly submissions: TeamSubmissionStore,
    private readonly audit: WorkforceAudit,
    private readonly clock: WorkforceClock,
  ) {}

  async create(p: WorkforcePrincipal, body: unknown): Promise<FollowUpView> {
    const { agentId: asked, ...rest } = (
      typeof body === 'object' && body !== null ? body : {}
    ) as Record<string, unknown>;
    const agentId = p.role === 'agent' ? p.agentId : typeof asked === 'string' ? asked : p.agentId;
    const agent = this.settings.callCenter.agents.find((a) => a.id === agentId);
    if (!agent || !mayView(p, agent) || p.role === 'qa')
      throw new WorkforceError('FORBIDDEN', 'you may not write follow-up records for this agent');
    const checked = validateFollowUp(rest);
    if (!checked.ok) throw invalidInput(checked.problems);
    const now = this.clock.now();
    const record = await this.store.create({
      id: randomUUID(),
      agentId: agent.id,
      ...(agent.team !== undefined ? { teamId: agent.team } : {}),
      day: localDay(now, this.settings.config.timezone),
      ...checked.draft,
      createdBy: actorName(p),
      createdAt: now,
    });
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'follow_up.create',
      target: record.id,
      details: { ...principalDetails(p), agentId: agent.id, kind: record.kind },
    });
    return this.view(p, record);
  }

  async update(p: WorkforcePrincipal, id: string, body: unknown): Promise<FollowUpView> {
    const before = await this.store.get(id);
    const agent = before && this.settings.callCenter.agents.find((a) => a.id === before.agentId);
    if (!before || !agent || !mayView(p, agent))
      throw new WorkforceError('NOT_FOUND', 'no such follow-up record');
    if (p.role === 'qa') throw new WorkforceError('FORBIDDEN', 'QA may not edit follow-up records');
    const { revision, ...rest } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    // The column is a PostgreSQL integer: 1e300 is a whole number, but no revision.
    if (
      !Number.isInteger(revision) ||
      (revision as number) < 1 ||
      (revision as number) > MAX_REVISION
    )
      throw invalidInput([`revision: the revision you edited is required (1 to ${MAX_REVISION})`]);
    const checked = validateFollowUp({
      kind: before.kind,
      contactName: before.contactName,
      phoneNumber: before.phoneNumber,
      content: before.content,
      ...rest,
    });
    if (!checked.ok) throw invalidInput(checked.problems);
    const updated = await this.store.update(
      id,
      revision as number,
      checked.draft,
      actorName(p),
      this.clock.now(),
    );
    if (updated === undefined) throw new WorkforceError('NOT_FOUND', 'no such follow-up record');
    if (updated === 'conflict')
      throw new WorkforceError(
        'CONFLICT',
        'the record was changed meanwhile: reload it and edit again',
      );
    // Who changed what: before and after, with the number masked (the log must not spread it).
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'follow_up.update',
      target: id,
      details: {
        ...principalDetails(p),
        agentId: before.agentId,
        revision: updated.revision,
        changes: changes(before, checked.draft),
      },
    });
    return this.view(p, updated);
  }

  async search(
    p: WorkforcePrincipal,
    q: FollowUpSearch,
  ): Promise<{ items: FollowUpView[]; total: number; page: number; pageSize: number }> {
    const agents = this.settings.callCenter.agents.filter((a) => mayView(p, a));
    if (q.agentId !== undefined && !agents.some((a) => a.id === q.agentId))
      throw new WorkforceError('FORBIDDEN', 'you may not see this agent');
    if (q.teamId !== undefined) assertTeam(p, q.teamId);
    const ids =
      q.agentId !== undefined
        ? [q.agentId]
        : p.role === 'supervisor' || p.role === 'admin' || p.role === 'qa'
          ? undefined
          : agents.map((a) => a.id);
    const seesNumbers = this.settings.config.followUps.numbersVisibleTo.includes(p.role);
    const { items, total } = await this.store.search({
      ...(ids !== undefined ? { agentIds: ids } : {}),
      ...(q.teamId !== undefined ? { teamId: q.teamId } : {}),
      ...(q.fromDay !== undefined ? { fromDay: q.fromDay } : {}),
      ...(q.toDay !== undefined ? { toDay: q.toDay } : {}),
      ...(q.kind !== undefined ? { kind: q.kind } : {}),
      ...(q.text !== undefined ? { text: q.text } : {}),
      searchNumbers: seesNumbers || p.role === 'agent',
      page: q.page,
      pageSize: q.pageSize,
    });
    const views = items.map((r) => this.view(p, r));
    const unmasked = views.filter((v) => !v.numberMasked && v.agentId !== p.agentId).length;
    if (unmasked > 0)
      await appendAudit(this.audit, {
        actor: actorName(p),
        action: 'follow_ups.list_unmasked',
        details: { ...principalDetails(p), records: unmasked },
      });
    return { items: views, total, page: q.page, pageSize: q.pageSize };
  }

  /** The team leader hands the team's day in; after the deadline it is kept as late. */
  async submitTeamDay(p: WorkforcePrincipal, teamId: string, day: string): Promise<TeamDayState> {
    if (!(p.role === 'team_leader' || p.role === 'supervisor' || p.role === 'admin'))
      throw new WorkforceError('FORBIDDEN', 'only team leaders submit a team day');
    assertTeam(p, teamId);
    const team = this.settings.callCenter.teams.find((t) => t.id === teamId);
    if (!team) throw new WorkforceError('NOT_FOUND', 'no such team');
    const now = this.clock.now();
    const deadline = this.deadline(day);
    const submission = await this.submissions.submit({
      teamId,
      day,
      submittedAt: now,
      submittedBy: actorName(p),
      records: await this.store.countByTeamDay(teamId, day),
      late: now > deadline,
    });
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'team_day.submit',
      target: `${teamId}/${day}`,
      details: { ...principalDetails(p), late: submission.late, records: submission.records },
    });
    return {
      teamId,
      teamName: team.name,
      day,
      deadline,
      state: submissionState(submission.submittedAt, deadline, now),
      submission,
    };
  }

  async teamDays(p: WorkforcePrincipal, day: string): Promise<TeamDayState[]> {
    const now = this.clock.now();
    const deadline = this.deadline(day);
    const stored = await this.submissions.list(day, day);
    return this.settings.callCenter.teams
      .filter((t) => p.role !== 'agent' && (p.role !== 'team_leader' || t.id === p.teamId))
      .map((t) => {
        const s = stored.find((x) => x.teamId === t.id);
        return {
          teamId: t.id,
          teamName: t.name,
          day,
          deadline,
          state: submissionState(s?.submittedAt, deadline, now),
          ...(s ? { submission: s } : {}),
        };
      });
  }

  view(p: WorkforcePrincipal, r: FollowUpRecord): FollowUpView {
    const sees =
      this.settings.config.followUps.numbersVisibleTo.includes(p.role) ||
      (p.agentId !== undefined && p.agentId === r.agentId);
    const agentName =
      this.settings.callCenter.agents.find((a) => a.id === r.agentId)?.name ?? r.agentId;
    return {
      ...r,
      phoneNumber: sees ? r.phoneNumber : maskNumber(r.phoneNumber),
      numberMasked: !sees,
      agentName,
    };
  }

  private deadline(day: string): number {
    return zonedInstant(
      day,
      parseTimeOfDay(this.settings.config.followUps.submitBy),
      this.settings.config.timezone,
    );
  }
}

function changes(
  before: FollowUpDraft,
  after: FollowUpDraft,
): Record<string, { from: string; to: string }> {
  const out: Record<string, { from: string; to: string }> = {};
  for (const k of ['kind', 'contactName', 'content'] as const)
    if (before[k] !== after[k]) out[k] = { from: before[k], to: after[k] };
  if (before.phoneNumber !== after.phoneNumber)
    out.phoneNumber = { from: maskNumber(before.phoneNumber), to: maskNumber(after.phoneNumber) };
  return out;
}
