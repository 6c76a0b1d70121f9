import {
  type ChannelSnapshot,
  type DialStatus,
  type PbxSnapshot,
  type QueueMemberFacts,
  type TelephonyEvent,
} from '@cti/domain';
import { type AmiMessage, timestampMs } from './ami-message';

type Fields = Readonly<Record<string, string>>;
type Mapper = (f: Fields, at: number) => TelephonyEvent | undefined;

const DIAL_STATUSES = new Set([
  'ANSWER',
  'BUSY',
  'NOANSWER',
  'CANCEL',
  'CONGESTION',
  'CHANUNAVAIL',
  'ABORT',
]);

const memberUpdated: Mapper = (f, at) => ({ type: 'member-updated', at, member: memberFacts(f) });

/** AMI event name → the telephony fact it carries. Events not listed here do not matter to the core. */
const ROUTES: Readonly<Record<string, Mapper>> = {
  Newchannel: (f, at) => ({ type: 'channel-created', at, channel: channelOf(f, '') }),
  Newstate: (f, at) => ({ type: 'channel-state', at, channel: channelOf(f, '') }),
  Rename: (f, at) => ({
    type: 'channel-renamed',
    at,
    uniqueid: f.uniqueid ?? '',
    newName: f.newname ?? '',
  }),
  HangupRequest: (f, at) => ({ type: 'hangup-requested', at, uniqueid: f.uniqueid ?? '' }),
  SoftHangupRequest: (f, at) => ({ type: 'hangup-requested', at, uniqueid: f.uniqueid ?? '' }),
  Hangup: (f, at) => ({
    type: 'channel-hungup',
    at,
    channel: channelOf(f, ''),
    cause: int(f.cause),
  }),
  DialBegin: (f, at) => ({
    type: 'dial-begin',
    at,
    caller: f.uniqueid ? channelOf(f, '') : undefined,
    dest: channelOf(f, 'dest'),
    dialString: f.dialstring ?? '',
  }),
  DialEnd: (f, at) => ({
    type: 'dial-end',
    at,
    caller: f.uniqueid ? channelOf(f, '') : undefined,
    dest: channelOf(f, 'dest'),
    status: dialStatus(f.dialstatus),
  }),
  BridgeEnter: (f, at) => ({
    type: 'bridge-enter',
    at,
    bridgeId: f.bridgeuniqueid ?? '',
    channel: channelOf(f, ''),
    swapUniqueid: f.swapuniqueid || undefined,
  }),
  BridgeLeave: (f, at) => ({
    type: 'bridge-leave',
    at,
    bridgeId: f.bridgeuniqueid ?? '',
    channel: channelOf(f, ''),
  }),
  LocalBridge: (f, at) => ({
    type: 'local-bridge',
    at,
    one: f.localoneuniqueid ?? '',
    two: f.localtwouniqueid ?? '',
  }),
  Hold: (f, at) => ({ type: 'hold', at, uniqueid: f.uniqueid ?? '' }),
  Unhold: (f, at) => ({ type: 'unhold', at, uniqueid: f.uniqueid ?? '' }),
  QueueMemberAdded: memberUpdated,
  QueueMemberStatus: memberUpdated,
  QueueMemberPause: memberUpdated,
  QueueMemberPenalty: memberUpdated,
  QueueMemberRinginuse: memberUpdated,
  QueueMemberRemoved: (f, at) => ({
    type: 'member-removed',
    at,
    queue: f.queue ?? '',
    interface: f.interface ?? '',
  }),
  QueueCallerJoin: (f, at) => ({
    type: 'caller-joined',
    at,
    queue: f.queue ?? '',
    caller: channelOf(f, ''),
  }),
  QueueCallerLeave: (f, at) => ({
    type: 'caller-left',
    at,
    queue: f.queue ?? '',
    uniqueid: f.uniqueid ?? '',
  }),
  QueueCallerAbandon: (f, at) => ({
    type: 'caller-abandoned',
    at,
    queue: f.queue ?? '',
    uniqueid: f.uniqueid ?? '',
    holdSeconds: int(f.holdtime),
  }),
  AgentCalled: (f, at) => ({
    type: 'agent-called',
    at,
    queue: f.queue ?? '',
    interface: f.interface ?? '',
    callerUniqueid: f.uniqueid ?? '',
    destUniqueid: f.destuniqueid ?? '',
  }),
  AgentRingNoAnswer: (f, at) => ({
    type: 'agent-ring-no-answer',
    at,
    queue: f.queue ?? '',
    interface: f.interface ?? '',
    callerUniqueid: f.uniqueid ?? '',
    destUniqueid: f.destuniqueid ?? '',
    ringMs: int(f.ringtime),
  }),
  AgentConnect: (f, at) => ({
    type: 'agent-connected',
    at,
    queue: f.queue ?? '',
    interface: f.interface ?? '',
    caller: channelOf(f, ''),
    destUniqueid: f.destuniqueid ?? '',
    holdSeconds: int(f.holdtime),
  }),
  AgentComplete: (f, at) => ({
    type: 'agent-completed',
    at,
    queue: f.queue ?? '',
    interface: f.interface ?? '',
    callerUniqueid: f.uniqueid || undefined,
    talkSeconds: int(f.talktime),
    reason: f.reason ?? '',
  }),
  MixMonitorStart: (f, at) => ({ type: 'recording-started', at, uniqueid: f.uniqueid ?? '' }),
  MixMonitorStop: (f, at) => ({ type: 'recording-stopped', at, uniqueid: f.uniqueid ?? '' }),
  BlindTransfer: (f, at) => ({
    type: 'transfer',
    at,
    kind: 'blind',
    transfererUniqueid: f.transfereruniqueid ?? '',
    success: f.result === 'Success',
  }),
  AttendedTransfer: (f, at) => ({
    type: 'transfer',
    at,
    kind: 'attended',
    transfererUniqueid: f.origtransfereruniqueid ?? '',
    success: f.result === 'Success',
  }),
  DeviceStateChange: (f, at) => ({
    type: 'device-state',
    at,
    device: f.device ?? '',
    state: f.state ?? '',
  }),
  FullyBooted: (f, at) => ({ type: 'pbx-booted', at, uptimeSeconds: int(f.uptime) }),
  Shutdown: (_f, at) => ({ type: 'pbx-shutdown', at }),
};

