import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type AgentConfig, type AgentLeg, localDay } from '@cti/domain';
import {
  addDays,
  computeDayLedger,
  countEffective,
  type DayLedger,
  legsOfWorkDay,
  type QuotaAgent,
  ruleSetFor,
  type ScheduleConfig,
  type WorkforceRuleSet,
} from '@cti/domain';
import { WorkforceClock } from '../ports/clock';
import { CallFactsSource, type DayFacts } from '../ports/facts';
import { CoreOutputFeed, WorkforceSettings } from '../ports/settings';
import { DayOverrideStore, RuleSetStore } from '../ports/stores';
import { LiveFacts } from './live-facts';

export interface LedgerRow {
  readonly agentId: string;
  readonly name: string;
  readonly team?: string;
}

/**
 * The quota day as of now, or any past day as it was: schedules with their overrides, rule
 * versions from configuration and the API, and the calls as stored plus what the core just said.
 */
@Injectable()
export class QuotaDayService implements OnModuleInit, OnModuleDestroy {
  private readonly live: LiveFacts;
  private readonly legListeners = new Set<(leg: AgentLeg) => void>();
  private unsubscribe?: () => void;

  constructor(
    private readonly settings: WorkforceSettings,
    private readonly facts: CallFactsSource,
    private readonly overrides: DayOverrideStore,
    private readonly rules: RuleSetStore,
    private readonly clock: WorkforceClock,
    private readonly feed: CoreOutputFeed,
  ) {
    this.live = new LiveFacts(settings.config.timezone);
  }

  onModuleInit(): void {
    this.unsubscribe = this.feed.subscribe((o) => {
      const leg = this.live.add(o);
      if (leg) for (const l of this.legListeners) l(leg);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Called with every completed call, after the ledger knows it. */
  onLeg(listener: (leg: AgentLeg) => void): void {
    this.legListeners.add(listener);
  }

  get agents(): readonly AgentConfig[] {
    return this.settings.callCenter.agents;
  }

  get callCenterTeams(): readonly { readonly id: string; readonly name: string }[] {
    return this.settings.callCenter.teams;
  }

  get timezone(): string {
    return this.settings.config.timezone;
  }

  today(now = this.clock.now()): string {
    return localDay(now, this.timezone);
  }

  quotaAgent(a: AgentConfig): QuotaAgent {
    return {
      id: a.id,
      hireDate: a.hireDate,
      ...(a.team !== undefined ? { team: a.team } : {}),
      ...(a.quota !== undefined ? { quota: a.quota } : {}),
    };
  }

  /** The schedule with the API's overrides of the days (they win over the configuration's). */
  async schedule(fromDay: string, toDay: string): Promise<ScheduleConfig> {
    const base = this.settings.config.schedule;
    const stored = await this.overrides.list(addDays(fromDay, -1), addDays(toDay, 1));
    return { ...base, overrides: [...stored, ...base.overrides] };
  }

  async ruleSets(): Promise<WorkforceRuleSet[]> {
    const stored = await this.rules.list();
    return [...this.settings.config.ruleSets, ...stored].sort((a, b) =>
      a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
  }

  /** Calls, sessions and pauses of the days, stored and live. */
  async dayFacts(fromDay: string, toDay: string): Promise<DayFacts> {
    return this.live.merge(await this.facts.facts(fromDay, toDay), fromDay, toDay);
  }

  /**
   * The ledger of a day at `now` (default: the clock). Legs of the next day are read too: a shift
   * past midnight claims some of them. A past day comes out under its own rule version.
   */
  async ledger(
    day: string,
    now = this.clock.now(),
    agentIds?: ReadonlySet<string>,
  ): Promise<DayLedger & { readonly names: ReadonlyMap<string, LedgerRow> }> {
    const [schedule, ruleSets, facts] = await Promise.all([
      this.schedule(day, day),
      this.ruleSets(),
      this.dayFacts(day, addDays(day, 1)),
    ]);
    const agents = this.agents.filter((a) => !agentIds || agentIds.has(a.id));
    const ledger = computeDayLedger({
      agents: agents.map((a) => this.quotaAgent(a)),
      day,
      ruleSets,
      schedule,
      legs: facts.legs,
      now,
    });
    const names = new Map(
      agents.map((a) => [
        a.id,
        { agentId: a.id, name: a.name, ...(a.team !== undefined ? { team: a.team } : {}) },
      ]),
    );
    return { ...ledger, names };
  }

  /** One agent's effective calls of a work day under that day's rule, as of `asOf` (stay-late tracking). */
  async effectiveCount(agentId: string, day: string, asOf = this.clock.now()): Promise<number> {
    const agent = this.agents.find((a) => a.id === agentId);
    if (!agent) return 0;
    const [schedule, ruleSets, facts] = await Promise.all([
      this.schedule(day, day),
      this.ruleSets(),
      this.dayFacts(day, addDays(day, 1)),
    ]);
    const rules = ruleSetFor(ruleSets, day);
    if (!rules) return 0;
    const legs = legsOfWorkDay(schedule, this.quotaAgent(agent), day, facts.legs).filter(
      (l) => l.endedAt <= asOf,
    );
    return countEffective(legs, rules);
  }
}
