import { type QueueSpec } from '../options';
import { type Channel } from './model';

/** A dynamic queue member as app_queue keeps it. */
export interface Member {
  queue: string;
  name: string;
  iface: string;
  stateInterface: string;
  penalty: number;
  loginTimeSec: number;
  lastPauseSec: number;
  paused: boolean;
  pausedReason: string;
  /** 1 while a queue call of *this* queue is connected to the member. */
  inCall: 0 | 1;
  /** The `Status` value last published for this member. */
  status: number;
}

/** CallsTaken / LastCall are per interface, shared by all queues (`shared_lastcall = yes`). */
export interface InterfaceTotals {
  callsTaken: number;
  lastCallSec: number;
}

/** A caller waiting in a queue (a `QueueEntry`). */
export interface QueueEntry {
  channel: Channel;
  joinUs: number;
  /** Agents are being rung for this caller right now. */
  ringing: boolean;
}

export interface QueueStats {
  completed: number;
  abandoned: number;
  completedInServiceLevel: number;
  abandonedInServiceLevel: number;
  /** Exponential averages as app_queue keeps them: (3 * old + new) / 4. */
  holdtimeAvg: number;
  talktimeAvg: number;
}

export interface QueueState {
  spec: QueueSpec;
  members: Map<string, Member>;
  entries: QueueEntry[];
  stats: QueueStats;
  /** rrmemory: index of the member rung last. */
  rrCursor: number;
}

export function newQueueState(spec: QueueSpec): QueueState {
  return {
    spec,
    members: new Map(),
    entries: [],
    stats: {
      completed: 0,
      abandoned: 0,
      completedInServiceLevel: 0,
      abandonedInServiceLevel: 0,
      holdtimeAvg: 0,
      talktimeAvg: 0,
    },
    rrCursor: -1,
  };
}

/** app_queue's rolling average (integer arithmetic, as `recalc_holdtime`). */
export function rollingAverage(old: number, sample: number): number {
  return Math.floor((3 * old + sample) / 4);
}

/** `57.1`, `0.0`, `100.0`: the `%2.1f` of ServicelevelPerf. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? ((part * 100) / whole).toFixed(1) : '0.0';
}
