import { placeOutboundCall } from '../calls/outbound-call';
import { PROFILE, round3, talkSeconds } from '../driver/call-center-profile';
import { type ActionRoute } from './action-context';

/**
 * Originate, answered at once ("Originate successfully queued") with an OriginateResponse later.
 * Understood: click-to-dial `Channel: Local/<ext>@agent-phone/n` + `Exten: <number>` for an idle
 * simulated agent (the call then runs like the generated ones). Anything else fails
 * (`OriginateResponse` with `Response: Failure`, `Reason: 0`).
 */
export const originateAction: ActionRoute = {
  writeClasses: ['originate'],
  handle: ({ pbx, frame, reply }) => {
    const channel = frame.get('Channel');
    if (!channel) return reply.error('Channel not specified');
    const exten = frame.get('Exten') ?? '';
    const context = frame.get('Context') ?? '';
    reply.success('Originate successfully queued');
    const match = /^Local\/(\d+)@agent-phone(\/n)?$/.exec(channel);
    const agent = match ? pbx.agents.get(match[1]) : undefined;
    const actionId = frame.actionId ?? '';
    if (agent && /^\d+$/.test(exten) && pbx.isAgentIdle(agent)) {
      const prng = pbx.prng;
      pbx.sched.after(0.001, () =>
        placeOutboundCall(pbx, {
          agent,
          number: exten,
          outcome: prng.weighted(PROFILE.outcomes),
          customerRingSec: round3(
            prng.uniform(PROFILE.customerRingSec[0], PROFILE.customerRingSec[1]),
          ),
          dialTimeoutSec: PROFILE.dialTimeoutSec,
          talkSec: talkSeconds(prng),
          hangupBy: prng.chance(0.5) ? 'agent' : 'customer',
          recorded: prng.chance(PROFILE.recordedShare),
          actionId,
        }),
      );
      return;
    }
    pbx.sched.after(0.005, () =>
      pbx.events.emit('OriginateResponse', 'call', [
        ['ActionID', actionId],
        ['Response', 'Failure'],
        ['Channel', channel],
        ['Context', context],
        ['Exten', exten],
        ['Reason', '0'],
        ['Uniqueid', '<null>'],
        ['CallerIDNum', '<unknown>'],
        ['CallerIDName', '<unknown>'],
      ]),
    );
  },
};
