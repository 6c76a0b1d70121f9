import { type AgentLeg, type AgentStatus, type CoreOutput } from '@cti/domain';

/** What a stream of outputs must leave in the database, counted from the outputs themselves. */
export interface ExpectedRows {
  readonly call_leg: number;
  readonly pause_interval: number;
  readonly agent_session: number;
  readonly agent_state_interval: number;
  readonly internal_call: number;
  readonly recording: number;
  readonly alert: number;
  /** `agentId|day` → counters, as daily_agent_counter must hold them. */
  readonly counters: Map<
    string,
    {
      effective: number;
      effectiveUnique: number;
      answered: number;
      dials: number;
      talkSeconds: number;
      pauseSeconds: number;
    }
  >;
}

export interface MixedStreamOptions {
  readonly count: number;
  readonly agents?: number;
  /** Epoch ms of the first output (default 2026-11-27T01:00:00Z). */
  readonly start?: number;
  /** Makes ids unique between streams. */
  readonly prefix?: string;
}

/** A deterministic, realistic mix of every output type: calls, states, pauses, sessions, alerts. */
export function mixedOutputs(options: MixedStreamOptions): CoreOutput[] {
  const agents = options.agents ?? 20;
  const prefix = options.prefix ?? 'm';
  const clocks = Array.from(
    { length: agents },
    (_, a) => (options.start ?? Date.parse('2026-11-27T01:00:00Z')) + a * 1000,
  );
  const out: CoreOutput[] = [];
  const state = (
    agentId: string,
    status: AgentStatus,
    since: number,
    extra: { pauseReason?: string } = {},
  ): void => {
    out.push({
      type: 'agent-state',
      agentId,
      state: { status, since, loggedIn: true, ...extra },
      resync: false,
    });
  };
  for (let turn = 0; out.length < options.count; turn++) {
    for (let a = 0; a < agents && out.length < options.count; a++) {
      const agentId = `A${1000 + a}`;
      let t = clocks[a]!;
      if (turn === 0) {
        out.push({ type: 'session', session: { agentId, loginAt: t } });
        state(agentId, 'available', t);
      }
      const n = turn * agents + a;
      switch (turn % 4) {
        case 0:
        case 2: {
          const outbound = turn % 4 === 2;
          state(agentId, outbound ? 'dialing' : 'ringing', t + 1000);
          state(agentId, 'on-call', t + 3000);
          const talk = (n * 13) % 120;
          if (outbound)
            out.push({
              type: 'internal-call',
              call: {
                agentId,
                calleeAgentId: `A${1000 + ((a + 1) % agents)}`,
                callerUniqueid: `${prefix}ic.${n}`,
                startedAt: t,
                answered: true,
                day: day(t),
              },
            });
          else
            out.push({
              type: 'recording-started',
              recording: {
                uniqueid: `${prefix}u.${n}`,
                linkedid: `${prefix}u.${n}`,
                channel: `PJSIP/${agentId}-0001`,
                at: t + 3000,
              },
            });
          const leg = makeLeg(
            `${prefix}:${agentId}:${n}`,
            agentId,
            outbound,
            t + 1000,
            t + 3000,
            talk,
            `1390000${String(n % 37).padStart(4, '0')}`,
          );
          out.push({ type: 'call-completed', leg });
          state(agentId, 'available', leg.endedAt);
          t = leg.endedAt + 2000;
          break;
        }
        case 1: {
          const pause = {
            agentId,
            reason: 'break',
            startedAt: t,
            limitSeconds: 60,
            overLimit: false,
          };
          out.push({ type: 'pause-started', pause });
          state(agentId, 'paused', t, { pauseReason: 'break' });
          const over = n % 3 === 0;
          if (over)
            out.push({
              type: 'pause-over-limit',
              pause: { ...pause, overLimit: true },
              at: t + 60_000,
            });
          const endedAt = t + (over ? 75_000 : 30_000);
          out.push({ type: 'pause-ended', pause: { ...pause, endedAt, overLimit: over } });
          state(agentId, 'available', endedAt);
          t = endedAt + 1000;
          break;
        }
        default:
          if (a === 0 && turn % 40 === 3) out.push({ type: 'pbx-restarted', at: t });
          out.push({ type: 'queue-changed', queue: 'sales' });
          t += 1000;
      }
      clocks[a] = t;
    }
  }
  return out.slice(0, options.count);
}

