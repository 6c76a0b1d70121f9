import { readConfigFile, validateConfig } from '@cti/config';
import { type AgentLeg, type DaySummary } from '@cti/domain';
import { replayCapture } from '@cti/testing';
import { readFileSync } from 'node:fs';
import { withLinkGap } from './support/capture-cuts';
import { CAPTURES_DIR, loadTruth, withCaptureHireDates } from './support/capture-truth';

interface TruthCall {
  callid: string;
  queue: string;
  caller_num: string;
  outcome: string;
  answered_by: number | null;
  talk_s: number;
  effective: boolean;
}

async function replayWithGap(from: number, to: number): Promise<DaySummary> {
  const truth = loadTruth('inbound-day');
  const config = withCaptureHireDates(
    validateConfig(readConfigFile(`${__dirname}/../config/examples/capture-call-center.yaml`)),
    truth,
  );
  const { summary, link, connections } = await replayCapture({
    capturePath: withLinkGap('inbound-day', from, to),
    config,
  });
  expect(connections).toBe(2);
  expect(link.stats.resyncs).toBe(2);
  return summary;
}

const truthCalls = (
  JSON.parse(readFileSync(`${CAPTURES_DIR}/inbound-day.truth.json`, 'utf8')) as {
    inbound_calls: TruthCall[];
  }
).inbound_calls;

function legOf(summary: DaySummary, call: TruthCall): AgentLeg | undefined {
  return summary.calls.find(
    (l) => l.customerNumber === call.caller_num && l.agentId === String(call.answered_by),
  );
}

const answeredCalls = truthCalls.filter((c) => c.outcome === 'answered');

/** Queue answered/offered/abandoned and every agent's answered and effective counts equal the truth. */
function expectCountsEqualTruth(summary: DaySummary): void {
  const truth = loadTruth('inbound-day');
  for (const [queue, expected] of Object.entries(truth.expected.queues)) {
    const got = summary.queues.find((q) => q.queue === queue)!;
    expect({
      queue,
      offered: got.offered,
      answered: got.answered,
      abandoned: got.abandoned,
    }).toEqual({
      queue,
      offered: expected.offered,
      answered: expected.answered,
      abandoned: expected.abandoned,
    });
  }
  for (const agent of summary.agents) {
    const expected = truth.expected.per_agent[agent.agentId];
    if (!expected) continue;
    expect({
      agent: agent.agentId,
      answered: agent.inboundAnswered,
      effective: agent.inboundEffective,
    }).toEqual({
      agent: agent.agentId,
      answered: expected.inbound_answered,
      effective: expected.inbound_effective,
    });
  }
}

/** Gap 1: 90.0 → 100.0 s. Two calls end unseen (in-006, in-011), one runs across (in-008). */
it('a call that ends during a link gap ends at its LastCall; one still up continues as the same leg', async () => {
  const summary = await replayWithGap(90_000, 100_001);
  expectCountsEqualTruth(summary);
  for (const call of answeredCalls) {
    const leg = legOf(summary, call)!;
    expect({ call: call.callid, via: leg.via, queue: leg.queue, effective: leg.effective }).toEqual(
      { call: call.callid, via: 'queue', queue: call.queue, effective: call.effective },
    );
    // AgentComplete's TalkTime and LastCall are whole seconds; the truth is the dialplan's.
    expect({ call: call.callid, talkOff: Math.abs(leg.talkSeconds - call.talk_s) <= 1 }).toEqual({
      call: call.callid,
      talkOff: true,
    });
  }
  const settled = (id: string) =>
    legOf(
      summary,
      answeredCalls.find((c) => c.callid === id)!,
    )!;
  expect(settled('in-006')).toMatchObject({ gap: 'link-gap', settledFrom: 'lastcall' });
  expect(settled('in-011')).toMatchObject({ gap: 'link-gap', settledFrom: 'lastcall' });
  // Same uniqueids, same leg, same answer: the leg id is built from the uniqueids.
  const across = settled('in-008');
  expect(across.gap).toBeUndefined();
  expect(across.id).toBe(`1007:${across.customerUniqueid}:${across.agentUniqueid}`);
  expect(summary.calls.filter((l) => l.id === across.id)).toHaveLength(1);
});

/**
 * Gap 2: 85.0 → 100.0 s. in-011 (1006, a member of both queues) is answered and ends inside
 * the gap: only CallsTaken and the queue's Completed count tell it; in-008 is answered inside
 * the gap and still talking at the resync.
 */
it('a call that began and ended inside the gap counts once, unseen, in the right queue', async () => {
  const summary = await replayWithGap(85_000, 100_001);
  expectCountsEqualTruth(summary);
  const unseen = summary.calls.filter((l) => l.settledFrom === 'unseen');
  expect(unseen).toEqual([
    expect.objectContaining({
      agentId: '1006',
      queue: 'support',
      talkSeconds: 0,
      effective: false,
    }),
  ]);
  for (const id of ['in-006', 'in-007']) {
    const call = answeredCalls.find((c) => c.callid === id)!;
    const leg = legOf(summary, call)!;
    expect({
      id,
      settledFrom: leg.settledFrom,
      talkOk: Math.abs(leg.talkSeconds - call.talk_s) <= 1,
    }).toEqual({ id, settledFrom: 'lastcall', talkOk: true });
  }
  // Answered unseen and still up: a queue leg of the queue Asterisk names, its talk counted
  // from the gap's start at the latest (an upper bound: AMI does not say when it was answered).
  const in008 = answeredCalls.find((c) => c.callid === 'in-008')!;
  const leg = legOf(summary, in008)!;
  expect({ via: leg.via, queue: leg.queue, effective: leg.effective }).toEqual({
    via: 'queue',
    queue: 'support',
    effective: true,
  });
  expect(leg.talkSeconds).toBeGreaterThanOrEqual(in008.talk_s);
});
