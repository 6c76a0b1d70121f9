import {
  type CallCenterConfig,
  type CallCenterCore,
  type ChannelSnapshot,
  type TelephonyEvent,
} from '@cti/domain';

/** 2026-03-09 and 2026-03-10, 10:00 in Asia/Shanghai. */
export const YESTERDAY = '2026-03-09';
export const TODAY = '2026-03-10';
export const YESTERDAY_10H = Date.UTC(2026, 2, 9, 2, 0, 0);
export const TODAY_10H = Date.UTC(2026, 2, 10, 2, 0, 0);

/** Two teams, three agents (7001, 7002 north; 7003 south), one queue, 30 s effective calls. */
export function apiCallCenter(): CallCenterConfig {
  const agent = (id: string, name: string, team: string) => ({
    id,
    name,
    team,
    hireDate: '2024-01-01',
    interfaces: [`PJSIP/${id}`],
    devices: [`PJSIP/${id}`],
  });
  return {
    timezone: 'Asia/Shanghai',
    ami: { port: 5038 },
    rules: {
      version: 'api-test-1',
      effective: {
        minTalkSeconds: 30,
        directions: ['inbound', 'outbound'],
        uniqueNumberPerAgentDay: false,
      },
      quota: { default: 40, newHire: 20, newHireDays: 30 },
      pauses: { defaultLimitSeconds: 900, limitsByReason: { lunch: 3600 } },
      wrapUpPauseReasons: [],
    },
    queues: [{ name: 'support', wrapUpSeconds: 5, serviceLevelSeconds: 20 }],
    teams: [
      { id: 'north', name: 'North' },
      { id: 'south', name: 'South' },
    ],
    agents: [
      agent('7001', 'Wang Fang', 'north'),
      agent('7002', 'Li Wei', 'north'),
      agent('7003', 'Zhao Lei', 'south'),
    ],
  };
}

/**
 * Feeds a core the TelephonyEvents of PJSIP agents taking queue calls and dialing out. Uniqueids
 * are Asterisk's `<epoch seconds>.<n>`, as real ones are.
 */
export class CallScript {
  private n = 0;
  private bridges = 0;

  constructor(readonly core: CallCenterCore) {}

  login(agentId: string, at: number): void {
    this.member(agentId, false, '', at);
  }

  pause(agentId: string, reason: string, at: number): void {
    this.member(agentId, true, reason, at);
  }

  unpause(agentId: string, at: number): void {
    this.member(agentId, false, '', at);
  }

  logout(agentId: string, at: number): void {
    this.apply({ type: 'member-removed', queue: 'support', interface: `PJSIP/${agentId}`, at });
  }

  /** A caller joins and waits (returned so a test may leave it waiting). */
  joins(number: string, at: number): ChannelSnapshot {
    const caller = this.channel('PJSIP/trunk', number, 6, at);
    this.apply({ type: 'channel-created', channel: caller, at });
    this.apply({ type: 'caller-joined', queue: 'support', caller, at });
    return caller;
  }

  /** A whole queue call: waits `wait` s, talks `talk` s, the agent hangs up. Returns its end. */
  queueCall(agentId: string, number: string, at: number, wait: number, talk: number): number {
    const caller = this.joins(number, at);
    const answered = at + wait * 1000;
    const agent = this.channel(`PJSIP/${agentId}`, number, 5, answered - 2000, caller.linkedid);
    this.apply({ type: 'channel-created', channel: agent, at: answered - 2000 });
    this.apply({
      type: 'agent-called',
      queue: 'support',
      interface: `PJSIP/${agentId}`,
      callerUniqueid: caller.uniqueid,
      destUniqueid: agent.uniqueid,
      at: answered - 2000,
    });
    const up = { ...agent, state: 6 };
    this.apply({ type: 'channel-state', channel: up, at: answered });
    this.apply({
      type: 'agent-connected',
      queue: 'support',
      interface: `PJSIP/${agentId}`,
      caller,
      destUniqueid: agent.uniqueid,
      holdSeconds: wait,
      at: answered,
    });
    this.apply({ type: 'caller-left', queue: 'support', uniqueid: caller.uniqueid, at: answered });
    const end = this.talk(caller, up, answered, talk);
    this.apply({
      type: 'agent-completed',
      queue: 'support',
      interface: `PJSIP/${agentId}`,
      callerUniqueid: caller.uniqueid,
      talkSeconds: talk,
      reason: 'agent',
      at: end,
    });
    return end;
  }

