import { type ActionRoute } from './action-context';
import { coreSettingsAction, pingAction } from './basic-actions';
import {
  coreShowChannelsAction,
  deviceStateListAction,
  statusAction,
} from './channel-list-actions';
import { queueAddAction, queuePauseAction, queueRemoveAction } from './member-actions';
import { originateAction } from './originate-action';
import { queueStatusAction, queueSummaryAction } from './queue-list-actions';

/** Actions by lower-cased name (AMI action names are case-insensitive). */
export const ACTION_ROUTES: ReadonlyMap<string, ActionRoute> = new Map([
  ['ping', pingAction],
  ['coresettings', coreSettingsAction],
  ['queuestatus', queueStatusAction],
  ['queuesummary', queueSummaryAction],
  ['coreshowchannels', coreShowChannelsAction],
  ['status', statusAction],
  ['devicestatelist', deviceStateListAction],
  ['queueadd', queueAddAction],
  ['queueremove', queueRemoveAction],
  ['queuepause', queuePauseAction],
  ['originate', originateAction],
]);
