import {
  type AgentConfig,
  type CallCenterConfig,
  type ChannelSnapshot,
  type CallCenterCore,
  type TelephonyEvent,
} from '@cti/domain';

/** A small call center for wallboard tests and demos: three teams, two queues, PJSIP phones. */
export interface FixtureOptions {
  /** Pause limits by reason, seconds. */
  readonly pauseLimits?: Readonly<Record<string, number>>;
  readonly agents?: readonly { id: string; name: string; team: string; quota?: number }[];
  readonly teams?: readonly { id: string; name: string }[];
  readonly wrapUpSeconds?: number;
}

const TEAMS = [
  { id: 'inbound-1', name: '客服一组' },
  { id: 'inbound-2', name: '客服二组' },
  { id: 'outbound', name: '外呼组' },
];

const AGENTS = [
  { id: '8001', name: '王芳', team: 'inbound-1' },
  { id: '8002', name: '李伟', team: 'inbound-1' },
  { id: '8003', name: '张敏', team: 'inbound-1' },
  { id: '8004', name: '陈杰', team: 'inbound-1' },
  { id: '8005', name: '刘洋', team: 'inbound-2' },
  { id: '8006', name: '周娜', team: 'inbound-2' },
  { id: '8007', name: '赵磊', team: 'inbound-2' },
  { id: '8008', name: '孙丽', team: 'inbound-2' },
  { id: '8009', name: '黄晓明', team: 'outbound' },
  { id: '8010', name: '吴静', team: 'outbound' },
  { id: '8011', name: '郑强', team: 'outbound', quota: 60 },
  { id: '8012', name: 'Emily Zhou', team: 'outbound' },
];

export function fixtureConfig(options: FixtureOptions = {}): CallCenterConfig {
  const agents: AgentConfig[] = (options.agents ?? AGENTS).map((a) => ({
    id: a.id,
    name: a.name,
    team: a.team,
    hireDate: '2024-01-01',
    quota: 'quota' in a ? a.quota : undefined,
    interfaces: [`PJSIP/${a.id}`],
    devices: [`PJSIP/${a.id}`],
  }));
  return {
    timezone: 'Asia/Shanghai',
    ami: { port: 5038 },
    rules: {
      version: 'wallboard-test',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 50, newHire: 30, newHireDays: 30 },
      pauses: {
        defaultLimitSeconds: 900,
        limitsByReason: { 午餐: 3600, 小休: 600, ...options.pauseLimits },
      },
      wrapUpPauseReasons: [],
    },
    queues: [
      { name: 'support', wrapUpSeconds: options.wrapUpSeconds ?? 5, serviceLevelSeconds: 15 },
      { name: 'sales', wrapUpSeconds: options.wrapUpSeconds ?? 5, serviceLevelSeconds: 20 },
    ],
    teams: options.teams ?? TEAMS,
    agents,
  };
}

/** An answered-or-not call in progress, to be moved on by the script. */
export interface ScriptedCall {
  readonly agentId: string;
  readonly customer: ChannelSnapshot;
  readonly agent: ChannelSnapshot;
  readonly queue?: string;
  readonly bridgeId: string;
  answeredAt?: number;
}

/**
 * Drives a CallCenterCore with the TelephonyEvents a PBX would cause: logins, pauses, queue
 * calls, outbound calls. Every step takes an instant (default: the script's clock).
 */
export class PbxScript {
  private readonly memberships = new Map<string, Set<string>>();
  private counter = 0;

  constructor(
    readonly core: CallCenterCore,
    private readonly clock: () => number = Date.now,
  ) {}

  login(agentId: string, queues: readonly string[], at = this.clock()): void {
    this.memberships.set(agentId, new Set(queues));
    for (const q of queues) this.member(agentId, q, { paused: false, reason: '', status: 1 }, at);
  }

  logout(agentId: string, at = this.clock()): void {
    for (const q of this.memberships.get(agentId) ?? [])
      this.apply({ type: 'member-removed', queue: q, interface: `PJSIP/${agentId}`, at });
    this.memberships.delete(agentId);
  }

  pause(agentId: string, reason: string, at = this.clock()): void {
    for (const q of this.memberships.get(agentId) ?? [])
      this.member(agentId, q, { paused: true, reason, status: 1 }, at);
  }

  unpause(agentId: string, at = this.clock()): void {
    for (const q of this.memberships.get(agentId) ?? [])
      this.member(agentId, q, { paused: false, reason: '', status: 1 }, at);
  }

  /** A caller joins a queue and waits; returns its channel. */
  callerJoins(queue: string, number: string, at = this.clock()): ChannelSnapshot {
    const caller = this.channel(`PJSIP/trunk`, number, 6);
    this.apply({ type: 'channel-created', channel: caller, at });
    this.apply({ type: 'caller-joined', queue, caller, at });
    return caller;
  }

  abandon(queue: string, caller: ChannelSnapshot, at = this.clock()): void {
    this.apply({ type: 'caller-abandoned', queue, uniqueid: caller.uniqueid, holdSeconds: 0, at });
    this.apply({ type: 'channel-hungup', channel: caller, cause: 16, at });
  }

