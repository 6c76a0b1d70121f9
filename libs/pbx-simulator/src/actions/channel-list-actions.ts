import { type Channel } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { formatDuration, snapshot } from '../pbx/snapshot';
import { type ActionRoute } from './action-context';

function ageSec(pbx: Pbx, ch: Channel): number {
  return Math.floor((pbx.nowUs() - ch.createdUs) / 1e6);
}

/** CoreShowChannels: ActionID first, `BridgeId` (lower-case d), `Duration` HH:MM:SS. */
export const coreShowChannelsAction: ActionRoute = {
  writeClasses: ['system', 'reporting'],
  handle: ({ pbx, reply }) => {
    const channels = [...pbx.channels.live.values()];
    reply.listStart('Channels will follow');
    for (const ch of channels) {
      reply.listItem(
        'CoreShowChannel',
        [
          ...snapshot(ch),
          ['Application', ch.application],
          ['ApplicationData', ch.appData],
          ['Duration', formatDuration(ageSec(pbx, ch))],
          ['BridgeId', ch.bridgeId],
        ],
        true,
      );
    }
    reply.listComplete('CoreShowChannelsComplete', channels.length);
  },
};

/** Status: `Privilege: Call`, `BridgeID`, `Seconds`, optional `Channel` filter. */
export const statusAction: ActionRoute = {
  writeClasses: ['system', 'call', 'reporting'],
  handle: ({ pbx, frame, reply }) => {
    const wanted = frame.get('Channel');
    const channels = [...pbx.channels.live.values()].filter((ch) => !wanted || ch.name === wanted);
    if (wanted && channels.length === 0) {
      reply.error('No such channel');
      return;
    }
    reply.listStart('Channel status will follow');
    for (const ch of channels) {
      reply.listItem(
        'Status',
        [
          ...snapshot(ch),
          ['Type', 'Local'],
          ['DNID', ''],
          ['EffectiveConnectedLineNum', ch.connectedNum],
          ['EffectiveConnectedLineName', ch.connectedName],
          ['TimeToHangup', '0'],
          ['BridgeID', ch.bridgeId],
          ['Application', ch.application],
          ['Data', ch.appData],
          ['Nativeformats', '(slin)'],
          ['Readformat', 'slin'],
          ['Readtrans', ''],
          ['Writeformat', 'slin'],
          ['Writetrans', ''],
          ['Callgroup', '0'],
          ['Pickupgroup', '0'],
          ['Seconds', String(ageSec(pbx, ch))],
        ],
        false,
        [['Privilege', 'Call']],
      );
    }
    reply.listComplete('StatusComplete', channels.length, [['Items', String(channels.length)]]);
  },
};

/** DeviceStateList: one DeviceStateChange item per known device (Custom:, Queue:, Local/). */
export const deviceStateListAction: ActionRoute = {
  writeClasses: ['call', 'reporting'],
  handle: ({ pbx, reply }) => {
    const devices = pbx.devices.entries();
    reply.listStart('Device State Changes will follow');
    for (const [device, state] of devices) {
      reply.listItem(
        'DeviceStateChange',
        [
          ['Device', device],
          ['State', state],
        ],
        true,
      );
    }
    reply.listComplete('DeviceStateListComplete', devices.length);
  },
};
