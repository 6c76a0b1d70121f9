import { type RulesConfig } from './call-center-config';
import { type AgentPresence } from './agent-presence';
import { type AgentState, type AgentStatus, type CallDirection } from './outputs';

/** What the call graph says about one agent's phones right now. */
export interface PhoneActivity {
  /** Direction of the most recent connected call, if the agent is connected to anyone. */
  readonly connected?: CallDirection;
  readonly held: boolean;
  readonly ringing: boolean;
  readonly dialing: boolean;
}

const UNAVAILABLE_DEVICE_STATES = new Set([4, 5]);
const RINGING_DEVICE_STATES = new Set([6, 7]);

/**
 * The agent's state, first match wins: on call, ringing, dialing, wrap-up, paused,
 * logged out, unavailable, available. Wrap-up has no event: it is the last queue call's end
 * plus the wrap-up time, so it is computed against `now`.
 */
export function deriveAgentStatus(
  presence: AgentPresence,
  phone: PhoneActivity,
  wrapUpSecondsOf: (queue: string) => number,
  rules: RulesConfig,
  now: number,
): Omit<AgentState, 'since'> {
  const loggedIn = presence.loggedIn;
  const paused = presence.pausedEverywhere;
  const pending = paused
    ? {
        pendingPause: {
          reason: presence.pause?.reason ?? paused.pausedReason,
          since: presence.pause?.startedAt ?? paused.lastPause * 1000,
        },
      }
    : {};
  if (phone.connected)
    return {
      status: 'on-call',
      loggedIn,
      direction: phone.connected,
      held: phone.held,
      ...pending,
    };
  const members = [...presence.memberships.values()];
  if (phone.ringing || members.some((m) => RINGING_DEVICE_STATES.has(m.status))) {
    return { status: 'ringing', loggedIn, ...pending };
  }
  if (phone.dialing) return { status: 'dialing', loggedIn, ...pending };
  const wrapUpUntil = wrapUpEnd(presence, wrapUpSecondsOf);
  if (loggedIn && wrapUpUntil > now)
    return { status: 'wrap-up', loggedIn, wrapUpUntil, ...pending };
  if (paused) {
    const reason = presence.pause?.reason ?? paused.pausedReason;
    const status: AgentStatus = rules.wrapUpPauseReasons.includes(reason) ? 'wrap-up' : 'paused';
    return { status, loggedIn, pauseReason: reason };
  }
  if (!loggedIn) return { status: 'logged-out', loggedIn };
  if (members.every((m) => UNAVAILABLE_DEVICE_STATES.has(m.status)))
    return { status: 'unavailable', loggedIn };
  return { status: 'available', loggedIn };
}

function wrapUpEnd(presence: AgentPresence, wrapUpSecondsOf: (queue: string) => number): number {
  if (!presence.lastQueueCallEnd || !presence.lastQueue) return 0;
  const member = presence.memberships.get(presence.lastQueue);
  const seconds = member?.wrapupTime || wrapUpSecondsOf(presence.lastQueue);
  return presence.lastQueueCallEnd + seconds * 1000;
}

/** Same pending pause (a state keeps its `since` when only this changes). */
export function samePendingPause(
  a: Omit<AgentState, 'since'>,
  b: Omit<AgentState, 'since'>,
): boolean {
  return (
    a.pendingPause?.reason === b.pendingPause?.reason &&
    a.pendingPause?.since === b.pendingPause?.since
  );
}

export function sameState(a: Omit<AgentState, 'since'>, b: Omit<AgentState, 'since'>): boolean {
  return (
    a.status === b.status &&
    a.loggedIn === b.loggedIn &&
    a.direction === b.direction &&
    !!a.held === !!b.held &&
    a.pauseReason === b.pauseReason
  );
}
