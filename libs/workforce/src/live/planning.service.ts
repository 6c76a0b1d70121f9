import { Injectable } from '@nestjs/common';
import { addRuleSet, type DayPlan, planDay, type WorkforceRuleSet } from '@cti/domain';
import { Checker } from '../config/checker';
import { override } from '../config/schedule-section';
import { parseRuleSet } from '../config/validate-workforce-config';
import { appendAudit, WorkforceAudit } from '../ports/audit';
import { WorkforceClock } from '../ports/clock';
import { actorName, principalDetails, type WorkforcePrincipal } from '../ports/principal';
import { WorkforceSettings } from '../ports/settings';
import { DayOverrideStore, RuleSetStore, type StoredOverride } from '../ports/stores';
import { invalidInput, WorkforceError } from '../workforce-error';
import { QuotaDayService } from './quota-day.service';

/** Schedules and rule versions through the API: overrides of days, new versions from a date. */
@Injectable()
export class PlanningService {
  constructor(
    private readonly settings: WorkforceSettings,
    private readonly quotaDay: QuotaDayService,
    private readonly overrides: DayOverrideStore,
    private readonly rules: RuleSetStore,
    private readonly audit: WorkforceAudit,
    private readonly clock: WorkforceClock,
  ) {}

  async plans(day: string, agentIds?: ReadonlySet<string>): Promise<DayPlan[]> {
    const schedule = await this.quotaDay.schedule(day, day);
    return this.settings.callCenter.agents
      .filter((a) => !agentIds || agentIds.has(a.id))
      .map((a) =>
        planDay(schedule, { id: a.id, ...(a.team !== undefined ? { team: a.team } : {}) }, day),
      );
  }

  listOverrides(fromDay: string, toDay: string): Promise<StoredOverride[]> {
    return this.overrides.list(fromDay, toDay);
  }

  async putOverride(p: WorkforcePrincipal, body: unknown): Promise<StoredOverride> {
    const c = new Checker();
    const known = {
      teams: new Set(this.settings.callCenter.teams.map((t) => t.id)),
      agents: new Set(this.settings.callCenter.agents.map((a) => a.id)),
    };
    const o = override(
      c,
      'override',
      body,
      new Set(Object.keys(this.settings.config.schedule.patterns)),
      known,
    );
    if (c.problems.length) throw invalidInput(c.problems.map((x) => x.replace(/^override\./, '')));
    // A team leader changes days of their own team's agents only.
    if (p.role === 'team_leader') {
      const agentTeam = this.settings.callCenter.agents.find((a) => a.id === o.agentId)?.team;
      if (o.agentId === undefined || agentTeam !== p.teamId)
        throw new WorkforceError(
          'FORBIDDEN',
          'team leaders change the days of their own agents only',
        );
    }
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'schedule.override_add',
      target: o.agentId ?? o.teamId ?? '*',
      details: { ...principalDetails(p), ...o },
    });
    return this.overrides.put(o, actorName(p));
  }

  async removeOverride(p: WorkforcePrincipal, id: string): Promise<StoredOverride> {
    const all = await this.overrides.list('0001-01-01', '9999-12-31');
    const found = all.find((o) => o.id === id);
    if (!found) throw new WorkforceError('NOT_FOUND', 'no such override');
    await appendAudit(this.audit, {
      actor: actorName(p),
      action: 'schedule.override_remove',
      target: found.agentId ?? found.teamId ?? '*',
      details: { ...principalDetails(p), id, day: found.day, kind: found.kind },
    });
    const removed = await this.overrides.remove(id);
    if (!removed) throw new WorkforceError('NOT_FOUND', 'no such override');
    return removed;
  }

  ruleSets(): Promise<WorkforceRuleSet[]> {
    return this.quotaDay.ruleSets();
  }

  /** A new version from today or later: earlier days are never rewritten. */
  async addRuleSet(
    p: WorkforceRuleSet | unknown,
    principal: WorkforcePrincipal,
  ): Promise<WorkforceRuleSet> {
    const parsed = parseRuleSet(p);
    if (!parsed.ok) throw invalidInput(parsed.problems);
    const today = this.quotaDay.today(this.clock.now());
    const result = addRuleSet(await this.quotaDay.ruleSets(), parsed.set, today);
    if (!result.ok)
      throw result.refusal === 'invalid'
        ? invalidInput(result.problems)
        : new WorkforceError('CONFLICT', result.problems.join('; '));
    await appendAudit(this.audit, {
      actor: actorName(principal),
      action: 'rules.add_version',
      target: parsed.set.version,
      details: {
        ...principalDetails(principal),
        effectiveFrom: parsed.set.effectiveFrom,
        set: parsed.set,
      },
    });
    await this.rules.add(parsed.set, actorName(principal));
    return parsed.set;
  }
}
