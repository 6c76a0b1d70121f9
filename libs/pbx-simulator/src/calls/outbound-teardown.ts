import { type CdrDisposition } from '../pbx/cdr';
import { type Channel, type LocalPair } from '../pbx/model';
import { snapshot } from '../pbx/snapshot';
import { type OutboundCallState } from './outbound-state';

type FailedDial = 'NOANSWER' | 'BUSY' | 'CONGESTION';

const FAILED: Record<FailedDial, { disposition: CdrDisposition; app: string; cause: number }> = {
  NOANSWER: { disposition: 'NO ANSWER', app: 'Wait', cause: 0 },
  BUSY: { disposition: 'BUSY', app: 'Busy', cause: 17 },
  CONGESTION: { disposition: 'CONGESTION', app: 'Congestion', cause: 34 },
};

/** The customer never answered: DialEnd with the failure, customer legs go, then the agent's. */
export function hangupUnansweredOutbound(s: OutboundCallState, status: FailedDial): void {
  const { pbx, phone } = s;
  const customer = s.customer as LocalPair;
  const ch = pbx.channels;
  const failure = FAILED[status];
  if (status !== 'NOANSWER') {
    customer.two.priority = 18;
    ch.setState(customer.two, 7, false);
  }
  pbx.events.emit('DialEnd', 'call', [
    ...snapshot(phone.one),
    ...snapshot(customer.one, 'Dest'),
    ['DialStatus', status],
  ]);
  ch.hangupRequest(customer.two, 0);
  writeCdr(
    s,
    customer.two,
    s.plan.number,
    'customers',
    failure.app,
    status === 'NOANSWER' ? '600' : '20',
    '',
    failure.disposition,
  );
  ch.hangup(customer.one, 0);
  ch.softHangupRequest(customer.two);
  ch.hangup(customer.two, failure.cause);
  phone.one.priority = 2;
  ch.softHangupRequest(phone.one);
  ch.hangupRequest(phone.two);
  writeCdr(
    s,
    phone.one,
    s.plan.number,
    'outbound',
    'Dial',
    phone.one.appData,
    customer.one.name,
    failure.disposition,
  );
  ch.hangup(phone.one);
  pbx.devices.publish(customer.one.device, 'NOT_INUSE');
  pbx.devices.publish(customer.two.device, 'NOT_INUSE');
  pbx.devices.publish(phone.one.device, 'NOT_INUSE');
  endHandset(s);
}

/** An answered click-to-dial call ends: by the agent's handset or by the customer. */
export function hangupAnsweredOutbound(s: OutboundCallState): void {
  const { pbx, phone, plan } = s;
  const customer = s.customer as LocalPair;
  const ch = pbx.channels;
  // The recording started when the customer answered; its file is named after the agent leg.
  if (plan.recorded)
    pbx.recordings.record(
      `${phone.one.uniqueid}.wav`,
      (pbx.nowUs() - (s.customerAnswerUs as number)) / 1e6,
    );
  const dialCdr = (): void =>
    writeCdr(
      s,
      phone.one,
      s.plan.number,
      'outbound',
      'Dial',
      phone.one.appData,
      customer.one.name,
      'ANSWERED',
    );
  if (plan.hangupBy === 'agent') {
    phone.two.priority = 19;
    ch.softHangupRequest(phone.two);
    pbx.setAgentPhone(plan.agent, 'NOT_INUSE');
    ch.hangupRequest(phone.one);
    writeCdr(s, phone.two, plan.agent.ext, 'agent-phone', 'Return', '', '', 'ANSWERED');
    ch.hangup(phone.two);
    pbx.devices.publish(phone.two.device, 'NOT_INUSE');
    pbx.bridges.leave(phone.one);
    ch.softHangupRequest(phone.one);
    ch.hangup(phone.one);
    pbx.bridges.leave(customer.one);
    ch.hangupRequest(customer.two);
    dialCdr();
    writeCdr(s, customer.two, s.plan.number, 'customers', 'Wait', '600', '', 'ANSWERED');
    pbx.bridges.destroyIfEmpty(s.bridgeId as string);
    ch.softHangupRequest(customer.two);
    ch.hangup(customer.two);
    ch.hangup(customer.one);
  } else {
    customer.two.priority = 10;
    ch.softHangupRequest(customer.two);
    ch.hangupRequest(customer.one);
    writeCdr(s, customer.two, s.plan.number, 'customers', 'Hangup', '', '', 'ANSWERED');
    ch.hangup(customer.two);
    pbx.bridges.leave(customer.one);
    ch.hangup(customer.one);
    pbx.bridges.leave(phone.one);
    pbx.bridges.destroyIfEmpty(s.bridgeId as string);
    phone.one.priority = 2;
    ch.softHangupRequest(phone.one);
    ch.hangupRequest(phone.two);
    dialCdr();
    ch.hangup(phone.one);
    endHandset(s);
  }
  pbx.devices.publish(customer.one.device, 'NOT_INUSE');
  pbx.devices.publish(customer.two.device, 'NOT_INUSE');
  pbx.devices.publish(phone.one.device, 'NOT_INUSE');
}

/** The handset's `;2`: hangup handler sets the phone NOT_INUSE, CDR, Hangup. */
function endHandset(s: OutboundCallState): void {
  const { pbx, phone, plan } = s;
  pbx.channels.softHangupRequest(phone.two);
  pbx.setAgentPhone(plan.agent, 'NOT_INUSE');
  pbx.channels.hangup(phone.two);
  pbx.devices.publish(phone.two.device, 'NOT_INUSE');
  writeCdr(s, phone.two, plan.agent.ext, 'agent-phone', 'Return', '', '', 'ANSWERED');
}

function writeCdr(
  s: OutboundCallState,
  channel: Channel,
  destination: string,
  context: string,
  app: string,
  data: string,
  destChannel: string,
  disposition: CdrDisposition,
): void {
  const answered = disposition === 'ANSWERED';
  const answerUs =
    channel === s.phone.one || channel === s.phone.two
      ? s.phone.one.createdUs + 1e6
      : s.customerAnswerUs;
  s.pbx.cdr.write({
    channel,
    source: s.plan.agent.ext,
    destination,
    destinationContext: context,
    callerId: { num: s.plan.agent.ext, name: s.plan.agent.name },
    destinationChannel: destChannel,
    lastApplication: app,
    lastData: data,
    startUs: channel.createdUs,
    answerUs: answered ? answerUs : undefined,
    disposition,
  });
}
