/** Channel states as Asterisk numbers them (`ChannelState` / `ChannelStateDesc`). */
export type ChannelStateCode = 0 | 4 | 5 | 6 | 7;

export const CHANNEL_STATE_DESC: Record<ChannelStateCode, string> = {
  0: 'Down',
  4: 'Ring',
  5: 'Ringing',
  6: 'Up',
  7: 'Busy',
};

/** A live channel: exactly the snapshot fields Asterisk prints, plus what list actions need. */
export interface Channel {
  name: string;
  uniqueid: string;
  linkedid: string;
  state: ChannelStateCode;
  callerNum: string;
  callerName: string;
  connectedNum: string;
  connectedName: string;
  context: string;
  exten: string;
  priority: number;
  /** `Application` / `ApplicationData` in CoreShowChannel and Status. */
  application: string;
  appData: string;
  createdUs: number;
  /** `''` when not in a bridge. */
  bridgeId: string;
  /** Device-state name of a Local channel: `Local/<exten>@<context>`. */
  device: string;
}

/** A Local channel pair `;1` / `;2`. */
export interface LocalPair {
  one: Channel;
  two: Channel;
}

export type DeviceState =
  'UNKNOWN' | 'NOT_INUSE' | 'INUSE' | 'BUSY' | 'INVALID' | 'UNAVAILABLE' | 'RINGING';

/** The numeric `Status` of queue member events. */
export const DEVICE_STATE_CODE: Record<DeviceState, number> = {
  UNKNOWN: 0,
  NOT_INUSE: 1,
  INUSE: 2,
  BUSY: 3,
  INVALID: 4,
  UNAVAILABLE: 5,
  RINGING: 6,
};

/** A simulated agent: one extension, one Local member interface, one Custom device. */
export interface Agent {
  ext: string;
  name: string;
  iface: string;
  stateInterface: string;
}

export function agentInterface(ext: string): string {
  return `Local/${ext}@agents/n`;
}

export const UNKNOWN = '<unknown>';