  /** A whole outbound call answered after 5 s and talked `talk` s. Returns its end. */
  outboundCall(agentId: string, number: string, at: number, talk: number): number {
    const agent = {
      ...this.channel(`PJSIP/${agentId}`, agentId, 6, at),
      exten: number,
      context: 'from-internal',
    };
    const customer = this.channel('PJSIP/trunk', number, 5, at, agent.linkedid);
    this.apply({ type: 'channel-created', channel: agent, at });
    this.apply({ type: 'channel-created', channel: customer, at });
    this.apply({
      type: 'dial-begin',
      caller: agent,
      dest: customer,
      dialString: `trunk/${number}`,
      at,
    });
    const answered = at + 5000;
    const up = { ...customer, state: 6 };
    this.apply({ type: 'dial-end', caller: agent, dest: up, status: 'ANSWER', at: answered });
    return this.talk(up, agent, answered, talk);
  }

  apply(event: TelephonyEvent): void {
    this.core.apply(event);
  }

  private talk(
    customer: ChannelSnapshot,
    agent: ChannelSnapshot,
    answered: number,
    seconds: number,
  ): number {
    const bridgeId = `bridge-${++this.bridges}`;
    this.apply({ type: 'bridge-enter', bridgeId, channel: customer, at: answered });
    this.apply({ type: 'bridge-enter', bridgeId, channel: agent, at: answered });
    const end = answered + seconds * 1000;
    this.apply({ type: 'bridge-leave', bridgeId, channel: agent, at: end });
    this.apply({ type: 'bridge-leave', bridgeId, channel: customer, at: end });
    this.apply({ type: 'channel-hungup', channel: agent, cause: 16, at: end });
    this.apply({ type: 'channel-hungup', channel: customer, cause: 16, at: end });
    return end;
  }

  private member(agentId: string, paused: boolean, reason: string, at: number): void {
    this.apply({
      type: 'member-updated',
      member: {
        queue: 'support',
        interface: `PJSIP/${agentId}`,
        memberName: agentId,
        stateInterface: `PJSIP/${agentId}`,
        status: 1,
        paused,
        pausedReason: reason,
        inCall: false,
        lastCall: 0,
        lastPause: paused ? Math.floor(at / 1000) : 0,
        loginTime: Math.floor(at / 1000),
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
    at: number,
    linkedid?: string,
  ): ChannelSnapshot {
    const n = ++this.n;
    const uniqueid = `${Math.floor(at / 1000)}.${n}`;
    return {
      uniqueid,
      linkedid: linkedid ?? uniqueid,
      channel: `${device}-${n.toString(16).padStart(8, '0')}`,
      state,
      callerNum,
      callerName: '',
      context: 'from-pstn',
      exten: 's',
    };
  }
}

const MIN = 60_000;

/** Yesterday's and today's calls; the core's clock ends at 11:00 today with a caller waiting. */
export function playTwoDays(script: CallScript): void {
  let t = YESTERDAY_10H;
  for (const a of ['7001', '7002', '7003']) script.login(a, t);
  t = script.queueCall('7001', '13812345678', t + MIN, 5, 60);
  t = script.queueCall('7002', '13700001111', t + MIN, 8, 10);
  t = script.outboundCall('7003', '13987654321', t + MIN, 45);
  script.pause('7001', 'lunch', t + MIN);
  script.unpause('7001', t + 11 * MIN);
  for (const a of ['7001', '7002', '7003']) script.logout(a, t + 8 * 60 * MIN);

  t = TODAY_10H;
  for (const a of ['7001', '7002', '7003']) script.login(a, t);
  t = script.queueCall('7001', '13812345678', t + MIN, 4, 40);
  t = script.outboundCall('7001', '15011112222', t + MIN, 35);
  t = script.queueCall('7003', '13600002222', t + MIN, 30, 50);
  script.pause('7002', 'break', t + MIN);
  script.joins('13900009999', TODAY_10H + 55 * MIN);
  script.core.advanceTo(TODAY_10H + 60 * MIN);
}
