import { type Fields } from '../ami/frame';
import { type QueueSpec } from '../options';
import { type DeviceRegistry } from './devices';
import { type EventSink } from './event-sink';
import { DEVICE_STATE_CODE } from './model';
import { type InterfaceTotals, type Member, newQueueState, type QueueState } from './queue-model';

export interface AddMemberRequest {
  iface: string;
  name: string;
  stateInterface: string;
  penalty: number;
  paused: boolean;
  reason: string;
}

/**
 * Queues and their dynamic members, publishing the member events exactly as app_queue does:
 * one event per (queue, member), `QueueMemberStatus` only when the status value changes, and the
 * `Queue:<q>_avail` / `Queue:<q>_pause_<iface>` pseudo devices.
 */
export class QueueRegistry {
  readonly queues = new Map<string, QueueState>();
  private readonly totals = new Map<string, InterfaceTotals>();

  constructor(
    specs: readonly QueueSpec[],
    private readonly events: EventSink,
    private readonly devices: DeviceRegistry,
    private readonly nowSec: () => number,
  ) {
    for (const spec of specs) {
      this.queues.set(spec.name, newQueueState(spec));
      devices.seed(`Queue:${spec.name}_avail`, 'INUSE');
      devices.seed(`Queue:${spec.name}`, 'NOT_INUSE');
    }
  }

  get(name: string): QueueState | undefined {
    return this.queues.get(name);
  }

  totalsOf(iface: string): InterfaceTotals {
    let t = this.totals.get(iface);
    if (!t) {
      t = { callsTaken: 0, lastCallSec: 0 };
      this.totals.set(iface, t);
    }
    return t;
  }

  /** The queues (in configuration order) this interface is a member of. */
  membershipsOf(iface: string): Member[] {
    const found: Member[] = [];
    for (const q of this.queues.values()) {
      const m = q.members.get(iface);
      if (m) found.push(m);
    }
    return found;
  }

  addMember(queueName: string, req: AddMemberRequest): 'ok' | 'no-queue' | 'exists' {
    const q = this.queues.get(queueName);
    if (!q) return 'no-queue';
    if (q.members.has(req.iface)) return 'exists';
    const now = this.nowSec();
    const member: Member = {
      queue: queueName,
      name: req.name || req.iface,
      iface: req.iface,
      stateInterface: req.stateInterface || req.iface,
      penalty: req.penalty,
      loginTimeSec: now,
      lastPauseSec: req.paused ? now : 0,
      paused: req.paused,
      pausedReason: req.paused ? req.reason : '',
      inCall: 0,
      status: this.statusOf(req.stateInterface || req.iface),
    };
    q.members.set(req.iface, member);
    this.devices.change(pauseDevice(member), member.paused ? 'INUSE' : 'NOT_INUSE');
    this.events.emit('QueueMemberAdded', 'agent', this.memberBlob(member));
    this.updateAvailability(q);
    return 'ok';
  }

  removeMember(queueName: string, iface: string): 'ok' | 'no-queue' | 'not-there' {
    const q = this.queues.get(queueName);
    if (!q) return 'no-queue';
    const member = q.members.get(iface);
    if (!member) return 'not-there';
    q.members.delete(iface);
    this.events.emit('QueueMemberRemoved', 'agent', this.memberBlob(member));
    this.updateAvailability(q);
    return 'ok';
  }

  /** QueuePause: without a queue, every queue of the interface (one event each). */
  setPaused(iface: string, paused: boolean, reason: string, queueName?: string): number {
    const members = this.membershipsOf(iface).filter((m) => !queueName || m.queue === queueName);
    const now = this.nowSec();
    for (const m of members) {
      const q = this.queues.get(m.queue) as QueueState;
      m.paused = paused;
      m.pausedReason = paused ? reason : '';
      if (paused) m.lastPauseSec = now;
      this.devices.change(pauseDevice(m), paused ? 'INUSE' : 'NOT_INUSE');
      if (paused) {
        this.events.emit('QueueMemberPause', 'agent', this.memberBlob(m));
        this.updateAvailability(q);
      } else {
        this.updateAvailability(q);
        this.events.emit('QueueMemberPause', 'agent', this.memberBlob(m));
      }
    }
    return members.length;
  }

  /** A state interface changed: republish the members whose Status value moved. */
  onDeviceChange(stateInterface: string): void {
    const status = this.statusOf(stateInterface);
    for (const q of this.queues.values()) {
      for (const m of q.members.values()) {
        if (m.stateInterface !== stateInterface || m.status === status) continue;
        m.status = status;
        this.events.emit('QueueMemberStatus', 'agent', this.memberBlob(m));
        this.updateAvailability(q);
      }
    }
  }

  setInCall(queueName: string, iface: string, inCall: 0 | 1): void {
    const m = this.queues.get(queueName)?.members.get(iface);
    if (m) m.inCall = inCall;
  }

  /** `update_queue`: the member finished a queue call (call it before its device goes idle). */
  completeCall(queueName: string, iface: string): void {
    const t = this.totalsOf(iface);
    t.callsTaken += 1;
    t.lastCallSec = this.nowSec();
    this.setInCall(queueName, iface, 0);
  }

  /** May the queue ring this member now? (ringinuse = no, wrap-up shared by all queues.) */
  isRingable(q: QueueState, m: Member): boolean {
    if (m.paused || !(m.status === 0 || m.status === 1)) return false;
    const lastCall = this.totalsOf(m.iface).lastCallSec;
    return lastCall === 0 || this.nowSec() - lastCall >= q.spec.wrapupSec;
  }

  statusOf(stateInterface: string): number {
    const known = stateInterface.startsWith('Custom:') || stateInterface.startsWith('Local/');
    const state = this.devices.get(stateInterface);
    return known || state !== 'UNKNOWN' ? DEVICE_STATE_CODE[state] : DEVICE_STATE_CODE.INVALID;
  }

  /** The member blob shared by QueueMemberAdded/Removed/Status/Pause. */
  memberBlob(m: Member): Fields {
    const t = this.totalsOf(m.iface);
    return [
      ['Queue', m.queue],
      ['MemberName', m.name],
      ['Interface', m.iface],
      ['StateInterface', m.stateInterface],
      ['Membership', 'dynamic'],
      ['Penalty', String(m.penalty)],
      ['CallsTaken', String(t.callsTaken)],
      ['LastCall', String(t.lastCallSec)],
      ['LastPause', String(m.lastPauseSec)],
      ['LoginTime', String(m.loginTimeSec)],
      ['InCall', String(m.inCall)],
      ['Status', String(m.status)],
      ['Paused', m.paused ? '1' : '0'],
      ['PausedReason', m.pausedReason],
      ['Ringinuse', '0'],
      ['Wrapuptime', '0'],
    ];
  }

  /** `Queue:<q>_avail`: NOT_INUSE while some member could take a call. */
  private updateAvailability(q: QueueState): void {
    let available = false;
    for (const m of q.members.values()) {
      if (!m.paused && (m.status === 0 || m.status === 1)) available = true;
    }
    this.devices.change(`Queue:${q.spec.name}_avail`, available ? 'NOT_INUSE' : 'INUSE');
  }
}

function pauseDevice(m: Member): string {
  return `Queue:${m.queue}_pause_${m.iface}`;
}
