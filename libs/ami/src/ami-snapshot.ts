import { AmiError } from './ami-error';
import type { AmiMessage } from './ami-message';
import type { AmiActionParams } from './action-frame';
import type { AmiListResult } from './pending-actions';

export interface AmiSnapshot {
  /** QueueParams, QueueMember, QueueEntry items. */
  readonly queueStatus: AmiMessage[];
  /** CoreShowChannel items. */
  readonly channels: AmiMessage[];
  /** DeviceStateChange items; [] when DeviceStateList was refused. */
  readonly devices: AmiMessage[];
  /**
   * Clock time before the first list was requested. Live events received at or after it
   * may describe changes the snapshot missed: re-apply them (idempotently) on top.
   */
  readonly takenAt: number;
  /** Non-fatal problems, e.g. DeviceStateList refused for lack of permission. */
  readonly warnings: string[];
}

/** What fetchSnapshot needs from AmiConnection. */
export interface AmiSnapshotSource {
  list(name: string, params?: AmiActionParams): Promise<AmiListResult>;
  now(): number;
}

/**
 * The reconnect snapshot: sequential list actions (one session processes actions one by one
 * anyway, and a failure should stop the rest). QueueStatus and CoreShowChannels are required;
 * DeviceStateList needs `call`/`reporting` rights and is optional.
 */
export async function fetchSnapshot(conn: AmiSnapshotSource): Promise<AmiSnapshot> {
  const takenAt = conn.now();
  const queueStatus = (await conn.list('QueueStatus')).items;
  const channels = (await conn.list('CoreShowChannels')).items;
  const warnings: string[] = [];
  let devices: AmiMessage[] = [];
  try {
    devices = (await conn.list('DeviceStateList')).items;
  } catch (error) {
    if (!(error instanceof AmiError && error.code === 'action-failed')) throw error;
    warnings.push(`device states unavailable, continuing without them: ${error.message}`);
  }
  return { queueStatus, channels, devices, takenAt, warnings };
}
