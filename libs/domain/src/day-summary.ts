import { type CallCenterCore } from './call-center-core';
import { type AgentLeg, type PauseInterval } from './outputs';
import { type QueueFigures } from './queue-board';

export interface AgentDaySummary {
  readonly agentId: string;
  readonly name: string;
  readonly team?: string;
  readonly inboundAnswered: number;
  readonly inboundEffective: number;
  readonly inboundTalkSeconds: number;
  readonly outboundDials: number;
  readonly outboundAnswered: number;
  readonly outboundNoAnswer: number;
  readonly outboundBusy: number;
  readonly outboundCongestion: number;
  readonly outboundFailed: number;
  readonly outboundEffective: number;
  readonly outboundEffectiveUniqueNumbers: number;
  readonly outboundTalkSeconds: number;
  readonly internalCalls: number;
  readonly transferredInDirect: number;
  readonly transferredInDirectEffective: number;
  readonly transferredInDirectTalkSeconds: number;
  readonly transfersIn: number;
  readonly transfersOut: number;
  readonly transfersOutBlind: number;
  readonly transfersOutAttended: number;
  readonly holds: number;
  readonly holdSeconds: number;
  readonly effectiveTotal: number;
  readonly effectiveUniqueNumbers: number;
  /** Effective calls as the configured rule counts them toward the quota. */
  readonly effectiveCounted: number;
  readonly quota: number;
  readonly quotaMet: boolean;
  readonly recordedCalls: number;
  readonly pauses: readonly (PauseInterval & { readonly seconds: number })[];
  readonly pauseSecondsTotal: number;
  readonly overLimitPauses: number;
  readonly sessions: readonly { readonly loginAt: number; readonly logoutAt?: number }[];
}

export interface DaySummary {
  readonly day: string;
  readonly ruleVersion: string;
  readonly agents: readonly AgentDaySummary[];
  readonly queues: readonly Omit<QueueFigures, 'waiting' | 'oldestWaitSince'>[];
  readonly calls: readonly AgentLeg[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The day's record per agent and queue: what the replay prints and the daily report is made of. */
export function summarizeDay(core: CallCenterCore, day: string): DaySummary {
  const agents = core.directory.agents.map((agent): AgentDaySummary => {
    const d = core.days.get(agent.id, day);
    const legs = d?.legs ?? [];
    const inbound = legs.filter((l) => l.via === 'queue');
    const outbound = legs.filter((l) => l.via === 'dial');
    const direct = legs.filter((l) => l.via !== 'queue' && l.via !== 'dial');
    const answeredOut = outbound.filter((l) => l.outcome === 'answered');
    const effective = legs.filter((l) => l.effective);
    const outboundEffective = outbound.filter((l) => l.effective);
    const pauses = (d?.pauses ?? []).map((p) => ({
      ...p,
      seconds: round1(((p.endedAt ?? p.startedAt) - p.startedAt) / 1000),
    }));
    const progress = core.days.progress(agent.id, day);
    const talk = (ls: readonly AgentLeg[]) => round1(ls.reduce((s, l) => s + l.talkSeconds, 0));
    return {
      agentId: agent.id,
      name: agent.name,
      team: agent.team,
      inboundAnswered: inbound.length,
      inboundEffective: inbound.filter((l) => l.effective).length,
      inboundTalkSeconds: talk(inbound),
      outboundDials: outbound.length,
      outboundAnswered: answeredOut.length,
      outboundNoAnswer: outbound.filter((l) => l.outcome === 'noanswer').length,
      outboundBusy: outbound.filter((l) => l.outcome === 'busy').length,
      outboundCongestion: outbound.filter((l) => l.outcome === 'congestion').length,
      outboundFailed: outbound.filter((l) => l.outcome === 'failed').length,
      outboundEffective: outboundEffective.length,
      outboundEffectiveUniqueNumbers: new Set(outboundEffective.map((l) => l.customerNumber)).size,
      outboundTalkSeconds: talk(answeredOut),
      internalCalls: d?.internalCalls.length ?? 0,
      transferredInDirect: direct.filter((l) => l.transferredIn).length,
      transferredInDirectEffective: direct.filter((l) => l.transferredIn && l.effective).length,
      transferredInDirectTalkSeconds: talk(direct.filter((l) => l.transferredIn)),
      transfersIn: legs.filter((l) => l.transferredIn).length,
      transfersOut: legs.filter((l) => l.transferredOut).length,
      transfersOutBlind: legs.filter((l) => l.transferredOut === 'blind').length,
      transfersOutAttended: legs.filter((l) => l.transferredOut === 'attended').length,
      holds: legs.reduce((s, l) => s + l.holds, 0),
      holdSeconds: round1(legs.reduce((s, l) => s + l.holdSeconds, 0)),
      effectiveTotal: effective.length,
      effectiveUniqueNumbers: new Set(effective.map((l) => l.customerNumber)).size,
      effectiveCounted: progress.counted,
      quota: progress.quota,
      quotaMet: progress.met,
      recordedCalls: legs.filter((l) => l.recorded).length,
      pauses,
      pauseSecondsTotal: round1(pauses.reduce((s, p) => s + p.seconds, 0)),
      overLimitPauses: pauses.filter((p) => p.overLimit).length,
      sessions: (d?.sessions ?? []).map((s) => ({ loginAt: s.loginAt, logoutAt: s.logoutAt })),
    };
  });
  const queues = core.queues.queueNames().map((q) => {
    // The live figures are left out of the day's record.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { waiting: _w, oldestWaitSince: _o, ...figures } = core.queues.figures(q);
    return figures;
  });
  const calls = core.directory.agents.flatMap((a) => core.days.get(a.id, day)?.legs ?? []);
  return {
    day,
    ruleVersion: core.legs.ruleVersion,
    agents,
    queues,
    calls: calls.sort((a, b) => a.startedAt - b.startedAt),
  };
}
