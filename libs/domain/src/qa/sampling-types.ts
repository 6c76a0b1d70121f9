/** What the QA sampler draws from and what it answers: plain data, recorded with every draw. */

export interface SamplingRules {
  /** Scored calls each agent must get per week (center rule: at least 3). */
  readonly minPerWeek: number;
  /** Picks per shift the agent worked and had a judgeable call in (rule: one or several). */
  readonly minPerWorkedShift: number;
  /** Calls shorter than this (answer to hang-up) are too short to judge. */
  readonly minTalkSeconds: number;
}

export const DEFAULT_SAMPLING_RULES: SamplingRules = {
  minPerWeek: 3,
  minPerWorkedShift: 1,
  minTalkSeconds: 30,
};

/** One agent leg with its recording: the unit QA listens to. */
export interface CandidateCall {
  /** The recording the reviewer will hear; unique per candidate. */
  readonly recordingId: string;
  readonly agentId: string;
  readonly teamId?: string;
  /** Epoch ms of the answer: places the call in a shift. */
  readonly answeredAt: number;
  readonly talkSeconds: number;
  readonly answered: boolean;
  /** The recording is registered and its file complete and intact. */
  readonly recorded: boolean;
}

/** A shift of the week, [start, end) in epoch ms. */
export interface ShiftSlot {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface SamplingWeek {
  readonly id: string;
  /** In time order, not overlapping. */
  readonly shifts: readonly ShiftSlot[];
  /**
   * Shifts each agent is scheduled for (shift ids), when a schedule exists: the catch-up then
   * spreads what is still needed over the agent's own remaining shifts. Without one, over all
   * remaining shifts of the week.
   */
  readonly schedule?: Readonly<Record<string, readonly string[]>>;
}

export interface SamplePick {
  readonly recordingId: string;
  readonly agentId: string;
  readonly teamId?: string;
  /** The shift whose draw made the pick. */
  readonly shiftId: string;
  /** The shift the call itself belongs to (earlier than `shiftId` for a catch-up pick). */
  readonly callShiftId: string;
  readonly answeredAt: number;
  readonly catchUp: boolean;
}

export interface ShiftDrawInput {
  readonly seed: string;
  readonly week: SamplingWeek;
  readonly shiftId: string;
  readonly rules: SamplingRules;
  /** The week's calls so far (later ones are ignored): catch-up may reach back to them. */
  readonly calls: readonly CandidateCall[];
  /** Picks of this week's earlier draws. */
  readonly previousPicks: readonly SamplePick[];
  /** Agents who worked the shift (logged in), also those without a judgeable call. */
  readonly workedAgents: readonly string[];
}

export type AgentSamplingStatus =
  /** The weekly minimum is reached. */
  | 'met'
  /** Not yet, but later shifts can still reach it. */
  | 'on-track'
  /** The week is over (or the agent has no shift left) and the agent had too few calls. */
  | 'too-few-calls';

export interface AgentShiftReport {
  readonly agentId: string;
  readonly pickedThisShift: number;
  readonly pickedThisWeek: number;
  readonly required: number;
  /** Judgeable calls of the week so far (picked or not). */
  readonly eligibleThisWeek: number;
  readonly status: AgentSamplingStatus;
  /** The agent worked the shift but had no judgeable recorded call in it. */
  readonly shiftUncovered: boolean;
  /** Plain words for the QA lead, e.g. "1005: only 2 judgeable recorded calls this week; 3 required". */
  readonly note?: string;
}

export interface ShiftDraw {
  readonly weekId: string;
  readonly shiftId: string;
  readonly seed: string;
  readonly picks: readonly SamplePick[];
  readonly agents: readonly AgentShiftReport[];
}
