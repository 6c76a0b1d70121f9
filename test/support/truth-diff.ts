import { type DaySummary } from '@cti/domain';
import { type CaptureTruth } from './capture-truth';

type Row = [key: string, expected: unknown, actual: unknown];

/** Seconds: each measured leg may read up to 1 s off the planned dialplan time. */
function secondsClose(expected: number, actual: number, legs: number): boolean {
  return Math.abs(expected - actual) <= Math.max(1, legs);
}

/**
 * Every difference between the replay summary and the capture's ground truth: counts,
 * outcomes and reasons exactly; talk and pause seconds within ±1 s per measured leg/pause.
 */
export function truthDifferences(
  summary: DaySummary,
  truth: CaptureTruth,
  parts: { queues: boolean } = { queues: true },
): string[] {
  const out: string[] = [];
  for (const [ext, exp] of Object.entries(truth.expected.per_agent)) {
    const got = summary.agents.find((a) => a.agentId === ext);
    if (!got) {
      out.push(`${ext}: missing from the summary`);
      continue;
    }
    const legsOf = (via: (v: string) => boolean) =>
      summary.calls.filter((c) => c.agentId === ext && via(c.via)).length;
    const exact: Row[] = [
      ['inbound_answered', exp.inbound_answered, got.inboundAnswered],
      ['inbound_effective', exp.inbound_effective, got.inboundEffective],
      ['outbound_dials', exp.outbound_dials, got.outboundDials],
      ['outbound_answered', exp.outbound_answered, got.outboundAnswered],
      ['outbound_noanswer', exp.outbound_noanswer, got.outboundNoAnswer],
      ['outbound_busy', exp.outbound_busy, got.outboundBusy],
      ['outbound_congestion', exp.outbound_congestion, got.outboundCongestion],
      ['outbound_effective', exp.outbound_effective, got.outboundEffective],
      [
        'outbound_effective_unique_numbers',
        exp.outbound_effective_unique_numbers,
        got.outboundEffectiveUniqueNumbers,
      ],
      ['internal_calls', exp.internal_calls, got.internalCalls],
      ['effective_total', exp.effective_total, got.effectiveTotal],
      ['effective_unique_numbers', exp.effective_unique_numbers, got.effectiveUniqueNumbers],
      ['recorded_calls', exp.recorded_calls, got.recordedCalls],
      ['pauses', exp.pauses, got.pauses.length],
      ['over_limit_pauses', exp.over_limit_pauses, got.overLimitPauses],
      ['quota', exp.quota, got.quota],
      ['quota_met_outbound', exp.quota_met_outbound, got.outboundEffective >= got.quota],
      [
        'quota_met_outbound_unique_numbers',
        exp.quota_met_outbound_unique_numbers,
        got.outboundEffectiveUniqueNumbers >= got.quota,
      ],
      ['transfers_out', exp.transfers_out, got.transfersOut],
      ['transfers_out_blind', exp.transfers_out_blind, got.transfersOutBlind],
      ['transfers_out_attended', exp.transfers_out_attended, got.transfersOutAttended],
      ['transfers_in', exp.transfers_in, got.transfersIn],
      ['transferred_in_direct', exp.transferred_in_direct, got.transferredInDirect],
      [
        'transferred_in_direct_effective',
        exp.transferred_in_direct_effective,
        got.transferredInDirectEffective,
      ],
      ['holds', exp.holds, got.holds],
    ];
    for (const [k, e, g] of exact)
      if (e !== undefined && e !== g)
        out.push(`${ext} ${k}: expected ${String(e)}, got ${String(g)}`);
    const seconds: [string, unknown, number, number][] = [
      ['inbound_talk_s', exp.inbound_talk_s, got.inboundTalkSeconds, legsOf((v) => v === 'queue')],
      [
        'outbound_talk_s',
        exp.outbound_talk_s,
        got.outboundTalkSeconds,
        legsOf((v) => v === 'dial'),
      ],
      [
        'transferred_in_direct_talk_s',
        exp.transferred_in_direct_talk_s,
        got.transferredInDirectTalkSeconds,
        got.transferredInDirect,
      ],
      ['pause_s_total', exp.pause_s_total, got.pauseSecondsTotal, got.pauses.length],
      ['hold_s', exp.hold_s, got.holdSeconds, got.holds],
    ];
    for (const [k, e, g, n] of seconds) {
      if (e !== undefined && !secondsClose(Number(e), g, n))
        out.push(`${ext} ${k}: expected ${String(e)}, got ${g}`);
    }
    const truthPauses = truth.agents.find((a) => String(a.ext) === ext)?.pauses ?? [];
    truthPauses.forEach((p, i) => {
      const g = got.pauses[i];
      if (
        !g ||
        g.reason !== p.reason ||
        g.overLimit !== p.over_limit ||
        Math.abs(g.seconds - p.duration_s) > 1
      ) {
        out.push(
          `${ext} pause ${i}: expected ${p.reason} ${p.duration_s}s over=${p.over_limit}, got ${g ? `${g.reason} ${g.seconds}s over=${g.overLimit}` : 'none'}`,
        );
      }
    });
  }
  for (const [q, exp] of Object.entries(parts.queues ? truth.expected.queues : {})) {
    const got = summary.queues.find((x) => x.queue === q);
    const rows: Row[] = [
      ['offered', exp.offered, got?.offered ?? 0],
      ['answered', exp.answered, got?.answered ?? 0],
      ['abandoned', exp.abandoned, got?.abandoned ?? 0],
      ['answered_after_ring_out', exp.answered_after_ring_out, got?.answeredAfterRingOut ?? 0],
      ['transferred_in', exp.transferred_in, got?.transferredIn ?? 0],
      ['transferred_out', exp.transferred_out, got?.transferredOut ?? 0],
    ];
    for (const [k, e, g] of rows)
      if (e !== undefined && e !== g)
        out.push(`queue ${q} ${k}: expected ${String(e)}, got ${String(g)}`);
  }
  return out;
}