/** The telephony fact in an AMI event, or undefined for events the core has no use for. */
export function toTelephonyEvent(msg: AmiMessage): TelephonyEvent | undefined {
  const route = ROUTES[msg.name];
  return route ? route(msg.fields, timestampMs(msg) ?? msg.receivedAt) : undefined;
}

export function isKnownEvent(name: string): boolean {
  return name in ROUTES;
}

/** QueueStatus, CoreShowChannels (and their rows' own spelling) → the core's snapshot. */
export function toPbxSnapshot(
  lists: { queueStatus: readonly AmiMessage[]; channels: readonly AmiMessage[] },
  at: number,
  linkDownAt?: number,
): PbxSnapshot {
  const members: QueueMemberFacts[] = [];
  const waiting: { queue: string; uniqueid: string; waitSeconds: number }[] = [];
  const completions: { queue: string; completed: number }[] = [];
  for (const row of lists.queueStatus) {
    if (row.name === 'QueueMember') members.push(memberFacts(row.fields));
    else if (row.name === 'QueueParams')
      completions.push({ queue: row.fields.queue ?? '', completed: int(row.fields.completed) });
    else if (row.name === 'QueueEntry') {
      waiting.push({
        queue: row.fields.queue ?? '',
        uniqueid: row.fields.uniqueid ?? '',
        waitSeconds: int(row.fields.wait),
      });
    }
  }
  const channels = lists.channels
    .filter((row) => row.name === 'CoreShowChannel')
    .map((row) => ({
      channel: channelOf(row.fields, ''),
      bridgeId: row.fields.bridgeid || undefined,
      ageSeconds: hms(row.fields.duration),
      queue:
        row.fields.application === 'Queue'
          ? row.fields.applicationdata?.split(',')[0] || undefined
          : undefined,
    }));
  return { at, linkDownAt, members, channels, waiting, completions };
}

/** Snapshot header names per prefix, built once: this runs for most events. */
function snapshotKeys(prefix: string) {
  return {
    uniqueid: `${prefix}uniqueid`,
    linkedid: `${prefix}linkedid`,
    channel: `${prefix}channel`,
    state: `${prefix}channelstate`,
    callerNum: `${prefix}calleridnum`,
    callerName: `${prefix}calleridname`,
    context: `${prefix}context`,
    exten: `${prefix}exten`,
  };
}
const SNAPSHOT_KEYS = { '': snapshotKeys(''), dest: snapshotKeys('dest') };

function channelOf(f: Fields, prefix: '' | 'dest'): ChannelSnapshot {
  const k = SNAPSHOT_KEYS[prefix];
  return {
    uniqueid: f[k.uniqueid] ?? '',
    linkedid: f[k.linkedid] ?? '',
    channel: f[k.channel] ?? '',
    state: int(f[k.state]),
    callerNum: known(f[k.callerNum]),
    callerName: unescapeC(known(f[k.callerName])),
    context: f[k.context] ?? '',
    exten: f[k.exten] ?? '',
  };
}

/** Member events say MemberName/Interface; QueueStatus rows say Name/Location. */
function memberFacts(f: Fields): QueueMemberFacts {
  return {
    queue: f.queue ?? '',
    interface: f.interface ?? f.location ?? '',
    memberName: unescapeC(f.membername ?? f.name ?? ''),
    stateInterface: f.stateinterface ?? '',
    status: int(f.status),
    paused: f.paused === '1' || f.paused?.toLowerCase() === 'true',
    pausedReason: f.pausedreason ?? '',
    inCall: f.incall === '1',
    lastCall: int(f.lastcall),
    lastPause: int(f.lastpause),
    loginTime: int(f.logintime),
    wrapupTime: int(f.wrapuptime),
    callsTaken: int(f.callstaken),
  };
}

function dialStatus(value: string | undefined): DialStatus {
  return value && DIAL_STATUSES.has(value) ? (value as DialStatus) : 'OTHER';
}

function int(value: string | undefined): number {
  const n = value ? parseInt(value, 10) : 0;
  return Number.isFinite(n) ? n : 0;
}

/** Asterisk writes unknown caller ids as the literal '<unknown>'. */
function known(value: string | undefined): string {
  return !value || value === '<unknown>' ? '' : value;
}

/** 'HH:MM:SS' → seconds. */
function hms(value: string | undefined): number {
  if (!value) return 0;
  return value.split(':').reduce((total, part) => total * 60 + int(part), 0);
}

const C_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Asterisk C-escapes caller names (O\'Brien); show them as the caller wrote them. */
function unescapeC(value: string): string {
  return value.includes('\\')
    ? value.replace(/\\(.)/g, (_m, c: string) => C_ESCAPES[c] ?? c)
    : value;
}
