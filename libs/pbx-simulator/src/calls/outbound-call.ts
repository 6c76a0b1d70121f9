import { type Channel, type LocalPair } from '../pbx/model';
import { type Pbx } from '../pbx/pbx';
import { snapshot } from '../pbx/snapshot';
import { type OutboundCallState, type OutboundPlan } from './outbound-state';
import { hangupAnsweredOutbound, hangupUnansweredOutbound } from './outbound-teardown';

/** Seconds the agent's own handset rings before it answers (`agent_phone_ring_s`). */
const HANDSET_RING_SEC = 1;

/**
 * Click-to-dial as in the captures: Originate of `Local/<ext>@agent-phone/n` (the handset rings
 * 1 s, answers), then `Dial(Local/<num>@customers/n)` from the agent leg, with ANSWER, NOANSWER
 * (dial timeout), BUSY or CONGESTION. No wrap-up follows an outbound call.
 */
export function placeOutboundCall(pbx: Pbx, plan: OutboundPlan): void {
  const { agent } = plan;
  const me = { num: agent.ext, name: agent.name };
  const phone = pbx.channels.createLocalPair({
    exten: agent.ext,
    context: 'agent-phone',
    oneCallerId: me,
    oneConnected: me,
    twoCallerId: me,
    twoConnected: me,
    oneConnectedLater: false,
  });
  const s: OutboundCallState = { pbx, plan, phone };
  pbx.events.emit('DialBegin', 'call', [
    ...snapshot(phone.one, 'Dest'),
    ['DialString', `${agent.ext}@agent-phone/n`],
  ]);
  pbx.setAgentPhone(agent, 'RINGING');
  pbx.channels.setState(phone.one, 5);
  pbx.events.emit('DialState', 'call', [...snapshot(phone.one, 'Dest'), ['DialStatus', 'RINGING']]);
  Object.assign(phone.two, { application: 'Wait', appData: '1' });
  pbx.counters.outboundPlaced += 1;
  pbx.sched.after(HANDSET_RING_SEC, () => dialCustomer(s));
}

function dialCustomer(s: OutboundCallState): void {
  const { pbx, plan, phone } = s;
  const ch = pbx.channels;
  phone.two.priority = 5;
  ch.setState(phone.two, 6, false);
  ch.setState(phone.one, 6, false);
  pbx.events.emit('DialEnd', 'call', [...snapshot(phone.one, 'Dest'), ['DialStatus', 'ANSWER']]);
  pbx.devices.publish(phone.one.device, 'INUSE');
  pbx.devices.publish(phone.two.device, 'INUSE');
  pbx.events.emit('OriginateResponse', 'call', [
    ['ActionID', plan.actionId],
    ['Response', 'Success'],
    ['Channel', phone.one.name],
    ['Context', 'outbound'],
    ['Exten', plan.number],
    ['Reason', '4'],
    ['Uniqueid', phone.one.uniqueid],
    ['CallerIDNum', plan.agent.ext],
    ['CallerIDName', plan.agent.name],
  ]);
  const record = `U(record-on-answer^${phone.one.uniqueid}^${plan.recorded ? 'yes' : 'no'})`;
  Object.assign(phone.one, {
    context: 'outbound',
    exten: plan.number,
    application: 'Dial',
    appData: `Local/${plan.number}@customers/n,${plan.dialTimeoutSec},${record}`,
  });
  Object.assign(phone.two, { priority: 9, appData: '600' });
  const me = { num: plan.agent.ext, name: plan.agent.name };
  const customer = ch.createLocalPair({
    exten: plan.number,
    context: 'customers',
    linkedid: phone.one.linkedid,
    oneCallerId: { num: plan.number, name: plan.agent.name },
    oneConnected: me,
    twoCallerId: me,
    twoConnected: { num: plan.number, name: plan.agent.name },
    oneConnectedLater: false,
  });
  s.customer = customer;
  dialEvent(pbx, 'DialBegin', phone.one, customer.one, [
    'DialString',
    `${plan.number}@customers/n`,
  ]);
  const rings = plan.outcome === 'answered' || plan.outcome === 'noanswer';
  if (rings) {
    ch.setState(customer.one, 5);
    dialEvent(pbx, 'DialState', phone.one, customer.one, ['DialStatus', 'RINGING']);
  }
  Object.assign(customer.two, {
    application: 'Wait',
    appData: rings ? '600' : String(plan.customerRingSec),
  });
  pbx.sched.after(0.02, () => {
    if (ch.isLive(phone.two)) pbx.setAgentPhone(plan.agent, 'INUSE');
  });
  if (plan.outcome === 'answered' && plan.customerRingSec < plan.dialTimeoutSec) {
    pbx.sched.after(plan.customerRingSec, () => customerAnswers(s));
  } else if (rings) {
    pbx.sched.after(plan.dialTimeoutSec, () => hangupUnansweredOutbound(s, 'NOANSWER'));
  } else {
    pbx.sched.after(plan.customerRingSec, () =>
      hangupUnansweredOutbound(s, plan.outcome === 'busy' ? 'BUSY' : 'CONGESTION'),
    );
  }
}

function customerAnswers(s: OutboundCallState): void {
  const { pbx, plan, phone } = s;
  const customer = s.customer as LocalPair;
  const ch = pbx.channels;
  customer.two.priority = 6;
  ch.setState(customer.two, 6, false);
  ch.setState(customer.one, 6, false);
  pbx.devices.publish(customer.one.device, 'INUSE');
  pbx.devices.publish(customer.two.device, 'INUSE');
  if (plan.recorded)
    ch.emit('MixMonitorStart', { ...customer.one, context: 'record-on-answer', exten: 's' });
  dialEvent(pbx, 'DialEnd', phone.one, customer.one, ['DialStatus', 'ANSWER']);
  s.customerAnswerUs = pbx.nowUs();
  const bridgeId = pbx.bridges.create();
  s.bridgeId = bridgeId;
  customer.one.exten = '';
  pbx.bridges.enter(bridgeId, customer.one);
  pbx.bridges.enter(bridgeId, phone.one);
  pbx.counters.outboundAnswered += 1;
  pbx.sched.after(plan.talkSec, () => hangupAnsweredOutbound(s));
}

function dialEvent(
  pbx: Pbx,
  name: string,
  caller: Channel,
  dest: Channel,
  last: [string, string],
): void {
  pbx.events.emit(name, 'call', [...snapshot(caller), ...snapshot(dest, 'Dest'), last]);
}