function makeLeg(
  id: string,
  agentId: string,
  outbound: boolean,
  startedAt: number,
  answeredAt: number,
  talk: number,
  number: string,
): AgentLeg {
  return {
    id,
    agentId,
    direction: outbound ? 'outbound' : 'inbound',
    via: outbound ? 'dial' : 'queue',
    transferredIn: false,
    ...(outbound ? {} : { queue: 'sales' }),
    customerNumber: number,
    customerUniqueid: `${id}.c`,
    agentUniqueid: `${id}.a`,
    linkedid: `${id}.c`,
    startedAt,
    answeredAt,
    endedAt: answeredAt + talk * 1000 + 500,
    outcome: 'answered',
    talkSeconds: talk + 0.5,
    holds: 0,
    holdSeconds: 0,
    recorded: !outbound,
    effective: talk >= 30,
    ruleVersion: 'r1',
    day: day(startedAt),
  };
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Counts, from the outputs alone, the rows and counters the writer must produce (UTC days). */
export function expectedRows(outputs: readonly CoreOutput[]): ExpectedRows {
  const keys = {
    call_leg: new Set<string>(),
    pause_interval: new Set<string>(),
    agent_session: new Set<string>(),
    agent_state_interval: new Set<string>(),
    internal_call: new Set<string>(),
    recording: new Set<string>(),
    alert: new Set<string>(),
  };
  const legs = new Map<string, AgentLeg>();
  const pauses = new Map<string, { agentId: string; day: string; seconds: number }>();
  for (const o of outputs) {
    if (o.type === 'call-completed') legs.set(o.leg.id, o.leg);
    else if (
      o.type === 'pause-started' ||
      o.type === 'pause-ended' ||
      o.type === 'pause-over-limit'
    ) {
      const key = `${o.pause.agentId}|${o.pause.startedAt}`;
      keys.pause_interval.add(key);
      if (o.type === 'pause-over-limit') keys.alert.add(`pause|${key}|${o.at}`);
      if (o.pause.endedAt !== undefined)
        pauses.set(key, {
          agentId: o.pause.agentId,
          day: day(o.pause.startedAt),
          seconds: (o.pause.endedAt - o.pause.startedAt) / 1000,
        });
    } else if (o.type === 'session')
      keys.agent_session.add(`${o.session.agentId}|${o.session.loginAt}`);
    else if (o.type === 'agent-state' && o.state.status !== 'logged-out')
      keys.agent_state_interval.add(`${o.agentId}|${o.state.since}`);
    else if (o.type === 'internal-call')
      keys.internal_call.add(`${o.call.callerUniqueid}|${o.call.calleeAgentId}`);
    else if (o.type === 'recording-started')
      keys.recording.add(`${o.recording.uniqueid}|${o.recording.at}`);
    else if (o.type === 'pbx-restarted') keys.alert.add(`pbx|${o.at}`);
  }
  const counters: ExpectedRows['counters'] = new Map();
  const counter = (agentId: string, d: string) => {
    const key = `${agentId}|${d}`;
    let c = counters.get(key);
    if (!c)
      counters.set(
        key,
        (c = {
          effective: 0,
          effectiveUnique: 0,
          answered: 0,
          dials: 0,
          talkSeconds: 0,
          pauseSeconds: 0,
        }),
      );
    return c;
  };
  const numbers = new Map<string, Set<string>>();
  for (const leg of legs.values()) {
    const c = counter(leg.agentId, leg.day);
    if (leg.effective) {
      c.effective++;
      const key = `${leg.agentId}|${leg.day}`;
      numbers.set(key, (numbers.get(key) ?? new Set()).add(leg.customerNumber));
      c.effectiveUnique = numbers.get(key)!.size;
    }
    if (leg.answeredAt !== undefined) c.answered++;
    if (leg.direction === 'outbound') c.dials++;
    c.talkSeconds += leg.talkSeconds;
  }
  for (const p of pauses.values()) counter(p.agentId, p.day).pauseSeconds += p.seconds;
  return {
    call_leg: legs.size,
    pause_interval: keys.pause_interval.size,
    agent_session: keys.agent_session.size,
    agent_state_interval: keys.agent_state_interval.size,
    internal_call: keys.internal_call.size,
    recording: keys.recording.size,
    alert: keys.alert.size,
    counters,
  };
}
