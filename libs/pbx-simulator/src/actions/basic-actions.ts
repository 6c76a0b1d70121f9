import { formatEpochMicros } from '../ami/frame';
import { type ActionRoute } from './action-context';

export const pingAction: ActionRoute = {
  writeClasses: [],
  handle: ({ pbx, reply }) =>
    reply.response('Success', undefined, [
      ['Ping', 'Pong'],
      ['Timestamp', formatEpochMicros(pbx.nowUs())],
    ]),
};

/** CoreSettings, as Asterisk 22.10.1 of the captures answers it. */
export const coreSettingsAction: ActionRoute = {
  writeClasses: ['system', 'reporting'],
  handle: ({ reply }) =>
    reply.response('Success', undefined, [
      ['AMIversion', '11.0.0'],
      ['AsteriskVersion', '22.10.1'],
      ['SystemName', ''],
      ['CoreMaxCalls', '0'],
      ['CoreMaxLoadAvg', '0.000000'],
      ['CoreRunUser', ''],
      ['CoreRunGroup', ''],
      ['CoreMaxFilehandles', '0'],
      ['CoreRealTimeEnabled', 'No'],
      ['CoreCDRenabled', 'Yes'],
      ['CoreHTTPenabled', 'No'],
      ['SoundsSearchCustomDir', 'No'],
    ]),
};
