import { type RulesConfig } from './call-center-config';

export interface LegForVerdict {
  readonly direction: 'inbound' | 'outbound';
  readonly answered: boolean;
  readonly talkSeconds: number;
}

/** An answered call in a counted direction that lasted at least the threshold, answer to hang-up. */
export function isEffective(leg: LegForVerdict, rules: RulesConfig): boolean {
  return (
    leg.answered &&
    rules.effective.directions.includes(leg.direction) &&
    leg.talkSeconds >= rules.effective.minTalkSeconds
  );
}