  /** The queue rings the agent for a waiting caller. */
  ring(agentId: string, queue: string, caller: ChannelSnapshot, at = this.clock()): ScriptedCall {
    const agent = this.channel(`PJSIP/${agentId}`, caller.callerNum, 5, caller.linkedid);
    this.apply({ type: 'channel-created', channel: agent, at });
    this.apply({
      type: 'agent-called',
      queue,
      interface: `PJSIP/${agentId}`,
      callerUniqueid: caller.uniqueid,
      destUniqueid: agent.uniqueid,
      at,
    });
    return { agentId, customer: caller, agent, queue, bridgeId: `bridge-${++this.counter}` };
  }

  answer(call: ScriptedCall, at = this.clock()): void {
    const agent = { ...call.agent, state: 6 };
    this.apply({ type: 'channel-state', channel: agent, at });
    if (call.queue) {
      this.apply({
        type: 'agent-connected',
        queue: call.queue,
        interface: `PJSIP/${call.agentId}`,
        caller: call.customer,
        destUniqueid: agent.uniqueid,
        holdSeconds: 0,
        at,
      });
      this.apply({ type: 'caller-left', queue: call.queue, uniqueid: call.customer.uniqueid, at });
    } else {
      this.apply({
        type: 'dial-end',
        caller: agent,
        dest: { ...call.customer, state: 6 },
        status: 'ANSWER',
        at,
      });
    }
    this.apply({ type: 'bridge-enter', bridgeId: call.bridgeId, channel: call.customer, at });
    this.apply({ type: 'bridge-enter', bridgeId: call.bridgeId, channel: agent, at });
    call.answeredAt = at;
  }

  hangup(call: ScriptedCall, at = this.clock()): void {
    this.apply({ type: 'bridge-leave', bridgeId: call.bridgeId, channel: call.agent, at });
    this.apply({ type: 'bridge-leave', bridgeId: call.bridgeId, channel: call.customer, at });
    this.apply({ type: 'channel-hungup', channel: call.agent, cause: 16, at });
    this.apply({ type: 'channel-hungup', channel: call.customer, cause: 16, at });
    if (call.queue) {
      const talkSeconds =
        call.answeredAt === undefined ? 0 : Math.round((at - call.answeredAt) / 1000);
      this.apply({
        type: 'agent-completed',
        queue: call.queue,
        interface: `PJSIP/${call.agentId}`,
        callerUniqueid: call.customer.uniqueid,
        talkSeconds,
        reason: 'agent',
        at,
      });
    }
  }

  /** The agent's phone dials a customer (click-to-dial or manual). */
  dial(agentId: string, number: string, at = this.clock()): ScriptedCall {
    const agent = { ...this.channel(`PJSIP/${agentId}`, agentId, 6), exten: number };
    const customer = this.channel('PJSIP/trunk', number, 5, agent.linkedid);
    this.apply({ type: 'channel-created', channel: agent, at });
    this.apply({ type: 'channel-created', channel: customer, at });
    this.apply({
      type: 'dial-begin',
      caller: agent,
      dest: customer,
      dialString: `trunk/${number}`,
      at,
    });
    return { agentId, customer, agent, bridgeId: `bridge-${++this.counter}` };
  }

  /** A whole queue call, answered after `waitSeconds` and talked for `talkSeconds`. */
  queueCall(
    agentId: string,
    queue: string,
    number: string,
    from: number,
    waitSeconds: number,
    talkSeconds: number,
  ): number {
    const caller = this.callerJoins(queue, number, from);
    const call = this.ring(agentId, queue, caller, from + waitSeconds * 1000 - 3000);
    this.answer(call, from + waitSeconds * 1000);
    const end = from + (waitSeconds + talkSeconds) * 1000;
    this.hangup(call, end);
    return end;
  }

  /** A whole outbound call talked for `talkSeconds`. */
  outboundCall(agentId: string, number: string, from: number, talkSeconds: number): number {
    const call = this.dial(agentId, number, from);
    this.answer(call, from + 8000);
    const end = from + 8000 + talkSeconds * 1000;
    this.hangup(call, end);
    return end;
  }

  apply(event: TelephonyEvent): void {
    this.core.apply(event);
  }

  private member(
    agentId: string,
    queue: string,
    s: { paused: boolean; reason: string; status: number },
    at: number,
  ): void {
    this.apply({
      type: 'member-updated',
      member: {
        queue,
        interface: `PJSIP/${agentId}`,
        memberName: agentId,
        stateInterface: `PJSIP/${agentId}`,
        status: s.status,
        paused: s.paused,
        pausedReason: s.reason,
        inCall: false,
        lastCall: 0,
        lastPause: 0,
        loginTime: 0,
        wrapupTime: 0,
        callsTaken: 0,
      },
      at,
    });
  }

  private channel(
    device: string,
    callerNum: string,
    state: number,
    linkedid?: string,
  ): ChannelSnapshot {
    const uniqueid = `1700000000.${++this.counter}`;
    return {
      uniqueid,
      linkedid: linkedid ?? uniqueid,
      channel: `${device}-${this.counter.toString(16).padStart(8, '0')}`,
      state,
      callerNum,
      callerName: '',
      context: 'from-pstn',
      exten: 's',
    };
  }
}
