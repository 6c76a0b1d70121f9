import { readConfigFile, validateConfig } from '@cti/config';
import { localDay, summarizeDay } from '@cti/domain';
import { CAPTURES_DIR, loadTruth, withCaptureHireDates } from './support/capture-truth';
import { replayDirect } from './support/direct-replay';

const CAPTURES = ['inbound-day', 'outbound-quota', 'transfers', 'blended'];

describe.each(CAPTURES)('capture %s straight into the core', (name) => {
  it('matches the ground truth', () => {
    const truth = loadTruth(name);
    const base = validateConfig(readConfigFile(`${__dirname}/../config/examples/capture-call-center.yaml`));
    const config = withCaptureHireDates(base, truth);
    const { core } = replayDirect(`${CAPTURES_DIR}/${name}.ami.jsonl`, config);
    const summary = summarizeDay(core, localDay(truth.t0_epoch_ms, config.timezone));
    const rows: string[] = [];
    for (const [ext, exp] of Object.entries(truth.expected.per_agent)) {
      const got = summary.agents.find((a) => a.agentId === ext)!;
      const pairs: [string, unknown, unknown][] = [
        ['inbound_answered', exp.inbound_answered, got.inboundAnswered],
        ['inbound_effective', exp.inbound_effective, got.inboundEffective],
        ['inbound_talk_s', exp.inbound_talk_s, got.inboundTalkSeconds],
        ['outbound_dials', exp.outbound_dials, got.outboundDials],
        ['outbound_answered', exp.outbound_answered, got.outboundAnswered],
        ['outbound_noanswer', exp.outbound_noanswer, got.outboundNoAnswer],
        ['outbound_busy', exp.outbound_busy, got.outboundBusy],
        ['outbound_congestion', exp.outbound_congestion, got.outboundCongestion],
        ['outbound_effective', exp.outbound_effective, got.outboundEffective],
        ['outbound_effective_unique', exp.outbound_effective_unique_numbers, got.outboundEffectiveUniqueNumbers],
        ['outbound_talk_s', exp.outbound_talk_s, got.outboundTalkSeconds],
        ['internal_calls', exp.internal_calls, got.internalCalls],
        ['effective_total', exp.effective_total, got.effectiveTotal],
        ['effective_unique', exp.effective_unique_numbers, got.effectiveUniqueNumbers],
        ['recorded_calls', exp.recorded_calls, got.recordedCalls],
        ['pauses', exp.pauses, got.pauses.length],
        ['pause_s_total', exp.pause_s_total, got.pauseSecondsTotal],
        ['over_limit_pauses', exp.over_limit_pauses, got.overLimitPauses],
        ['quota', exp.quota, got.quota],
        ['transfers_out', exp.transfers_out, got.transfersOut],
        ['transfers_out_blind', exp.transfers_out_blind, got.transfersOutBlind],
        ['transfers_out_attended', exp.transfers_out_attended, got.transfersOutAttended],
        ['transfers_in', exp.transfers_in, got.transfersIn],
        ['transferred_in_direct', exp.transferred_in_direct, got.transferredInDirect],
        ['transferred_in_direct_effective', exp.transferred_in_direct_effective, got.transferredInDirectEffective],
        ['transferred_in_direct_talk_s', exp.transferred_in_direct_talk_s, got.transferredInDirectTalkSeconds],
        ['holds', exp.holds, got.holds],
        ['hold_s', exp.hold_s, got.holdSeconds],
      ];
      for (const [k, e, g] of pairs) {
        if (e === undefined) continue;
        const ok = k.endsWith('_s') || k.endsWith('_s_total') ? Math.abs(Number(e) - Number(g)) <= 1 : e === g;
        if (!ok) rows.push(`${ext} ${k}: expected ${String(e)} got ${String(g)}`);
      }
    }
    for (const [q, exp] of Object.entries(truth.expected.queues)) {
      const got = summary.queues.find((x) => x.queue === q);
      const pairs: [string, number, number][] = [
        ['offered', exp.offered, got?.offered ?? 0],
        ['answered', exp.answered, got?.answered ?? 0],
        ['abandoned', exp.abandoned, got?.abandoned ?? 0],
        ['answered_after_ring_out', exp.answered_after_ring_out, got?.answeredAfterRingOut ?? 0],
      ];
      if (exp.transferred_in !== undefined) pairs.push(['transferred_in', exp.transferred_in, got?.transferredIn ?? 0]);
      if (exp.transferred_out !== undefined) pairs.push(['transferred_out', exp.transferred_out, got?.transferredOut ?? 0]);
      for (const [k, e, g] of pairs) if (e !== g) rows.push(`queue ${q} ${k}: expected ${e} got ${g}`);
    }
    expect(rows).toEqual([]);
  });
});
